import { firstEventAt, lastSnapshotDay, type Db } from '@crieur/db';
import type { DaySnapshot } from './fold-snapshots';
import { addDays, parisDay } from './paris-day';
import { computeSnapshots } from './take-snapshots';

/**
 * The figures of the days not stored yet, computed at request time the way the nightly job will:
 * today (open, provisional) and any closed day the job has not taken yet. Nothing is written.
 * Reads only the people with events since the last snapshot, so it stays cheap.
 */
export async function openDays(db: Db, input: { now: Date }): Promise<{ today: string; rows: DaySnapshot[] }> {
  const today = parisDay(input.now);
  const last = await lastSnapshotDay(db);
  let from: string | null = last ? addDays(last, 1) : null;
  if (!from) {
    const first = await firstEventAt(db);
    from = first ? parisDay(first) : null;
  }
  if (!from || from > today) return { today, rows: [] };
  return { today, rows: await computeSnapshots(db, { from, to: today }) };
}
