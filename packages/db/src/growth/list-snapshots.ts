import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { listSnapshots } from '../schema';
import { queryRows } from '../shared/query-rows';
import type { DayFigures } from './day-figures';

/** One list's figures at the end of one Paris day ('YYYY-MM-DD'): counts, and what moved during the day. */
export type ListSnapshotRow = {
  listId: number;
  day: string;
} & DayFigures;

const figures = {
  listId: listSnapshots.listId,
  day: listSnapshots.day,
  confirmed: listSnapshots.confirmed,
  pending: listSnapshots.pending,
  unsubscribed: listSnapshots.unsubscribed,
  subscribes: listSnapshots.subscribes,
  confirmations: listSnapshots.confirmations,
  unsubscribes: listSnapshots.unsubscribes,
  bounces: listSnapshots.bounces,
  erasures: listSnapshots.erasures,
};

/** Snapshot rows of some lists between two days included, sorted by list then day. */
export async function snapshotsBetween(
  db: Db,
  input: { listIds: number[]; from: string; to: string },
): Promise<ListSnapshotRow[]> {
  if (!input.listIds.length) return [];
  return db
    .select(figures)
    .from(listSnapshots)
    .where(
      and(
        inArray(listSnapshots.listId, input.listIds),
        gte(listSnapshots.day, input.from),
        lte(listSnapshots.day, input.to),
      ),
    )
    .orderBy(asc(listSnapshots.listId), asc(listSnapshots.day));
}

/** Every list's snapshot of one day (the lists that have one). */
export async function snapshotsOfDay(db: Db, day: string): Promise<ListSnapshotRow[]> {
  return db.select(figures).from(listSnapshots).where(eq(listSnapshots.day, day));
}

type LastDayRow = { day: string | null };

/** The latest day any list has a snapshot for, or null before the first one. */
export async function lastSnapshotDay(db: Db): Promise<string | null> {
  const [last] = await queryRows<LastDayRow>(db, sql`select max(day) as day from list_snapshots`);
  return last?.day ?? null;
}

type WrittenRow = { written: number };

/**
 * Writes snapshot rows (idempotent: a row is rewritten only when its figures differ, so writing the
 * same rows twice changes nothing). Returns the number of rows written or changed.
 */
export async function storeSnapshots(db: Db, input: { rows: ListSnapshotRow[]; now: Date }): Promise<number> {
  const { rows } = input;
  if (!rows.length) return 0;
  const col = <K extends keyof ListSnapshotRow>(k: K) => sql.param(rows.map((r) => r[k]));
  const written = await queryRows<WrittenRow>(
    db,
    sql`
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
    returning 1 as written
  `,
  );
  return written.length;
}
