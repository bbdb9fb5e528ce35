import type { FastifyInstance, FastifyRequest, onRequestHookHandler, preValidationHookHandler } from 'fastify';
import type { Role } from '@crieur/auth';
import { forbidden, unauthenticated } from '../http/api-error';
import { accessFor, isAllowed } from './permissions';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every /api route gets the role check of ROUTE_ACCESS and, if it changes state, the CSRF
 * check. A route missing from the table stops the server at start-up.
 */
export function registerAccessControl(app: FastifyInstance, csrf: onRequestHookHandler): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') && route.url !== '/api') return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      const access = accessFor(method, route.url);
      if (!access)
        throw new Error(
          `Route ${method} ${route.url} has no entry in ROUTE_ACCESS (apps/server/src/auth/permissions.ts)`,
        );
      const check: preValidationHookHandler = async (request) => {
        if (access === 'public') return;
        if (!request.staff) throw unauthenticated();
        if (!isAllowed(access, request.staff.role as Role)) throw forbidden();
      };
      // before the contract's validation: a stranger learns nothing about the expected fields
      route.preValidation = [check, ...toArray(route.preValidation)];
      if (!SAFE_METHODS.has(method)) route.onRequest = [...toArray(route.onRequest), csrf];
    }
  });
}

function toArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function requireStaff(request: FastifyRequest) {
  if (!request.staff) throw unauthenticated();
  return request.staff;
}
