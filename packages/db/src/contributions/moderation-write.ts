// Staff's edits and decisions on a proposal (issue 17): each one a transaction with its history entry and, for a
// decision, the email owed to the proposer (a `contribution_mail` row the mail worker sends once).
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { isUniqueViolation } from '../errors';
import { queryRows } from '../shared/query-rows';
import type { Tx } from '../shared/tx';
import { contributionEvents, contributionMail, contributions } from '../schema';
import type { ContributionRecord, ContributionStatusValue } from './moderation-read';

export type ModerationDecision = 'accept' | 'request_changes' | 'refuse';

/** From which statuses staff may take each step; anything else is a ContributionStateError. */
export const MODERATION_FROM: Record<ModerationDecision | 'edit', readonly ContributionStatusValue[]> = {
  edit: ['pending', 'changes_requested', 'accepted'],
  accept: ['pending', 'changes_requested'],
  request_changes: ['pending'],
  // an accepted item may be taken down this way, with a message to its proposer
  refuse: ['pending', 'changes_requested', 'accepted'],
};

export class ContributionNotFoundError extends Error {
  readonly code = 'NOT_FOUND';
  constructor() {
    super('No such contribution');
    this.name = 'ContributionNotFoundError';
  }
}

/** The step is not allowed from the proposal's current status (someone decided, or the proposer withdrew). */
export class ContributionStateError extends Error {
  readonly code = 'TRANSITION_NOT_ALLOWED';
  constructor(readonly status: ContributionStatusValue) {
    super(`Not allowed from ${status}`);
    this.name = 'ContributionStateError';
  }
}

/** Someone changed the proposal since the version the edit started from. */
export class ContributionEditConflictError extends Error {
  readonly code = 'EDIT_CONFLICT';
  constructor(readonly current: { updatedAt: Date }) {
    super('The contribution was changed by someone else');
    this.name = 'ContributionEditConflictError';
  }
}

/** What staff may change: the kind's fields (only those given are written), as instants and a Paris day. */
export type ContributionEdit = Partial<
  Pick<
    ContributionRecord,
    | 'title'
    | 'description'
    | 'url'
    | 'imageAlt'
    | 'startsAt'
    | 'endsAt'
    | 'online'
    | 'place'
    | 'organiser'
    | 'organisation'
    | 'contractType'
    | 'remote'
    | 'closesOn'
  >
>;

async function lockContribution(tx: Tx, id: string): Promise<ContributionRecord> {
  const [row] = await tx.select().from(contributions).where(eq(contributions.id, id)).for('update');
  if (!row) throw new ContributionNotFoundError();
  return row;
}

const sameValue = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

/**
 * Staff's edit over `updatedAt` (the version read, to the millisecond): a stale one is refused and nothing is
 * written. Returns the fields that changed (named in the history entry).
 */
export async function editContribution(
  db: Db,
  input: { id: string; updatedAt: Date; fields: ContributionEdit; actorId: string; now: Date },
): Promise<string[]> {
  return db.transaction(async (tx) => {
    const current = await lockContribution(tx, input.id);
    if (!MODERATION_FROM.edit.includes(current.status)) throw new ContributionStateError(current.status);
    // JavaScript dates stop at the millisecond; PostgreSQL keeps microseconds
    if (Math.floor(current.updatedAt.getTime()) !== input.updatedAt.getTime())
      throw new ContributionEditConflictError({ updatedAt: current.updatedAt });
    const changed = (Object.keys(input.fields) as (keyof ContributionEdit)[]).filter(
      (key) => !sameValue(current[key], input.fields[key]),
    );
    if (changed.length === 0) return [];
    await tx
      .update(contributions)
      .set({ ...input.fields, updatedAt: input.now })
      .where(eq(contributions.id, input.id));
    await tx.insert(contributionEvents).values({
      contributionId: input.id,
      at: input.now,
      type: 'edited',
      actorId: input.actorId,
      data: { fields: changed },
    });
    return changed;
  });
}

/** The first free slug among `base`, `base-2`, `base-3`… (contributions only: their paths are their own). */
async function freeSlug(tx: Tx, base: string): Promise<string> {
  const rows = await queryRows<{ slug: string }>(
    tx,
    sql`select slug from contributions where slug = ${base} or slug ~ ${`^${base}-[0-9]+$`}`,
  );
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export type DecisionResult = {
  /** the `contribution_mail` row to queue once committed; null when the proposer is gone */
  mailId: string | null;
  from: ContributionStatusValue;
  kind: ContributionRecord['kind'];
  slug: string | null;
};

/**
 * Accept, ask for changes or refuse, in one transaction: the new status, the decision's fields, the history entry
 * and the email owed to the proposer. `slugBase` (accept) is the title's slug; a clash gets a numbered suffix.
 */
export async function decideContribution(
  db: Db,
  input: {
    id: string;
    decision: ModerationDecision;
    actorId: string;
    now: Date;
    /** request_changes and refuse: emailed to the proposer */
    message?: string;
    /** accept: public from then (default now) */
    publishAt?: Date;
    slugBase?: string;
  },
): Promise<DecisionResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => decideIn(tx, input));
    } catch (error) {
      // two items accepted at once under one title: the second takes the next suffix
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

async function decideIn(tx: Tx, input: Parameters<typeof decideContribution>[1]): Promise<DecisionResult> {
  const current = await lockContribution(tx, input.id);
  if (!MODERATION_FROM[input.decision].includes(current.status)) throw new ContributionStateError(current.status);
  const message = input.message?.trim() ?? '';
  const decided = { decidedBy: input.actorId, decidedAt: input.now, updatedAt: input.now };
  let slug = current.slug;
  let mailKind: 'accepted' | 'changes_requested' | 'refused';
  let eventType: 'accepted' | 'changes_requested' | 'refused';
  const data: Record<string, unknown> = { from: current.status };
  if (input.decision === 'accept') {
    slug ??= await freeSlug(tx, input.slugBase || 'proposition');
    const publishAt = input.publishAt ?? input.now;
    data.publishAt = publishAt.toISOString();
    await tx
      .update(contributions)
      .set({ ...decided, status: 'accepted', slug, publishAt, staffMessage: '', closedAt: null })
      .where(eq(contributions.id, input.id));
    mailKind = eventType = 'accepted';
  } else if (input.decision === 'request_changes') {
    await tx
      .update(contributions)
      .set({ ...decided, status: 'changes_requested', staffMessage: message })
      .where(eq(contributions.id, input.id));
    mailKind = eventType = 'changes_requested';
  } else {
    // erased CONTRIBUTION_ERASE_DAYS after closed_at
    await tx
      .update(contributions)
      .set({ ...decided, status: 'refused', staffMessage: message, closedAt: input.now })
      .where(eq(contributions.id, input.id));
    mailKind = eventType = 'refused';
  }
  await tx.insert(contributionEvents).values({
    contributionId: input.id,
    at: input.now,
    type: eventType,
    actorId: input.actorId,
    message,
    data,
  });
  let mailId: string | null = null;
  if (current.proposerId) {
    const [mail] = await tx
      .insert(contributionMail)
      .values({ kind: mailKind, proposerId: current.proposerId, contributionId: input.id, createdAt: input.now })
      .returning({ id: contributionMail.id });
    mailId = mail!.id;
  }
  return { mailId, from: current.status, kind: current.kind, slug };
}
