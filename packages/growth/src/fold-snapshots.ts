// Pure: end-of-day figures from the previous counts and the day's changes, as PostgreSQL grouped them.
import type { DayFigures, LedgerChangeRow } from '@crieur/db';

export type ListCounts = { confirmed: number; pending: number; unsubscribed: number };

/** One list's changes on one day: state deltas plus the day's movements. */
export type DayChanges = DayFigures;

export type DaySnapshot = ListCounts & Omit<DayChanges, keyof ListCounts> & { listId: number; day: string };

export const NO_CHANGES: DayChanges = {
  confirmed: 0,
  pending: 0,
  unsubscribed: 0,
  subscribes: 0,
  confirmations: 0,
  unsubscribes: 0,
  bounces: 0,
  erasures: 0,
};

/**
 * The ledger's grouped rows (`ledgerChanges` over the boundaries of `days` and the day after) as the
 * counts before the first day (bucket 0) and each day's changes keyed by `${listId}|${day}`.
 */
export function changesFromLedger(input: { rows: LedgerChangeRow[]; days: string[] }): {
  before: Map<number, ListCounts>;
  changes: Map<string, DayChanges>;
} {
  const before = new Map<number, ListCounts>();
  const changes = new Map<string, DayChanges>();
  for (const { listId, bucket, ...c } of input.rows) {
    if (bucket === 0) before.set(listId, { confirmed: c.confirmed, pending: c.pending, unsubscribed: c.unsubscribed });
    else changes.set(`${listId}|${input.days[bucket - 1]}`, { ...NO_CHANGES, ...c });
  }
  return { before, changes };
}

/** A day's figures: counts at the end of the day and what moved during it. */
export function dayFigures(input: {
  listId: number;
  day: string;
  before: ListCounts;
  changes: DayChanges;
}): DaySnapshot {
  const { before, changes } = input;
  return {
    listId: input.listId,
    day: input.day,
    confirmed: before.confirmed + changes.confirmed,
    pending: before.pending + changes.pending,
    unsubscribed: before.unsubscribed + changes.unsubscribed,
    subscribes: changes.subscribes,
    confirmations: changes.confirmations,
    unsubscribes: changes.unsubscribes,
    bounces: changes.bounces,
    erasures: changes.erasures,
  };
}

/**
 * Every day of `days` for every list, carrying counts forward: `before` holds each list's counts
 * when the first day opens, `changes` the grouped changes keyed by `${listId}|${day}`.
 */
export function foldSnapshots(input: {
  listIds: number[];
  days: string[];
  before: Map<number, ListCounts>;
  changes: Map<string, DayChanges>;
}): DaySnapshot[] {
  const out: DaySnapshot[] = [];
  for (const listId of input.listIds) {
    let counts: ListCounts = input.before.get(listId) ?? { confirmed: 0, pending: 0, unsubscribed: 0 };
    for (const day of input.days) {
      const snap = dayFigures({
        listId,
        day,
        before: counts,
        changes: input.changes.get(`${listId}|${day}`) ?? NO_CHANGES,
      });
      out.push(snap);
      counts = snap;
    }
  }
  return out;
}
