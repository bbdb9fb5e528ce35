import { intlLocale } from '../../i18n';
import { PARIS } from './paris-time';

/** "1 avril 2026 à 08:00", in Paris time wherever the browser is: how schedules are shown to the team. */
export function formatParisDateTime(iso: string | null, language: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: PARIS,
  }).format(date);
}
