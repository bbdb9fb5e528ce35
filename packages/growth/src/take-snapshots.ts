import {
  firstEventAt,
  lastSnapshotDay,
  ledgerChanges,
  listLists,
  snapshotsOfDay,
  storeSnapshots,
  type Db,
} from '@crieur/db';
import { changesFromLedger, foldSnapshots, type DaySnapshot } from './fold-snapshots';
import { addDays, daysBetween, parisDay, parisDayStart } from './paris-day';

/**
 * Computes the snapshots of `from`..`to` (Paris days) from the ledger, without writing them.
 * When every list has a snapshot for the day before `from` (or was created after that day), it starts
 * from those counts and reads only the history of the people with events in the range (the nightly
 * case, and today's live figures); `fromScratch` replays the whole ledger instead.
 */
export async function computeSnapshots(
  db: Db,
  input: { from: string; to: string; fromScratch?: boolean },
): Promise<DaySnapshot[]> {
  const days = daysBetween(input.from, input.to);
  if (!days.length) return [];
  const bounds = [...days.map(parisDayStart), parisDayStart(addDays(input.to, 1))];
  const lists = await listLists(db);
  const listIds = lists.map((l) => l.id);
  const eve = input.fromScratch ? [] : await snapshotsOfDay(db, addDays(input.from, -1));
  // a list created after the eve closed had nobody before `from`: it starts from zero
  const opens = bounds[0]!.getTime();
  const incremental =
    eve.length > 0 && lists.every((l) => eve.some((s) => s.listId === l.id) || l.createdAt.getTime() >= opens);
  const ledger = changesFromLedger({ rows: await ledgerChanges(db, { bounds, onlyTouched: incremental }), days });
  const before = incremental
    ? new Map(eve.map((s) => [s.listId, { confirmed: s.confirmed, pending: s.pending, unsubscribed: s.unsubscribed }]))
    : ledger.before;
  return foldSnapshots({ listIds, days, before, changes: ledger.changes });
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
  const written = await storeSnapshots(db, { rows, now: input.now });
  return { days: daysBetween(input.from, input.to).length, written };
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
  const last = await lastSnapshotDay(db);
  let from: string | null = null;
  if (last) from = addDays(last, 1) < to ? addDays(last, 1) : to;
  else {
    const first = await firstEventAt(db);
    if (first) from = parisDay(first);
  }
  if (!from || from > to) return { from, to, days: 0, written: 0 };
  return { from, to, ...(await snapshotDays(db, { from, to, now: input.now })) };
}
