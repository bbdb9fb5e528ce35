// The subscribers' retention (RGPD, CNIL): what no longer serves is erased in small transactions, each pass
// idempotent. Two worker processes may run it together: rows one of them holds are skipped by the other.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { suppressions } from '../schema';
import { queryRows } from '../shared/query-rows';
import { appendEvents } from '../shared/subscription-events';
import { emailHash } from '../shared/suppressions';
import type { Tx } from '../shared/tx';
import { confirmationRequestedAt, consented, idleSince, neverConfirmed, noActiveSubscription } from './retention-rules';

/** Rows per transaction: a 10,000-person purge never holds its locks for long. */
export const RETENTION_BATCH = 500;
// a pass stops there; the next one goes on (a bound, should something keep re-matching)
const MAX_BATCHES = 200;

export type RetentionCounts = {
  /** people who never confirmed anything, gone entirely (no suppression: they never consented) */
  unconfirmed: number;
  /** pending subscriptions never confirmed, of people kept for their other lists */
  stalePending: number;
  /** confirmation requests never used, of people kept (the IP and form of a request no one confirmed) */
  staleRequests: number;
  /** people with no list left for years, erased as on request: only the address's hash stays */
  departed: number;
};

type ErasedRow = { id: string; email: string; consented: boolean };

async function inBatches(db: Db, batch: (tx: Tx) => Promise<{ picked: number; done: number }>): Promise<number> {
  let total = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const { picked, done } = await db.transaction(batch);
    total += done;
    if (picked < RETENTION_BATCH) break;
  }
  return total;
}

/**
 * Erases the people `who` selects, as the erasure does: their rows (subscriptions and confirmations by cascade,
 * import report lines), an `erased` event for growth (their random id, no address) and, for people who had
 * consented, the address's hash so that no import or staff action writes to them again.
 */
async function erasePeople(tx: Tx, who: SQL, now: Date, retention: string): Promise<{ picked: number; done: number }> {
  const picked = await queryRows<{ id: string }>(
    tx,
    // no order: the scan stops at the batch's size instead of sorting every candidate
    sql`select s.id from subscribers s where ${who} limit ${RETENTION_BATCH} for update of s skip locked`,
  );
  if (!picked.length) return { picked: 0, done: 0 };
  // the same rule again in a new statement (a new snapshot, our locks held): what changed meanwhile is respected
  const gone = await queryRows<ErasedRow>(
    tx,
    sql`
      with checked as (
        select s.id, ${consented} as consented from subscribers s
        where s.id = any(${sql.param(picked.map((p) => p.id))}::uuid[]) and ${who}
      )
      delete from subscribers s using checked c where s.id = c.id returning s.id, s.email, c.consented`,
  );
  if (!gone.length) return { picked: picked.length, done: 0 };
  const keep = gone.filter((p) => p.consented);
  // a bounce, complaint or staff suppression already there stays as it is
  if (keep.length)
    await tx
      .insert(suppressions)
      .values(keep.map((p) => ({ emailHash: emailHash(p.email), reason: 'erased' as const, createdAt: now })))
      .onConflictDoNothing();
  await tx.execute(
    sql`delete from import_problems where lower(value) = any(${sql.param(gone.map((p) => p.email.trim().toLowerCase()))}::text[])`,
  );
  await appendEvents(
    tx,
    gone.map((p) => ({
      type: 'erased' as const,
      subscriberId: p.id,
      source: 'system' as const,
      at: now,
      data: { retention },
    })),
  );
  return { picked: picked.length, done: gone.length };
}

/** People who came through the form and never confirmed anything, idle since `before`: gone, without a trace. */
export function eraseNeverConfirmed(db: Db, input: { now: Date; before: Date }): Promise<number> {
  const who = sql`${neverConfirmed} and ${idleSince(input.before)}`;
  return inBatches(db, (tx) => erasePeople(tx, who, input.now, 'unconfirmed'));
}

/** People with no list left, idle since `before`: erased, their address kept only as a hash. */
export function eraseDeparted(db: Db, input: { now: Date; before: Date }): Promise<number> {
  const who = sql`${noActiveSubscription} and ${idleSince(input.before)}`;
  return inBatches(db, (tx) => erasePeople(tx, who, input.now, 'inactive'));
}

type DroppedRow = { subscriberId: string; listId: number };

/**
 * Pending subscriptions untouched since `before`, of people who consented to something else (the others are
 * `eraseNeverConfirmed`'s): the request expired long ago. Each leaves an `erased` event for its list, so growth's
 * pending count falls on the day it goes and never before.
 */
export function dropStalePending(db: Db, input: { now: Date; before: Date }): Promise<number> {
  const at = sql`${input.before.toISOString()}::timestamptz`;
  const stale = sql`x.status = 'pending' and greatest(x.created_at, x.updated_at) < ${at}
    and not exists (
      select 1 from confirmations c where c.subscriber_id = x.subscriber_id and ${confirmationRequestedAt(sql`c`)} >= ${at}
    )`;
  return inBatches(db, async (tx) => {
    const picked = await queryRows<{ id: string }>(
      tx,
      sql`
        select x.id from subscriptions x join subscribers s on s.id = x.subscriber_id
        where ${stale} and ${consented}
        limit ${RETENTION_BATCH}
        for update of x skip locked`,
    );
    if (!picked.length) return { picked: 0, done: 0 };
    const dropped = await queryRows<DroppedRow>(
      tx,
      sql`
        delete from subscriptions x where x.id = any(${sql.param(picked.map((p) => p.id))}::uuid[]) and ${stale}
        returning x.subscriber_id as "subscriberId", x.list_id as "listId"`,
    );
    await appendEvents(
      tx,
      dropped.map((d) => ({
        type: 'erased' as const,
        subscriberId: d.subscriberId,
        listId: d.listId,
        source: 'system' as const,
        at: input.now,
        data: { retention: 'unconfirmed' },
      })),
    );
    return { picked: picked.length, done: dropped.length };
  });
}

/** Confirmation requests never used and last asked for before `before`: no one confirmed them, nothing proves. */
export function dropStaleRequests(db: Db, input: { before: Date }): Promise<number> {
  const at = sql`${input.before.toISOString()}::timestamptz`;
  return inBatches(db, async (tx) => {
    const [row] = await queryRows<{ n: number }>(
      tx,
      sql`
        with gone as (
          delete from confirmations where id in (
            select c.id from confirmations c
            where c.used_at is null and ${confirmationRequestedAt(sql`c`)} < ${at}
            limit ${RETENTION_BATCH}
            for update skip locked
          )
          returning id
        )
        select count(*)::int as n from gone`,
    );
    const n = row?.n ?? 0;
    return { picked: n, done: n };
  });
}

/**
 * One pass, in this order: never-confirmed people first (whole), then the stale requests of the others, then the
 * people gone for years. Each step acts only on what the clock says is due: a pass may repeat.
 */
export async function purgeSubscribers(
  db: Db,
  input: { now: Date; unconfirmedBefore: Date; departedBefore: Date },
): Promise<RetentionCounts> {
  const unconfirmed = await eraseNeverConfirmed(db, { now: input.now, before: input.unconfirmedBefore });
  const stalePending = await dropStalePending(db, { now: input.now, before: input.unconfirmedBefore });
  const staleRequests = await dropStaleRequests(db, { before: input.unconfirmedBefore });
  const departed = await eraseDeparted(db, { now: input.now, before: input.departedBefore });
  return { unconfirmed, stalePending, staleRequests, departed };
}
