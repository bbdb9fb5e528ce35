import type { ImportStatus, SubscriptionStatus } from '@crieur/api';
import { intlLocale } from '../../i18n';

export { formatDateTime } from '../users/format';

/** "1 714" in French (narrow no-break space), "1,714" in English. */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language)).format(value);
}

/** "12 mars 2026"; null when missing or unreadable. */
export function formatDate(iso: string | null, language: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium' }).format(date);
}

/** "850 ko", "1,2 Mo". */
export function formatBytes(bytes: number, language: string): string {
  const [value, unit] =
    bytes >= 1_000_000
      ? [bytes / 1_000_000, 'megabyte']
      : bytes >= 1_000
        ? [bytes / 1_000, 'kilobyte']
        : [bytes, 'byte'];
  return new Intl.NumberFormat(intlLocale(language), {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}

/** Whole percent, 0–100, of done / total (0 when the total is unknown). */
export function percent(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((done / total) * 100)));
}

export const STATUS_COLORS: Record<SubscriptionStatus, string> = {
  confirmed: 'teal',
  pending: 'yellow',
  unsubscribed: 'gray',
};
export const IMPORT_STATUS_COLORS: Record<ImportStatus, string> = { running: 'blue', done: 'teal', failed: 'red' };
