import { listEnteredCounts, snapshotsBetween, type DayFigures, type Db } from '@crieur/db';
import { headlineFigures, type Headline } from './headline';
import { monthlyGrowth, type MonthFigures } from './monthly-growth';
import { addDays, monthOf, monthsBetween, parisDay } from './paris-day';
import { openDays } from './open-days';

export type DailyPoint = { day: string } & DayFigures;
/** A point of the line: measured (a closed day, or today, still provisional) or entered by staff. */
export type SeriesPoint = { day: string; confirmed: number; entered: boolean; provisional: boolean };
export type ListGrowth = {
  listId: number;
  /** the daily counts measured from the ledger (today's live), and the entered counts at the 1st of their month */
  points: SeriesPoint[];
  daily: DailyPoint[];
  entered: { month: string; confirmed: number; note: string }[];
  monthly: MonthFigures[];
  headline: Headline;
};

/**
 * The Croissance dashboard for some lists between two Paris days: daily line, months (net growth,
 * subscribes and unsubscribes), and headline figures (subscribers now, measured change this year).
 * Days not snapshotted yet (today at least) are computed live from the ledger, never stored here.
 */
export async function growthDashboard(
  db: Db,
  input: { listIds: number[]; from: string; to: string; now: Date },
): Promise<{ today: string; lists: ListGrowth[] }> {
  const today = parisDay(input.now);
  const year = Number(today.slice(0, 4));
  const yearEve = `${year - 1}-12-31`;
  const fromMonth = monthOf(input.from);
  const months = monthsBetween(fromMonth, monthOf(input.to));
  // one read from the eve of the first month (its opening), or of the year (the headline), up to today
  const monthEve = addDays(`${fromMonth}-01`, -1);
  const readFrom = monthEve < yearEve ? monthEve : yearEve;
  const [open, stored, enteredRows] = await Promise.all([
    openDays(db, { now: input.now }),
    snapshotsBetween(db, { listIds: input.listIds, from: readFrom, to: today }),
    listEnteredCounts(db, { listIds: input.listIds }),
  ]);
  const lastStored = new Map<number, string>();
  for (const s of stored) lastStored.set(s.listId, s.day);
  return {
    today,
    lists: input.listIds.map((listId) => {
      const live = open.rows.filter((r) => r.listId === listId && r.day > (lastStored.get(listId) ?? ''));
      const all = [...stored.filter((s) => s.listId === listId), ...live];
      const upToTo = all.filter((s) => s.day <= input.to);
      const mine = enteredRows.filter((e) => e.listId === listId);
      const entered = new Map(mine.map((e) => [e.month, e.confirmed]));
      const byDay = new Map(all.map((s) => [s.day, s.confirmed]));
      const daily = upToTo.filter((s) => s.day >= input.from).map(({ listId: _l, ...p }) => p);
      const enteredInRange = mine.filter((e) => `${e.month}-01` >= input.from && `${e.month}-01` <= input.to);
      const points: SeriesPoint[] = [
        ...daily.map((p) => ({ day: p.day, confirmed: p.confirmed, entered: false, provisional: p.day === today })),
        // an entered month is drawn only where the ledger does not already say it
        ...enteredInRange
          .filter((e) => !byDay.has(addDays(`${e.month}-01`, -1)) && !byDay.has(`${e.month}-01`))
          .map((e) => ({ day: `${e.month}-01`, confirmed: e.confirmed, entered: true, provisional: false })),
      ].sort((a, b) => a.day.localeCompare(b.day));
      const now = all.at(-1)?.day === today ? all.at(-1)!.confirmed : 0;
      return {
        listId,
        points,
        daily,
        entered: enteredInRange.map((e) => ({ month: e.month, confirmed: e.confirmed, note: e.note })),
        monthly: monthlyGrowth({ months, snapshots: upToTo.filter((s) => s.day >= monthEve), entered }),
        headline: headlineFigures({ year, confirmedNow: now, measured: all, entered: mine }),
      };
    }),
  };
}
