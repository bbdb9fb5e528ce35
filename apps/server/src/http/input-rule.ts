import type { FastifyInstance, preValidationHookHandler } from 'fastify';
import { findForbiddenText, forbiddenTextMessage, type ForbiddenText } from '@crieur/safe-text';
import { ApiError } from './api-error';

/** A 400 naming the field, in French for staff and readers alike; `field` lets the public pages say which. */
export function forbiddenTextError(found: ForbiddenText): ApiError {
  const field = found.path.join('.') || 'corps de la requête';
  const message = forbiddenTextMessage(field, found.character);
  return new ApiError(400, 'VALIDATION', message, { issues: [{ path: field, message }], field });
}

/** The path, the query string and a parsed body (JSON or form; raw uploads are Buffers or streams). */
const refuseForbiddenText: preValidationHookHandler = async (request) => {
  for (const input of [request.params, request.query, request.body]) {
    const found = findForbiddenText(input);
    if (found) throw forbiddenTextError(found);
  }
};

/**
 * The one input rule for every route, /api and public pages alike: no control character other than
 * tab, LF and CR, no lone surrogate. Added last, so access checks answer strangers first.
 */
export function registerInputRule(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    // before the contract's validation, so a control character is named as such, not as a wrong type
    const before =
      route.preValidation === undefined
        ? []
        : Array.isArray(route.preValidation)
          ? route.preValidation
          : [route.preValidation];
    route.preValidation = [...before, refuseForbiddenText];
  });
}
