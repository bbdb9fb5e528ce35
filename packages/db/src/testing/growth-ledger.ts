// The growth tests' and benches' direct reads and writes of the ledger and the snapshots (outside packages/db).
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../database';
import { listSnapshots, subscriptionEvents } from '../schema';

export type LedgerEvent = typeof subscriptionEvents.$inferSelect;
export type TestLedgerEvent = {
  at: string;
  type: LedgerEvent['type'];
  subscriberId: string;
  listId: number | null;
  data?: Record<string, unknown>;
};

/** Writes events straight into the ledger (source `system`), as a known history to count. */
export async function insertLedgerEvents(db: Db, events: TestLedgerEvent[]): Promise<void> {
  await db
    .insert(subscriptionEvents)
    .values(events.map((e) => ({ ...e, at: new Date(e.at), source: 'system' as const, data: e.data ?? {} })));
}

/** The whole ledger, by time then id. */
export async function ledgerEvents(db: Db): Promise<LedgerEvent[]> {
  return db.select().from(subscriptionEvents).orderBy(asc(subscriptionEvents.at), asc(subscriptionEvents.id));
}

export type StoredSnapshot = typeof listSnapshots.$inferSelect;

/** Every stored snapshot (with `takenAt`), or one list's, by list then day. */
export async function storedSnapshots(db: Db, input: { listId?: number } = {}): Promise<StoredSnapshot[]> {
  return db
    .select()
    .from(listSnapshots)
    .where(input.listId === undefined ? undefined : eq(listSnapshots.listId, input.listId))
    .orderBy(asc(listSnapshots.listId), asc(listSnapshots.day));
}

/** Spoils one stored figure, for the test that the next run puts it right. */
export async function setSnapshotConfirmed(
  db: Db,
  input: { listId: number; day: string; confirmed: number },
): Promise<void> {
  await db
    .update(listSnapshots)
    .set({ confirmed: input.confirmed })
    .where(and(eq(listSnapshots.listId, input.listId), eq(listSnapshots.day, input.day)));
}

/** Forgets one day's snapshots, as if the nightly job had not run yet. */
export async function deleteSnapshotsOfDay(db: Db, day: string): Promise<void> {
  await db.delete(listSnapshots).where(eq(listSnapshots.day, day));
}
