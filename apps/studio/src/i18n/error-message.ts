import type { TFunction } from 'i18next';
import { ApiError } from '../api/api-error';

/** The user-facing message for any thrown error, from the catalog. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.INTERNAL');
  // only the per-IP limit has a wait to show: account problems all read as INVALID_CREDENTIALS
  if (error.code === 'RATE_LIMITED' && error.retryAfterSeconds !== undefined) {
    const minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
    return t('errors.RATE_LIMITED_WAIT', { minutes });
  }
  // the server's message names the wrong field, in French (« titre » : Ce champ est obligatoire.)
  if (error.code === 'VALIDATION' && error.message && error.issues.length > 0) return error.message;
  return t(`errors.${error.code}`);
}

/** Field errors from a VALIDATION answer, keyed by the field path (the server's messages, in French). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION') return {};
  return Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message]));
}
