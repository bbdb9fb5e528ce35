// Pure: month figures from daily snapshots (measured) and counts entered by staff (the 1st of a month's count).
// A month's net growth subtracts two counts of the same kind only: measured from measured, entered from entered.
import { addDays, addMonths, lastDayOfMonth } from './paris-day';

export type SnapshotPoint = {
  day: string;
  confirmed: number;
  subscribes: number;
  confirmations: number;
  unsubscribes: number;
};
export type CountSource = 'snapshot' | 'entered';
export type MonthFigures = {
  month: string;
  /** subscribers when the month opens (end of the previous month), and when it closes (or at the last snapshot) */
  opening: number | null;
  closing: number | null;
  /** closing minus opening, both measured or both entered; null when only one kind is known */
  net: number | null;
  /** true when the month's figures are counts entered by staff */
  entered: boolean;
  /** true when the month is not over in the figures: its closing is the latest day measured so far */
  partial: boolean;
  subscribes: number;
  unsubscribes: number;
};

/** Subscribers when `month` opens: the snapshot closing the day before, else the entered count. */
export function openingCount(
  month: string,
  snapshotByDay: Map<string, number>,
  entered: Map<string, number>,
): { value: number; source: CountSource } | null {
  const snap = snapshotByDay.get(addDays(`${month}-01`, -1));
  if (snap !== undefined) return { value: snap, source: 'snapshot' };
  const e = entered.get(month);
  return e === undefined ? null : { value: e, source: 'entered' };
}

/**
 * Subscribers when `month` closes, of the kind asked for: measured, its last day's snapshot, else
 * (month in progress) its latest snapshot; entered, the next month's entered count.
 */
export function closingCount(
  month: string,
  snapshots: SnapshotPoint[],
  entered: Map<string, number>,
  source: CountSource,
): { value: number; source: CountSource; day: string } | null {
  const last = lastDayOfMonth(month);
  if (source === 'entered') {
    const next = entered.get(addMonths(month, 1));
    return next === undefined ? null : { value: next, source, day: last };
  }
  const latest = snapshots.filter((s) => s.day.startsWith(month)).at(-1);
  return latest ? { value: latest.confirmed, source, day: latest.day } : null;
}

/** Net growth per month, and its subscribes and unsubscribes; `snapshots` sorted by day. */
export function monthlyGrowth(input: {
  months: string[];
  snapshots: SnapshotPoint[];
  entered: Map<string, number>;
}): MonthFigures[] {
  const byDay = new Map(input.snapshots.map((s) => [s.day, s.confirmed]));
  return input.months.map((month) => {
    const inMonth = input.snapshots.filter((s) => s.day.startsWith(month));
    const open = openingCount(month, byDay, input.entered);
    // a month measured from inside (the ledger began during it) closes measured, but has no opening to subtract
    const source: CountSource = open?.source ?? 'snapshot';
    const close = closingCount(month, input.snapshots, input.entered, source);
    return {
      month,
      opening: open?.value ?? null,
      closing: close?.value ?? null,
      net: open && close ? close.value - open.value : null,
      entered: source === 'entered',
      partial: source === 'snapshot' && close !== null && close.day < lastDayOfMonth(month),
      subscribes: inMonth.reduce((n, s) => n + s.subscribes, 0),
      unsubscribes: inMonth.reduce((n, s) => n + s.unsubscribes, 0),
    };
  });
}
