// The public « Proposer » form's write: one proposal stored unconfirmed, and at most one confirmation email owed.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { contributionEvents, contributionMail, contributions, media, proposers } from '../schema';
import type { DbOrTx } from '../shared/tx';

/** What a proposal holds, as the row stores it (dates already instants; '' for the fields of other kinds). */
export type ProposalValues = {
  kind: 'event' | 'job' | 'news';
  title: string;
  description: string;
  url: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  online: boolean | null;
  place: string;
  organiser: string;
  organisation: string;
  contractType: string | null;
  remote: boolean | null;
  closesOn: string | null;
  imageMediaId: string | null;
  imageAlt: string;
};

export type ReceiveProposalInput = {
  email: string;
  name: string;
  values: ProposalValues;
  consent: { textVersion: string; ip: string | null };
  now: Date;
  /** at most one confirmation email per address in this window (24 h) */
  resendAfterMs: number;
};

/**
 * Upserts the proposer, stores the proposal `unconfirmed` with its `proposed` event, and owes a confirmation email
 * only when none is waiting to go out and the last one went out more than `resendAfterMs` ago: a hundred
 * proposals from one address make one email. Returns the owed email's id (queue it), or null.
 */
export async function receiveProposal(
  db: DbOrTx,
  input: ReceiveProposalInput,
): Promise<{ contributionId: string; contributionMailId: string | null }> {
  return db.transaction(async (tx) => {
    const email = input.email.trim();
    await tx.insert(proposers).values({ email, createdAt: input.now }).onConflictDoNothing();
    const [proposer] = await tx
      .select({ id: proposers.id, lastSentAt: proposers.lastConfirmationSentAt })
      .from(proposers)
      .where(sql`lower(${proposers.email}) = lower(${email})`)
      .for('update');
    const proposerId = proposer!.id;
    const [created] = await tx
      .insert(contributions)
      .values({
        ...input.values,
        proposerId,
        proposerName: input.name.trim(),
        status: 'unconfirmed',
        consentAt: input.now,
        consentTextVersion: input.consent.textVersion,
        consentIp: input.consent.ip,
        createdAt: input.now,
        updatedAt: input.now,
      })
      .returning({ id: contributions.id });
    const contributionId = created!.id;
    await tx.insert(contributionEvents).values({ contributionId, type: 'proposed', at: input.now });

    // an unsent confirmation younger than a day still goes out (its link will show this proposal too)
    const waitingSince = new Date(input.now.getTime() - input.resendAfterMs);
    const [waiting] = await tx
      .select({ id: contributionMail.id })
      .from(contributionMail)
      .where(
        and(
          eq(contributionMail.proposerId, proposerId),
          eq(contributionMail.kind, 'confirm'),
          isNull(contributionMail.sentAt),
          gt(contributionMail.createdAt, waitingSince),
        ),
      )
      .limit(1);
    const lastSentAt = proposer!.lastSentAt;
    const allowed = !waiting && (!lastSentAt || lastSentAt.getTime() <= waitingSince.getTime());
    if (!allowed) return { contributionId, contributionMailId: null };
    const [mail] = await tx
      .insert(contributionMail)
      .values({ kind: 'confirm', proposerId, createdAt: input.now })
      .returning({ id: contributionMail.id });
    return { contributionId, contributionMailId: mail!.id };
  });
}

/** An image sent with a proposal: a media row nobody on the team created (`created_by` null). */
export async function createProposalMedia(
  db: DbOrTx,
  input: {
    id: string;
    fileName: string;
    mime: string;
    width: number;
    height: number;
    bytes: number;
    hasAlpha: boolean;
    alt: string;
    now: Date;
  },
): Promise<void> {
  await db.insert(media).values({ ...input, caption: '', createdBy: null, createdAt: input.now });
}
