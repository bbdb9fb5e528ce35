import { addDays, parisInstant, parisToday, parisWallTime } from './paris-time';
import { parseFrenchTime, type TimeProblem } from './parse-time';

/** What the person typed or picked, kept as is: the time stays the text they wrote. */
export type ScheduleDraft = { date: string | null; time: string };

export type ScheduleProblem =
  | { field: 'date'; code: 'dateRequired' }
  | { field: 'time'; code: TimeProblem; hours?: number; minutes?: number }
  | { field: 'time'; code: 'gap'; hours: number; minutes: number }
  | { field: 'time'; code: 'past' };

export type ResolvedSchedule =
  | { ok: true; iso: string; date: string; hours: number; minutes: number; repeated: boolean }
  | { ok: false; problems: ScheduleProblem[] };

/** The instant a draft names in Paris, or every reason it names none (missing, unreadable, skipped, past). */
export function resolveSchedule(draft: ScheduleDraft, now: Date): ResolvedSchedule {
  const problems: ScheduleProblem[] = [];
  const time = parseFrenchTime(draft.time);
  if (!draft.date) problems.push({ field: 'date', code: 'dateRequired' });
  if (!time.ok) problems.push({ field: 'time', code: time.problem, hours: time.hours, minutes: time.minutes });
  if (!draft.date || !time.ok) return { ok: false, problems };
  const date = draft.date.slice(0, 10);
  const instant = parisInstant(date, time.hhmm);
  if (!instant.ok) {
    if (instant.reason === 'gap')
      return { ok: false, problems: [{ field: 'time', code: 'gap', hours: time.hours, minutes: time.minutes }] };
    return { ok: false, problems: [{ field: 'date', code: 'dateRequired' }] };
  }
  if (new Date(instant.iso).getTime() <= now.getTime())
    return { ok: false, problems: [{ field: 'time', code: 'past' }] };
  return { ok: true, iso: instant.iso, date, hours: time.hours, minutes: time.minutes, repeated: instant.repeated };
}

export const SHORTCUTS = ['tomorrow8', 'monday8', 'inOneHour'] as const;
export type Shortcut = (typeof SHORTCUTS)[number];

/** « Demain 8 h », « Lundi 8 h » (the next Monday, never today) and « Dans 1 heure », in Paris. */
export function shortcutDraft(shortcut: Shortcut, now: Date): ScheduleDraft {
  const today = parisToday(now);
  if (shortcut === 'tomorrow8') return { date: addDays(today, 1), time: '08:00' };
  if (shortcut === 'monday8') {
    const weekday = new Date(`${today}T12:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
    return { date: addDays(today, (8 - weekday) % 7 || 7), time: '08:00' };
  }
  // the next whole minute an hour from now, so it is never less than an hour
  const later = new Date(Math.ceil((now.getTime() + 3600_000) / 60_000) * 60_000);
  return parisWallTime(later);
}
