// « Mes propositions »: what the link of a proposer's email shows and lets them do (confirm, withdraw, resubmit).
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import {
  contributionEvents,
  contributions,
  lists,
  proposerLinks,
  proposers,
  subscribers,
  subscriptions,
} from '../schema';
import type { DbOrTx } from '../shared/tx';
import type { ProposalValues } from './receive-proposal';

/** The proposer a link names while it is valid, or null (unknown, expired, or the proposer erased). */
export async function findProposerByLink(
  db: DbOrTx,
  input: { tokenHash: string; now: Date },
): Promise<{ proposerId: string; email: string } | null> {
  const [row] = await db
    .select({ proposerId: proposers.id, email: proposers.email })
    .from(proposerLinks)
    .innerJoin(proposers, eq(proposers.id, proposerLinks.proposerId))
    .where(and(eq(proposerLinks.tokenHash, input.tokenHash), gt(proposerLinks.expiresAt, input.now)));
  return row ?? null;
}

const proposalColumns = {
  id: contributions.id,
  kind: contributions.kind,
  status: contributions.status,
  slug: contributions.slug,
  title: contributions.title,
  description: contributions.description,
  url: contributions.url,
  imageMediaId: contributions.imageMediaId,
  imageAlt: contributions.imageAlt,
  startsAt: contributions.startsAt,
  endsAt: contributions.endsAt,
  online: contributions.online,
  place: contributions.place,
  organiser: contributions.organiser,
  organisation: contributions.organisation,
  contractType: contributions.contractType,
  remote: contributions.remote,
  closesOn: contributions.closesOn,
  staffMessage: contributions.staffMessage,
  publishAt: contributions.publishAt,
  expiredAt: contributions.expiredAt,
  closedAt: contributions.closedAt,
  confirmedAt: contributions.confirmedAt,
  createdAt: contributions.createdAt,
  // refused because the address is not a confirmed adherent's: the page explains it, not a moderator's choice
  notAdherent: sql<boolean>`exists (select 1 from contribution_events e
    where e.contribution_id = contributions.id and e.type = 'not_adherent')`,
};

/** Every proposal of one address, newest first. */
export async function listProposerContributions(db: DbOrTx, input: { proposerId: string }) {
  const rows = await db
    .select(proposalColumns)
    .from(contributions)
    .where(eq(contributions.proposerId, input.proposerId))
    .orderBy(sql`${contributions.createdAt} desc`, asc(contributions.id));
  return rows.map((r) => ({ ...r, notAdherent: Boolean(r.notAdherent) }));
}
export type ProposerContribution = Awaited<ReturnType<typeof listProposerContributions>>[number];

/** A subscriber of the `adherents` list whose subscription is confirmed: who may send members' news. */
export async function isConfirmedAdherent(db: DbOrTx, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .innerJoin(subscribers, eq(subscribers.id, subscriptions.subscriberId))
    .innerJoin(lists, eq(lists.id, subscriptions.listId))
    .where(
      and(
        eq(lists.slug, 'adherents'),
        eq(subscriptions.status, 'confirmed'),
        sql`lower(${subscribers.email}) = lower(${email.trim()})`,
      ),
    )
    .limit(1);
  return Boolean(row);
}

/**
 * The proposer's click: each chosen unconfirmed proposal goes to moderation (`pending`), except a members' news
 * item from an address that is not a confirmed adherent's, which is refused at once (`not_adherent`) and never
 * reaches staff. Returns the ids in each case.
 */
export async function confirmProposals(
  db: DbOrTx,
  input: { proposerId: string; email: string; contributionIds: readonly string[]; now: Date },
): Promise<{ confirmed: string[]; notAdherent: string[] }> {
  if (!input.contributionIds.length) return { confirmed: [], notAdherent: [] };
  const adherent = await isConfirmedAdherent(db, input.email);
  return db.transaction(async (tx) => {
    const open = await tx
      .select({ id: contributions.id, kind: contributions.kind })
      .from(contributions)
      .where(
        and(
          eq(contributions.proposerId, input.proposerId),
          eq(contributions.status, 'unconfirmed'),
          inArray(contributions.id, [...input.contributionIds]),
        ),
      )
      .for('update');
    const refused = open.filter((c) => c.kind === 'news' && !adherent).map((c) => c.id);
    const confirmed = open.filter((c) => !refused.includes(c.id)).map((c) => c.id);
    if (confirmed.length) {
      await tx
        .update(contributions)
        .set({ status: 'pending', confirmedAt: input.now, updatedAt: input.now })
        .where(inArray(contributions.id, confirmed));
      await tx
        .insert(contributionEvents)
        .values(confirmed.map((contributionId) => ({ contributionId, type: 'confirmed' as const, at: input.now })));
    }
    if (refused.length) {
      await tx
        .update(contributions)
        .set({ status: 'refused', confirmedAt: input.now, closedAt: input.now, updatedAt: input.now })
        .where(inArray(contributions.id, refused));
      await tx
        .insert(contributionEvents)
        .values(refused.map((contributionId) => ({ contributionId, type: 'not_adherent' as const, at: input.now })));
    }
    return { confirmed, notAdherent: refused };
  });
}

/** Statuses a proposer may withdraw from (an accepted item leaves the site). */
export const WITHDRAWABLE = ['unconfirmed', 'pending', 'changes_requested', 'accepted'] as const;

/** The proposer withdraws one proposal: erased 90 days after `closed_at`. False if it was not theirs or closed. */
export async function withdrawProposal(
  db: DbOrTx,
  input: { proposerId: string; contributionId: string; now: Date },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(contributions)
      .set({ status: 'withdrawn', closedAt: input.now, updatedAt: input.now })
      .where(
        and(
          eq(contributions.id, input.contributionId),
          eq(contributions.proposerId, input.proposerId),
          inArray(contributions.status, [...WITHDRAWABLE]),
        ),
      )
      .returning({ id: contributions.id });
    if (!row) return false;
    await tx.insert(contributionEvents).values({ contributionId: row.id, type: 'withdrawn', at: input.now });
    return true;
  });
}

/** The fields a resubmission may change: everything typed, but not the image itself (its alt text yes). */
export type ResubmittedValues = Omit<ProposalValues, 'kind' | 'imageMediaId'>;

/**
 * After staff asked for changes: the proposer's new version goes back to moderation (`pending`, `resubmitted`).
 * False unless the proposal is theirs and changes were asked.
 */
export async function resubmitProposal(
  db: DbOrTx,
  input: { proposerId: string; contributionId: string; values: ResubmittedValues; now: Date },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(contributions)
      .set({ ...input.values, status: 'pending', updatedAt: input.now })
      .where(
        and(
          eq(contributions.id, input.contributionId),
          eq(contributions.proposerId, input.proposerId),
          eq(contributions.status, 'changes_requested'),
        ),
      )
      .returning({ id: contributions.id });
    if (!row) return false;
    await tx.insert(contributionEvents).values({ contributionId: row.id, type: 'resubmitted', at: input.now });
    return true;
  });
}
