import type { TFunction } from 'i18next';
import { ApiError } from '../../api/api-error';
import type { CampaignProblem, CampaignProgress, CampaignStatus, RecipientCounts } from '@crieur/api';
import { intlLocale } from '../../i18n';
import { errorMessage } from '../../i18n/error-message';
import { PARIS } from '../../components/schedule/paris-time';

export { parisToday, parisToIso } from '../../components/schedule/paris-time';

export const STATUS_COLORS: Record<CampaignStatus, string> = {
  draft: 'gray',
  scheduled: 'blue',
  held: 'orange',
  sending: 'indigo',
  paused: 'yellow',
  sent: 'green',
  cancelled: 'red',
};

/** Statuses whose figures move on their own: the page polls their progress. */
export const LIVE_STATUSES: readonly CampaignStatus[] = ['sending', 'paused', 'scheduled'];

/** The segments of the progress bar, in order, with their colours; `remaining` is queued + in flight. */
export const SEGMENTS = [
  { key: 'sent', color: 'teal' },
  { key: 'failed', color: 'red' },
  { key: 'skipped', color: 'gray' },
  { key: 'uncertain', color: 'orange' },
  { key: 'remaining', color: 'blue.2' },
] as const;
export type SegmentKey = (typeof SEGMENTS)[number]['key'];

export function segmentValues(counts: RecipientCounts): Record<SegmentKey, number> {
  return {
    sent: counts.sent,
    failed: counts.failed,
    skipped: counts.skipped,
    uncertain: counts.uncertain,
    remaining: counts.queued + counts.sending,
  };
}

/** The bar's whole: the frozen recipient count, or the ledger's rows if that is larger. */
export function progressTotal(progress: CampaignProgress): number {
  const rows = Object.values(progress.counts).reduce((a, b) => a + b, 0);
  return Math.max(progress.recipientCount, rows);
}

/** "3 355" in French (narrow no-break space), "3,355" in English. */
export function formatCount(n: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language)).format(n);
}

/** "12,5": one decimal at most. */
export function formatRate(perSecond: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 1 }).format(perSecond);
}

// "12 mars 2026 à 09:41", in Paris time: the one shared with every schedule
export { formatParisDateTime } from '../../components/schedule/format-paris';

/** "10:42:13", in Paris time: the mail server is tried again within seconds or minutes. */
export function formatParisTime(iso: string | null, language: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(intlLocale(language), { timeStyle: 'medium', timeZone: PARIS }).format(date);
}

/** "12 mars 2026, 09:41", in Paris time: short enough for a table cell. */
export function formatParisShort(iso: string | null, language: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: PARIS,
  }).format(date);
}

/** "environ 4 min", "environ 1 h 20 min", "moins d’une minute"; null when unknown. */
export function formatTimeLeft(t: TFunction, seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds)) return null;
  if (seconds < 60) return t('campaignsPage.progress.lessThanAMinute');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t('campaignsPage.progress.aboutMinutes', { minutes });
  return t('campaignsPage.progress.aboutHours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/** How long a finished sending took: "42 s", "6 min", "1 h 20 min". */
export function formatDuration(t: TFunction, seconds: number): string {
  if (seconds < 60) return t('campaignsPage.progress.durationSeconds', { seconds: Math.max(0, Math.round(seconds)) });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t('campaignsPage.progress.durationMinutes', { minutes });
  return t('campaignsPage.progress.durationHours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/** The code of an API error (NETWORK for a failed request), or null for any other error. */
export const codeOf = (error: unknown) => (error instanceof ApiError ? error.code : null);

/** The French problems of a 422 CAMPAIGN_NOT_READY, or null for any other error. */
export function notReadyProblems(error: unknown): CampaignProblem[] | null {
  if (!(error instanceof ApiError) || error.code !== 'CAMPAIGN_NOT_READY') return null;
  const problems = error.details.problems;
  return Array.isArray(problems) ? (problems as CampaignProblem[]) : [];
}

/** What to tell the user about a failed sending action. */
export function sendingError(t: TFunction, error: unknown): string {
  const code = codeOf(error);
  if (code === 'CAMPAIGN_STATE') return t('campaignsPage.errors.state');
  if (code === 'CAMPAIGN_NOT_READY') return t('campaignsPage.errors.notReady');
  if (error instanceof ApiError && code === 'VALIDATION' && error.issues.length > 0) {
    return `${t('errors.VALIDATION')} ${error.issues.map((issue) => issue.message).join(' ')}`;
  }
  return errorMessage(t, error);
}

/** "Bloc 3 : le titre est obligatoire": where a launch problem is, in words, then what it is. */
export function problemText(t: TFunction, problem: CampaignProblem): string {
  const block = /^blocks\.(\d+)/.exec(problem.path);
  const where = block
    ? t('campaignsPage.problems.block', { n: Number(block[1]) + 1 })
    : problem.path === 'subject' || problem.path === 'preheader' || problem.path === 'lists'
      ? t(`campaignsPage.problems.${problem.path}`)
      : null;
  return where ? t('campaignsPage.problems.line', { where, message: problem.message }) : problem.message;
}

// ledger reasons written as codes by the sender (skips, cancel, crash); SMTP replies are shown as they came
const KNOWN_REASONS = {
  cancelled: 'cancelled',
  erased: 'erased',
  unsubscribed: 'unsubscribed',
  suppressed: 'suppressed',
  'worker stopped while sending': 'workerStopped',
  'no reply after the message': 'noReply',
  'no connection': 'noConnection',
  'not attempted': 'notAttempted',
} as const;

/** A ledger error in words: the known codes translated, a mail server's reply kept verbatim. */
export function reasonText(t: TFunction, error: string): string {
  const key = (KNOWN_REASONS as Record<string, (typeof KNOWN_REASONS)[keyof typeof KNOWN_REASONS] | undefined>)[error];
  return key ? t(`campaignsPage.reasons.${key}`) : error;
}

export type PaceSample = { at: number; processed: number };
export type Pace = { ratePerSecond: number; secondsLeft: number | null };

// long enough to smooth batch boundaries, short enough to follow a slowdown (4xx backoff, pause)
const PACE_WINDOW_MS = 15_000;
const PACE_MIN_SPAN_MS = 2_500;

/** Messages handled per second over the last polls, and the time left at that pace; null until the polls span a few seconds. */
export function paceFrom(samples: readonly PaceSample[], remaining: number): Pace | null {
  const last = samples.at(-1);
  const first = last && samples.find((s) => last.at - s.at <= PACE_WINDOW_MS);
  if (!last || !first || last.at - first.at < PACE_MIN_SPAN_MS) return null;
  const ratePerSecond = ((last.processed - first.processed) * 1000) / (last.at - first.at);
  return { ratePerSecond, secondsLeft: ratePerSecond > 0 ? Math.ceil(remaining / ratePerSecond) : null };
}

/** Rows that have an outcome (sent, failed, skipped or uncertain). */
export const processedOf = (counts: RecipientCounts) => counts.sent + counts.failed + counts.skipped + counts.uncertain;
