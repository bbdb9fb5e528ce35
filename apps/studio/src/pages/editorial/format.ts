import type { ArticleStatus, DossierStatus } from '@crieur/api';
import { intlLocale } from '../../i18n';

export { formatDate } from '../subscribers/format';
export { formatDateTime } from '../users/format';

export const ARTICLE_STATUS_COLORS: Record<ArticleStatus, string> = {
  draft: 'gray',
  in_review: 'yellow',
  approved: 'teal',
  scheduled: 'blue',
  published: 'green',
  unpublished: 'red',
};

export const DOSSIER_STATUS_COLORS: Record<DossierStatus, string> = { draft: 'gray', published: 'green' };

/** "14:02" in French, "14:02" in English (24 h, the team works in France). */
export function formatTime(iso: string | Date | null, language: string): string | null {
  if (!iso) return null;
  const date = iso instanceof Date ? iso : new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(intlLocale(language), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    date,
  );
}

/** "12 mars 2026, 14:02": short enough for a table cell. */
export function formatShortDateTime(iso: string | null, language: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
