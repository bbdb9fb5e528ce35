// Pure: the headline of a list, where a change is always measured minus measured; entered counts stand apart.

export type Headline = {
  confirmedNow: number;
  year: number;
  /**
   * The change of the measured count since 1 January (the snapshot closing 31 December), or, when the
   * measurements began during the year, since the end of their first day (`fromStart`). Null before any.
   */
  since: { day: string; change: number; fromStart: boolean } | null;
  /** the latest count entered by staff for a month of this year, shown on its own line */
  entered: { month: string; confirmed: number } | null;
};

/**
 * `measured` are the list's daily counts (stored snapshots and today's live figures) sorted by day,
 * covering at least 31 December of last year to today; `entered` its entered counts.
 */
export function headlineFigures(input: {
  year: number;
  confirmedNow: number;
  measured: { day: string; confirmed: number }[];
  entered: { month: string; confirmed: number }[];
}): Headline {
  const { year, confirmedNow } = input;
  const eve = input.measured.find((p) => p.day === `${year - 1}-12-31`);
  const first = input.measured.find((p) => p.day >= `${year}-01-01`);
  const since = eve
    ? { day: `${year}-01-01`, change: confirmedNow - eve.confirmed, fromStart: false }
    : first
      ? { day: first.day, change: confirmedNow - first.confirmed, fromStart: true }
      : null;
  const entered = input.entered
    .filter((e) => e.month.startsWith(`${year}-`))
    .sort((a, b) => a.month.localeCompare(b.month))
    .at(-1);
  return {
    confirmedNow,
    year,
    since,
    entered: entered ? { month: entered.month, confirmed: entered.confirmed } : null,
  };
}
