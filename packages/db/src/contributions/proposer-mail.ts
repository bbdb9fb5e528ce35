// The emails owed to proposers (`contribution_mail`): one row is one email, sent once by the mail worker.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { contributionMail, contributions, proposerLinks, proposers } from '../schema';
import { queryRows } from '../shared/query-rows';
import { suppressionReason } from '../shared/suppressions';
import type { DbOrTx } from '../shared/tx';

/** A proposer's link (« Mes propositions ») works this long from the email that carries it. */
export const PROPOSER_LINK_VALID_DAYS = 30;
export const PROPOSER_LINK_VALID_MS = PROPOSER_LINK_VALID_DAYS * 24 * 3600_000;

/** What an outcome email says about its proposal (text the proposer typed, shown escaped). */
export type ContributionMailSubject = {
  kind: 'event' | 'job' | 'news';
  title: string;
  slug: string | null;
  staffMessage: string;
  publishAt: Date | null;
  startsAt: Date | null;
};

export type PreparedContributionMail =
  | { skip: string }
  | {
      kind: 'confirm' | 'accepted' | 'changes_requested' | 'refused';
      email: string;
      /** null for a confirmation: it names nothing the proposer typed */
      contribution: ContributionMailSubject | null;
    };

// which status an outcome email speaks of: a later decision makes an older email pointless
const OUTCOME_STATUS = { accepted: 'accepted', changes_requested: 'changes_requested', refused: 'refused' } as const;

/**
 * Reads an owed email and, when it still makes sense, stores the hash of the fresh link it will carry (valid
 * `validMs`). Skipped: already sent, proposer or proposal erased, an address that bounced or complained, a
 * confirmation with nothing left to confirm, an outcome overtaken by a later decision.
 */
export async function prepareContributionMail(
  db: DbOrTx,
  input: { contributionMailId: string; tokenHash: string; now: Date; validMs?: number },
): Promise<PreparedContributionMail> {
  const [row] = await db
    .select({
      kind: contributionMail.kind,
      sentAt: contributionMail.sentAt,
      proposerId: contributionMail.proposerId,
      contributionId: contributionMail.contributionId,
      email: proposers.email,
    })
    .from(contributionMail)
    .innerJoin(proposers, eq(proposers.id, contributionMail.proposerId))
    .where(eq(contributionMail.id, input.contributionMailId));
  if (!row) return { skip: 'contribution mail gone' };
  if (row.sentAt) return { skip: 'already sent' };
  // a bounce, a complaint or staff's suppression stands; an erased subscriber may still propose
  const suppressed = await suppressionReason(db, row.email);
  if (suppressed && suppressed !== 'erased') return { skip: 'address suppressed' };
  let contribution: ContributionMailSubject | null = null;
  if (row.kind === 'confirm') {
    const [open] = await db
      .select({ id: contributions.id })
      .from(contributions)
      .where(and(eq(contributions.proposerId, row.proposerId), eq(contributions.status, 'unconfirmed')))
      .limit(1);
    if (!open) return { skip: 'nothing left to confirm' };
  } else {
    if (!row.contributionId) return { skip: 'contribution erased' };
    const [found] = await db
      .select({
        kind: contributions.kind,
        status: contributions.status,
        title: contributions.title,
        slug: contributions.slug,
        staffMessage: contributions.staffMessage,
        publishAt: contributions.publishAt,
        startsAt: contributions.startsAt,
      })
      .from(contributions)
      .where(eq(contributions.id, row.contributionId));
    if (!found) return { skip: 'contribution erased' };
    if (found.status !== OUTCOME_STATUS[row.kind]) return { skip: 'decision changed since' };
    const { status: _status, ...subject } = found;
    contribution = subject;
  }
  await db.insert(proposerLinks).values({
    tokenHash: input.tokenHash,
    proposerId: row.proposerId,
    createdAt: input.now,
    expiresAt: new Date(input.now.getTime() + (input.validMs ?? PROPOSER_LINK_VALID_MS)),
  });
  return { kind: row.kind, email: row.email, contribution };
}

/** After the mail server took it: never sent again; a confirmation starts the proposer's 24 h. */
export async function markContributionMailSent(
  db: DbOrTx,
  input: { contributionMailId: string; now: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(contributionMail)
      .set({ sentAt: input.now })
      .where(and(eq(contributionMail.id, input.contributionMailId), isNull(contributionMail.sentAt)))
      .returning({ kind: contributionMail.kind, proposerId: contributionMail.proposerId });
    if (row?.kind === 'confirm')
      await tx.update(proposers).set({ lastConfirmationSentAt: input.now }).where(eq(proposers.id, row.proposerId));
  });
}

// a confirmation older than a day is replaced by the next proposal's; a decision is worth telling for 3 days
const CONFIRM_OWED_MS = 24 * 3600_000;
const OUTCOME_OWED_MS = 3 * 24 * 3600_000;

/** Unsent proposer emails still worth sending, for the mail rebuild: a lost job comes back under its id. */
export async function owedContributionMail(
  db: DbOrTx,
  input: { now: Date; limit?: number },
): Promise<{ contributionMailId: string }[]> {
  const confirmSince = new Date(input.now.getTime() - CONFIRM_OWED_MS).toISOString();
  const outcomeSince = new Date(input.now.getTime() - OUTCOME_OWED_MS).toISOString();
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
      select m.id
      from contribution_mail m
      where m.sent_at is null
        and m.created_at > case when m.kind = 'confirm' then ${confirmSince}::timestamptz
                                else ${outcomeSince}::timestamptz end
      order by m.created_at
      limit ${input.limit ?? 1000}`,
  );
  return rows.map((r) => ({ contributionMailId: r.id }));
}
