import { intlLocale } from '../../i18n';

/** 1 714 in French (narrow no-break space), 1,714 in English. */
export function formatCount(language: string, n: number): string {
  return new Intl.NumberFormat(intlLocale(language)).format(n);
}

/** +255, −12 or 0: growth always shows its sign. */
export function formatSigned(language: string, n: number): string {
  if (n === 0) return '0';
  return `${n > 0 ? '+' : '−'}${formatCount(language, Math.abs(n))}`;
}

/** '2025-12-31' → 31/12/2025 (fr) or 31 Dec 2025 (en), without time zone shifts. */
export function formatDay(language: string, day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(intlLocale(language), {
    day: '2-digit',
    month: language === 'en' ? 'short' : '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** '2025-03' → mars 2025 */
export function formatMonth(language: string, month: string, style: 'long' | 'short' = 'long'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(intlLocale(language), { month: style, year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

/** The Paris calendar day of an instant, as the server counts days. */
export function parisDay(at: Date): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}`;
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** '2026-03-14' → 14 mars, '2026-01-01' → 1er janvier (fr); 14 March (en): a day of the current year in a sentence. */
export function formatDayInText(language: string, day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const month = new Intl.DateTimeFormat(intlLocale(language), { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
  if (language === 'en') return `${d} ${month}`;
  return `${d === 1 ? '1er' : d}\u00a0${month}`;
}
