import type { TFunction } from 'i18next';
import { ApiError } from '../../api/api-error';
import type { CampaignStatus } from '@crieur/api';
import { intlLocale } from '../../i18n';
import { errorMessage } from '../../i18n/error-message';
import { blockSummary, type Block } from './blocks';

export { formatDateTime } from '../users/format';
export { formatShortDateTime, formatTime } from '../editorial/format';

export const CAMPAIGN_STATUS_COLORS: Record<CampaignStatus, string> = {
  draft: 'gray',
  scheduled: 'blue',
  held: 'orange',
  sending: 'indigo',
  paused: 'yellow',
  sent: 'green',
  cancelled: 'red',
};

/** "42,3 ko": kilobytes of 1,024 bytes, as Gmail counts its 102 KB limit. */
export function formatKilobytes(bytes: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language), {
    style: 'unit',
    unit: 'kilobyte',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(bytes / 1024);
}

// the composer says these in its own words (a newsletter, not an article)
const NEWSLETTER_CODES = ['CAMPAIGN_NOT_EDITABLE', 'NEWSLETTER_INVALID', 'EDIT_CONFLICT'] as const;
type NewsletterCode = (typeof NEWSLETTER_CODES)[number];
const isNewsletterCode = (code: string): code is NewsletterCode =>
  (NEWSLETTER_CODES as readonly string[]).includes(code);

/** The user-facing message of a campaign route's error; a 502 (mail server) keeps the server's French advice. */
export function newsletterError(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && isNewsletterCode(error.code)) return t(`newsletters.errors.${error.code}`);
  if (error instanceof ApiError && error.status === 502 && error.message) return error.message;
  if (error instanceof ApiError && error.code === 'VALIDATION' && error.issues.length > 0) {
    return `${t('errors.VALIDATION')} ${error.issues.map((issue) => issue.message).join(' ')}`;
  }
  return errorMessage(t, error);
}

/** "Article « Le tirage au sort… »": how a block is named to screen readers and in messages. */
export function nameOfBlock(t: TFunction, block: Block): string {
  const summary = blockSummary(block);
  const type = t(`newsletters.blockTypes.${block.type}`);
  return summary ? t('newsletters.block.named', { type, summary }) : type;
}
