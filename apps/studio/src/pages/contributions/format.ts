import { intlLocale } from '../../i18n';

const PARIS = 'Europe/Paris';

/** "sam. 28 mars 2027, 09:30" in Paris time: events and publication dates are Paris wall clock. */
export function parisDateTime(iso: string | null, language: string): string | null {
  if (!iso) return null;
  return new Intl.DateTimeFormat(intlLocale(language), {
    timeZone: PARIS,
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** "12 mars 2026" for a calendar day ("2026-03-12"), read as such (no time zone shift). */
export function dayText(day: string | null, language: string): string | null {
  if (!day) return null;
  return new Intl.DateTimeFormat(intlLocale(language), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));
}

/** "12 mars 2026" for an instant, in Paris. */
export function parisDay(iso: string | null, language: string): string | null {
  if (!iso) return null;
  return new Intl.DateTimeFormat(intlLocale(language), {
    timeZone: PARIS,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(iso));
}

export const KIND_COLORS = { event: 'grape', job: 'blue', news: 'teal' } as const;
export const STATUS_COLORS = {
  unconfirmed: 'gray',
  pending: 'yellow',
  changes_requested: 'orange',
  accepted: 'green',
  refused: 'red',
  withdrawn: 'gray',
} as const;
