import { listCounts, listEnteredCounts, snapshotsBetween, type DayFigures, type Db } from '@crieur/db';
import { monthlyGrowth, openingCount, type MonthFigures } from '/tmp/growth-work/old/monthly-growth';
import { addDays, monthOf, monthsBetween, parisDay } from '../src/paris-day';

export type DailyPoint = { day: string } & DayFigures;
export type SeriesPoint = { day: string; confirmed: number; entered: boolean };
export type ListGrowth = {
  listId: number;
  /** the line: daily snapshots, and the entered counts (at the 1st of their month) where no snapshot covers them */
  points: SeriesPoint[];
  daily: DailyPoint[];
  entered: { month: string; confirmed: number; note: string }[];
  monthly: MonthFigures[];
  headline: {
    confirmedNow: number;
    year: number;
    openingOfYear: number | null;
    openingEntered: boolean;
    sinceJanuary: number | null;
  };
};

/**
 * The Croissance dashboard for some lists between two Paris days: daily line, months (net growth,
 * subscribes and unsubscribes), and headline figures (subscribers now, change since 1 January).
 */
export async function growthDashboard(
  db: Db,
  input: { listIds: number[]; from: string; to: string; now: Date },
): Promise<ListGrowth[]> {
  const year = Number(parisDay(input.now).slice(0, 4));
  const yearEve = `${year - 1}-12-31`;
  const fromMonth = monthOf(input.from);
  const months = monthsBetween(fromMonth, monthOf(input.to));
  // one read from the eve of the first month (its opening) to `to`, plus the eve of the year for the headline
  const readFrom = addDays(`${fromMonth}-01`, -1) < yearEve ? addDays(`${fromMonth}-01`, -1) : yearEve;
  const [snaps, enteredRows, live] = await Promise.all([
    snapshotsBetween(db, { listIds: input.listIds, from: readFrom, to: input.to }),
    listEnteredCounts(db, { listIds: input.listIds }),
    listCounts(db),
  ]);
  return input.listIds.map((listId) => {
    const all = snaps.filter((s) => s.listId === listId);
    const upToTo = all.filter((s) => s.day <= input.to);
    const entered = new Map(enteredRows.filter((e) => e.listId === listId).map((e) => [e.month, e.confirmed]));
    const byDay = new Map(all.map((s) => [s.day, s.confirmed]));
    const daily = upToTo.filter((s) => s.day >= input.from).map(({ listId: _l, ...p }) => p);
    const enteredInRange = enteredRows.filter(
      (e) => e.listId === listId && `${e.month}-01` >= input.from && `${e.month}-01` <= input.to,
    );
    const points: SeriesPoint[] = [
      ...daily.map((p) => ({ day: p.day, confirmed: p.confirmed, entered: false })),
      // an entered month is drawn only where the ledger does not already say it
      ...enteredInRange
        .filter((e) => !byDay.has(addDays(`${e.month}-01`, -1)) && !byDay.has(`${e.month}-01`))
        .map((e) => ({ day: `${e.month}-01`, confirmed: e.confirmed, entered: true })),
    ].sort((a, b) => a.day.localeCompare(b.day));
    const opening = openingCount(`${year}-01`, byDay, entered);
    const confirmedNow = live.get(listId)?.confirmed ?? 0;
    return {
      listId,
      points,
      daily,
      entered: enteredInRange.map((e) => ({ month: e.month, confirmed: e.confirmed, note: e.note })),
      monthly: monthlyGrowth({
        months,
        snapshots: upToTo.filter((s) => s.day >= addDays(`${fromMonth}-01`, -1)),
        entered,
      }),
      headline: {
        confirmedNow,
        year,
        openingOfYear: opening?.value ?? null,
        openingEntered: opening?.source === 'entered',
        sinceJanuary: opening ? confirmedNow - opening.value : null,
      },
    };
  });
}
