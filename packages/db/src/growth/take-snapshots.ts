import { eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { lists, listSnapshots } from '../schema';
import { foldSnapshots, type DayChanges, type DaySnapshot } from './fold-snapshots';
import { ledgerChanges } from './ledger-changes';
import { addDays, daysBetween, parisDay, parisDayStart } from './paris-day';

/**
 * Computes the snapshots of `from`..`to` (Paris days) from the ledger, without writing them.
 * When every list has a snapshot for the day before `from`, it starts from those counts and reads
 * only the history of the people with events in the range (the nightly case); `fromScratch`
 * replays the whole ledger instead.
 */
export async function computeSnapshots(
  db: Db,
  input: { from: string; to: string; fromScratch?: boolean },
): Promise<DaySnapshot[]> {
  const days = daysBetween(input.from, input.to);
  if (!days.length) return [];
  const bounds = [...days.map(parisDayStart), parisDayStart(addDays(input.to, 1))];
  const listIds = (await db.select({ id: lists.id }).from(lists).orderBy(lists.id)).map((l) => l.id);
  const eve = input.fromScratch
    ? []
    : await db
        .select()
        .from(listSnapshots)
        .where(eq(listSnapshots.day, addDays(input.from, -1)));
  const incremental = listIds.length > 0 && listIds.every((id) => eve.some((s) => s.listId === id));
  const ledger = await ledgerChanges(db, { bounds, onlyTouched: incremental });
  const before = incremental
    ? new Map(eve.map((s) => [s.listId, { confirmed: s.confirmed, pending: s.pending, unsubscribed: s.unsubscribed }]))
    : ledger.before;
  const { changes } = ledger;
  const byDay = new Map<string, DayChanges>();
  for (const [listId, perBucket] of changes)
    for (const [bucket, c] of perBucket) byDay.set(`${listId}|${days[bucket - 1]}`, c);
  return foldSnapshots({ listIds, days, before, changes: byDay });
}

/**
 * Writes the snapshots of `from`..`to` (idempotent: a row is rewritten only when its figures
 * differ, so running twice changes nothing). Returns the number of rows written or changed.
 */
export async function snapshotDays(
  db: Db,
  input: { from: string; to: string; now: Date; fromScratch?: boolean },
): Promise<{ days: number; written: number }> {
  const rows = await computeSnapshots(db, input);
  if (!rows.length) return { days: 0, written: 0 };
  const col = <K extends keyof DaySnapshot>(k: K) => sql.param(rows.map((r) => r[k]));
  const result = (await db.execute(sql`
    insert into list_snapshots (list_id, day, confirmed, pending, unsubscribed, subscribes, confirmations, unsubscribes, bounces, erasures, taken_at)
    select l, d, c, p, u, s, cf, us, b, e, ${input.now.toISOString()}::timestamptz
    from unnest(${col('listId')}::int[], ${col('day')}::text[], ${col('confirmed')}::int[], ${col('pending')}::int[], ${col('unsubscribed')}::int[],
      ${col('subscribes')}::int[], ${col('confirmations')}::int[], ${col('unsubscribes')}::int[], ${col('bounces')}::int[], ${col('erasures')}::int[])
      as x(l, d, c, p, u, s, cf, us, b, e)
    on conflict (list_id, day) do update set
      confirmed = excluded.confirmed, pending = excluded.pending, unsubscribed = excluded.unsubscribed, subscribes = excluded.subscribes,
      confirmations = excluded.confirmations, unsubscribes = excluded.unsubscribes, bounces = excluded.bounces, erasures = excluded.erasures,
      taken_at = excluded.taken_at
    where (list_snapshots.confirmed, list_snapshots.pending, list_snapshots.unsubscribed, list_snapshots.subscribes, list_snapshots.confirmations,
      list_snapshots.unsubscribes, list_snapshots.bounces, list_snapshots.erasures)
      is distinct from (excluded.confirmed, excluded.pending, excluded.unsubscribed, excluded.subscribes, excluded.confirmations,
      excluded.unsubscribes, excluded.bounces, excluded.erasures)
    returning 1
  `)) as unknown as { rows: unknown[] };
  return { days: daysBetween(input.from, input.to).length, written: result.rows.length };
}

/**
 * The nightly job: yesterday (Paris), plus every day missed since the last snapshot, or since
 * the first event when there is none yet. Past days never change: the ledger only grows at `now`.
 */
export async function takeSnapshots(
  db: Db,
  input: { now: Date },
): Promise<{ from: string | null; to: string; days: number; written: number }> {
  const to = addDays(parisDay(input.now), -1);
  const [last] = (
    (await db.execute(sql`select max(day) as day from list_snapshots`)) as unknown as { rows: { day: string | null }[] }
  ).rows;
  let from: string | null = null;
  if (last?.day) from = addDays(last.day, 1) < to ? addDays(last.day, 1) : to;
  else {
    const [first] = (
      (await db.execute(sql`select min(at) as at from subscription_events`)) as unknown as {
        rows: { at: string | Date | null }[];
      }
    ).rows;
    if (first?.at) from = parisDay(new Date(first.at));
  }
  if (!from || from > to) return { from, to, days: 0, written: 0 };
  return { from, to, ...(await snapshotDays(db, { from, to, now: input.now })) };
}
