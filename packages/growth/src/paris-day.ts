// Europe/Paris calendar days as 'YYYY-MM-DD', their UTC boundaries read from Intl (no Temporal on Node 20).
export const PARIS = 'Europe/Paris';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function wallClock(at: Date): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
  return {
    y: Number(p.year),
    m: Number(p.month),
    d: Number(p.day),
    h: Number(p.hour),
    min: Number(p.minute),
    s: Number(p.second),
  };
}

/** Paris offset from UTC at an instant, in ms (+1 h in winter, +2 h in summer). */
export function parisOffsetMs(at: Date): number {
  const w = wallClock(at);
  const asUtc = Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The Paris calendar day of an instant. */
export function parisDay(at: Date): string {
  const w = wallClock(at);
  return `${w.y}-${String(w.m).padStart(2, '0')}-${String(w.d).padStart(2, '0')}`;
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDay(value: string): boolean {
  const m = DAY_RE.exec(value);
  if (!m) return false;
  const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return t.toISOString().slice(0, 10) === value;
}

function utcMidnight(day: string): number {
  const m = DAY_RE.exec(day);
  if (!m || !isDay(day)) throw new RangeError(`Not a day: ${day}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** Calendar arithmetic on days (no clock involved). */
export function addDays(day: string, n: number): string {
  return new Date(utcMidnight(day) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Midnight in Paris opening this day, as an instant; Paris midnight is never inside a DST gap. */
export function parisDayStart(day: string): Date {
  const t = utcMidnight(day);
  // the offset at the guess may differ from the offset at the answer only on change days
  const guess = t - parisOffsetMs(new Date(t));
  return new Date(t - parisOffsetMs(new Date(guess)));
}

/** The instant the day ends (next day's start): 23 h after the start in March, 25 h in October. */
export function parisDayEnd(day: string): Date {
  return parisDayStart(addDays(day, 1));
}

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** 'YYYY-MM' of a day, and the months from one to another included. */
export const monthOf = (day: string) => day.slice(0, 7);

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** Last calendar day of a month 'YYYY-MM'. */
export const lastDayOfMonth = (month: string) => addDays(`${addMonths(month, 1)}-01`, -1);
