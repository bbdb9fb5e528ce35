// Paris wall-clock time ↔ instants, with no dependency so it can be checked on its own.

/** The team works in France: schedules are chosen and shown in Paris time, wherever the browser is. */
export const PARIS = 'Europe/Paris';

/** Milliseconds to add to UTC to get Paris wall-clock time at this instant (+1 h in winter, +2 h in summer). */
function parisOffsetMs(at: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: PARIS,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(at))
      .map((p) => [p.type, Number(p.value)]),
  );
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(at / 1000) * 1000;
}

/**
 * A date ("2026-03-12") and a time ("09:30") read in Paris → "2026-03-12T09:30:00+01:00", the
 * offset the server expects. Null when either is malformed.
 */
export function parisToIso(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const tm = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !tm) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(tm[1]), Number(tm[2]));
  // the offset depends on the instant; two passes settle it on either side of a DST change
  let offset = parisOffsetMs(wall - parisOffsetMs(wall));
  offset = parisOffsetMs(wall - offset);
  const minutes = Math.round(offset / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  return `${date}T${time}:00${sign}${pad(Math.trunc(minutes / 60))}:${pad(minutes % 60)}`;
}

/** Today's date in Paris, "2026-03-12": the scheduler's first selectable day. */
export function parisToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: PARIS,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
