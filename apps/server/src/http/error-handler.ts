import type { FastifyError, FastifyInstance } from 'fastify';
import { DuplicateEmailError, NotFoundError } from '@crieur/db';
import { isRedisDownError } from '@crieur/queue';
import { ApiError, notFound, redisUnavailable } from './api-error';
import { contractValidationError } from './contract';
import { ERROR_MESSAGES } from '@crieur/api/error-codes';
import { frenchTypography } from '@crieur/content/typography';
import { publicErrorPage } from '../public/error-page';

/** Maps every error to one JSON shape; domain errors become HTTP only here. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError | Error, request, reply) => {
    const api = typesetMessages(toApiError(error));
    if (api.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    if (isResponseMismatch(error))
      request.log.error({ issues: responseIssues(error) }, 'answer does not match the contract');
    // readers on the public pages get a French page, not JSON
    if (!request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html')) {
      void reply.status(api.statusCode).type('text/html; charset=utf-8').send(publicErrorPage(api));
      return;
    }
    void reply.status(api.statusCode).send({ error: { code: api.code, message: api.message, ...api.extra } });
  });
  app.setNotFoundHandler((request, reply) => {
    if (!request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html')) {
      void reply
        .status(404)
        .type('text/html; charset=utf-8')
        .send(publicErrorPage(new ApiError(404, 'NOT_FOUND', 'Page introuvable.')));
      return;
    }
    void reply
      .status(404)
      .send({ error: { code: 'NOT_FOUND', message: `Aucune route ${request.method} ${request.url.split('?')[0]}` } });
  });
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const invalid = contractValidationError(error);
  if (invalid) return invalid;
  if (error instanceof DuplicateEmailError) return new ApiError(409, 'DUPLICATE_EMAIL', ERROR_MESSAGES.DUPLICATE_EMAIL);
  if (error instanceof NotFoundError) return notFound(error.entity);
  // the server's queues fail fast: a route that cannot work without Redis says so instead of hanging
  if (isRedisDownError(error)) return redisUnavailable();
  const e = error as FastifyError;
  if (e.code?.startsWith('FST_CSRF')) return new ApiError(403, 'CSRF_INVALID', ERROR_MESSAGES.CSRF_INVALID);
  if (
    e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ||
    e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    e.statusCode === 400
  )
    return new ApiError(400, 'VALIDATION', 'Le corps de la requête n’est pas un JSON valide.', { issues: [] });
  if (e.statusCode === 413)
    return new ApiError(413, 'VALIDATION', 'Le corps de la requête est trop volumineux.', { issues: [] });
  if (e.statusCode === 429) return new ApiError(429, 'RATE_LIMITED', ERROR_MESSAGES.RATE_LIMITED);
  return new ApiError(500, 'INTERNAL', ERROR_MESSAGES.INTERNAL);
}

/**
 * Every message staff and readers read, in French typography (« titre » : …, l’adresse…), set here where each answer
 * is built: the handlers' own messages and a VALIDATION answer's per-field ones. Addresses and URLs come out as sent.
 */
function typesetMessages(api: ApiError): ApiError {
  const issues = api.extra.issues;
  const extra = Array.isArray(issues)
    ? { ...api.extra, issues: issues.map((issue: unknown) => typesetIssue(issue)) }
    : api.extra;
  return new ApiError(api.statusCode, api.code, frenchTypography(api.message), extra);
}

function typesetIssue(issue: unknown): unknown {
  if (typeof issue !== 'object' || issue === null || !('message' in issue) || typeof issue.message !== 'string')
    return issue;
  return { ...issue, message: frenchTypography(issue.message) };
}

/** fastify-type-provider-zod's answer check failed: a bug of ours, logged with where (never the values). */
const isResponseMismatch = (error: unknown) => (error as FastifyError).code === 'FST_ERR_RESPONSE_SERIALIZATION';

function responseIssues(error: unknown): { path: string; code: string; message: string }[] {
  const cause = (error as { cause?: { issues?: { path: PropertyKey[]; code: string; message: string }[] } }).cause;
  return (cause?.issues ?? []).map((i) => ({ path: i.path.map(String).join('.'), code: i.code, message: i.message }));
}
