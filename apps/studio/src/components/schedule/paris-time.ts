// Paris wall-clock time ↔ instants, with no dependency so it can be checked on its own.

/** The team works in France: schedules are chosen and shown in Paris time, wherever the browser is. */
export const PARIS = 'Europe/Paris';

const HOUR = 3600_000;

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

export type ParisInstant =
  /** `repeated`: the autumn night's hour that happens twice; the first one (summer time) is taken. */
  | { ok: true; iso: string; repeated: boolean }
  | { ok: false; reason: 'malformed' }
  /** The spring night's skipped hour: this wall time never happens in Paris. */
  | { ok: false; reason: 'gap' };

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');

/**
 * A date ("2026-03-12") and a time ("09:30") read in Paris → the instant, written with its Paris offset
 * ("2026-03-12T09:30:00+01:00"). Around a clock change the wall time is never moved silently: the skipped
 * spring hour is refused (`gap`), and of the autumn hour that happens twice the first (+02:00) is taken.
 */
export function parisInstant(date: string, time: string): ParisInstant {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const tm = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !tm || Number(tm[1]) > 23 || Number(tm[2]) > 59) return { ok: false, reason: 'malformed' };
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(tm[1]), Number(tm[2]));
  if (new Date(wall).toISOString().slice(0, 10) !== date) return { ok: false, reason: 'malformed' }; // 31 February
  // the offsets in force on either side of this day: an instant is right if Paris shows `wall` at it
  const offsets = [...new Set([parisOffsetMs(wall - 14 * HOUR), parisOffsetMs(wall + 14 * HOUR)])];
  const fits = offsets.filter((offset) => parisOffsetMs(wall - offset) === offset).sort((a, b) => b - a);
  const offset = fits[0];
  if (offset === undefined) return { ok: false, reason: 'gap' };
  const minutes = Math.round(offset / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const iso = `${date}T${time}:00${sign}${pad(Math.trunc(minutes / 60))}:${pad(minutes % 60)}`;
  return { ok: true, iso, repeated: fits.length > 1 };
}

/** The same, as the ISO string or null (malformed, or a time the spring change skips). */
export function parisToIso(date: string, time: string): string | null {
  const instant = parisInstant(date, time);
  return instant.ok ? instant.iso : null;
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

/** Paris wall-clock date and time of an instant: { date: "2026-03-12", time: "09:30" }. */
export function parisWallTime(at: Date): { date: string; time: string } {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: PARIS,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return { date: parisToday(at), time };
}

/** "2026-03-12" plus n days, as a calendar date (no clock involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}
