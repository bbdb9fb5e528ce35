import { isErrorCode, type ErrorCode, type ValidationIssue } from '@crieur/api/error-codes';

/** An error answer of the API (or a network failure, code NETWORK). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly issues: ValidationIssue[] = [],
    readonly retryAfterSeconds?: number,
    /** Other fields of the error object, e.g. `subscriberId` of DUPLICATE_SUBSCRIBER. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Reads `{ error: { code, message, issues?, retryAfterSeconds? } }`; unknown shapes become INTERNAL. */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON (a proxy page, an empty body): fall through to INTERNAL
  }
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  const code = isErrorCode(error?.code) ? error.code : 'INTERNAL';
  const message = typeof error?.message === 'string' ? error.message : response.statusText;
  const issues = Array.isArray(error?.issues) ? (error.issues as ValidationIssue[]) : [];
  // the contract puts these beside `error`; accept them inside too
  const retry = (body as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds ?? error?.retryAfterSeconds;
  const topIssues = (body as { issues?: unknown } | null)?.issues;
  return new ApiError(
    response.status,
    code,
    message,
    issues.length > 0 ? issues : Array.isArray(topIssues) ? (topIssues as ValidationIssue[]) : [],
    typeof retry === 'number' ? retry : undefined,
    error ?? {},
  );
}
