// Pure: month figures from daily snapshots and counts entered by staff (the 1st of a month's count).
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
  net: number | null;
  /** true when a figure of the month comes from a count entered by staff */
  entered: boolean;
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
 * Subscribers when `month` closes: its last day's snapshot, else the next month's entered count,
 * else (month in progress) the latest snapshot of the month, with the day it is from.
 */
export function closingCount(
  month: string,
  snapshots: SnapshotPoint[],
  entered: Map<string, number>,
): { value: number; source: CountSource; day: string } | null {
  const last = lastDayOfMonth(month);
  const inMonth = snapshots.filter((s) => s.day.startsWith(month));
  const atEnd = inMonth.find((s) => s.day === last);
  if (atEnd) return { value: atEnd.confirmed, source: 'snapshot', day: last };
  const next = entered.get(addMonths(month, 1));
  if (next !== undefined) return { value: next, source: 'entered', day: last };
  const latest = inMonth.at(-1);
  return latest ? { value: latest.confirmed, source: 'snapshot', day: latest.day } : null;
}

/** Net growth per month, and its subscribes and unsubscribes; `snapshots` sorted by day. */
export function monthlyGrowth(input: {
  months: string[];
  snapshots: SnapshotPoint[];
  entered: Map<string, number>;
}): MonthFigures[] {
  const byDay = new Map(input.snapshots.map((s) => [s.day, s.confirmed]));
  return input.months.map((month) => {
    const open = openingCount(month, byDay, input.entered);
    const close = closingCount(month, input.snapshots, input.entered);
    const inMonth = input.snapshots.filter((s) => s.day.startsWith(month));
    return {
      month,
      opening: open?.value ?? null,
      closing: close?.value ?? null,
      net: open && close ? close.value - open.value : null,
      entered: open?.source === 'entered' || close?.source === 'entered',
      subscribes: inMonth.reduce((n, s) => n + s.subscribes, 0),
      unsubscribes: inMonth.reduce((n, s) => n + s.unsubscribes, 0),
    };
  });
}
