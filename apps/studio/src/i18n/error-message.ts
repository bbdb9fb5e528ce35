import type { TFunction } from 'i18next';
import { ApiError } from '../api/api-error';

/** The user-facing message for any thrown error, from the catalog. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.INTERNAL');
  if (error.code === 'ACCOUNT_LOCKED') {
    const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
    return t('errors.ACCOUNT_LOCKED', { minutes });
  }
  return t(`errors.${error.code}`);
}

/** Field errors from a VALIDATION answer, keyed by the field path (server messages, English). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION') return {};
  return Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message]));
}
