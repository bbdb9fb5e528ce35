import { intlLocale } from '../../i18n';

/** "12 mars 2026 à 09:41" in French ("12 mars 2026, 09:41" when `short`); null when missing or unreadable. */
export function formatDateTime(iso: string | null, language: string, short = false): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: short ? 'medium' : 'long',
    timeStyle: 'short',
  }).format(date);
}
