import type { TFunction } from 'i18next';
import type { RevisionStep } from '@crieur/api';
import { intlLocale } from '../../../i18n';

/**
 * « 3 mars 2026 à 14 h 05 » in French (the typographic hour of the Imprimerie nationale), « 3 March 2026 at 14:05 »
 * in English; null when the date is missing or unreadable.
 */
export function formatDateAt(iso: string | null, language: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const locale = intlLocale(language);
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
  const parts = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', hourCycle: 'h23' }).formatToParts(
    date,
  );
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '';
  return language === 'en' ? `${day} at ${hour.padStart(2, '0')}:${minute}` : `${day} à ${Number(hour)} h ${minute}`;
}

/** « Publiée par Léa Dubois, le 3 mars 2026 à 14 h 05 »: who, when and which step made a version. */
export function revisionLabel(
  t: TFunction,
  revision: { step: RevisionStep; savedBy: string | null; savedAt: string },
  language: string,
): string {
  const step = t(`articleVersions.step.${revision.step}`);
  const date = formatDateAt(revision.savedAt, language) ?? '';
  // no one saved it: the publishing worker, at the time an editor chose
  if (revision.savedBy === null) {
    return revision.step === 'published'
      ? t('articleVersions.publishedOnSchedule', { date })
      : t('articleVersions.byNobody', { step, date });
  }
  return t('articleVersions.by', { step, name: revision.savedBy, date });
}
