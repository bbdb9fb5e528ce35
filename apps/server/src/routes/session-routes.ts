import type { FastifyInstance } from 'fastify';
import { dummyPasswordHash, verifyPassword } from '@crieur/auth';
import {
  appendAudit,
  deleteExpiredSessions,
  findUserForLogin,
  getStaffPreferences,
  hasLoggedInFrom,
  recordFailedLogin,
  recordSuccessfulLogin,
  setStaffPreferences,
} from '@crieur/db';
import { isKnownDevice, rememberDevice } from '../auth/known-device';
import { requireStaff } from '../auth/register-access';
import { createIpFailures, softLockMs } from '../auth/login-throttle';
import { endSession, startSession } from '../auth/session-cookie';
import { ApiError } from '../http/api-error';
import { handle } from '../http/contract-route';
import type { RouteContext } from './context';
import { sessionUser } from './staff-user';

export function sessionRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;

  handle(app, 'GET /api/session', async (_input, request, reply) => {
    return { user: request.staff ? sessionUser(request.staff) : null, csrfToken: reply.generateCsrf() };
  });

  const ipFailures = createIpFailures({
    redis: ctx.redis,
    prefix: ctx.config.redisPrefix,
    settings: ctx.login,
    now: ctx.now,
  });
  void dummyPasswordHash(); // computed now, so the first unknown email costs one hash like the others

  handle(
    app,
    'POST /api/login',
    { config: { rateLimit: { max: ctx.login.perIpPerMinute, timeWindow: 60_000 } } },
    async ({ body }, request, reply) => {
      const now = ctx.now();
      const ip = request.ip;
      // per IP, blind to the account: this answer tells nothing about who exists
      const throttle = await ipFailures.check(ip);
      if (throttle.blocked) throw tooManyFromIp(throttle.retryAfterSeconds);

      // unknown, locked, inactive or wrong: one answer after one argon2 check, and audited
      const fail = async (reason: string, extra: { targetId?: string; data?: Record<string, unknown> } = {}) => {
        const action = reason === 'lock_started' ? 'login_locked' : 'login_failed';
        const data = { reason, ...extra.data };
        await appendAudit(db, { action, targetType: 'user', targetId: extra.targetId, data, ip });
        const count = await ipFailures.record(ip);
        if (count === ctx.login.failuresPerIp) {
          const data = { failures: count, windowMs: ctx.login.ipWindowMs };
          await appendAudit(db, { action: 'login_ip_throttled', data, ip });
        }
        return new ApiError(401, 'INVALID_CREDENTIALS', 'Adresse e-mail ou mot de passe incorrect.');
      };

      const user = await findUserForLogin(db, body.email);
      const usable = user?.passwordHash && user.status === 'active' ? user : undefined;
      const passwordOk = await verifyPassword(usable?.passwordHash ?? (await dummyPasswordHash()), body.password);
      if (!usable) throw await fail(user ? user.status : 'unknown_email', { targetId: user?.id });

      if (usable.lockedUntil && usable.lockedUntil > now) {
        // soft lock: only a browser or an IP this account logged in from before may try
        const since = new Date(now.getTime() - ctx.login.knownIpMs);
        const known =
          isKnownDevice(request, usable.id) || (await hasLoggedInFrom(db, { userId: usable.id, ip, since }));
        if (!known) throw await fail('locked', { targetId: usable.id, data: { lockedUntil: usable.lockedUntil } });
      }
      if (!passwordOk) {
        const { failures, lockedUntil } = await recordFailedLogin(db, {
          id: usable.id,
          now,
          lockMsFor: (n) => softLockMs(n, ctx.login),
        });
        const reason = lockedUntil ? 'lock_started' : 'wrong_password';
        throw await fail(reason, { targetId: usable.id, data: { failures, lockedUntil } });
      }
      await recordSuccessfulLogin(db, { id: usable.id, now });
      await deleteExpiredSessions(db, now); // logins are rare: a cheap moment to sweep
      await startSession(db, reply, { userId: usable.id, now, settings: ctx.session });
      rememberDevice(request, reply, { userId: usable.id, secure: ctx.session.secureCookies });
      await appendAudit(db, { action: 'login', actorId: usable.id, targetType: 'user', targetId: usable.id, ip });
      return { user: sessionUser(usable) };
    },
  );

  // one's own settings only: the row is the session's, never an id from the request
  handle(app, 'GET /api/session/preferences', async (_input, request) => ({
    preferences: await getStaffPreferences(db, requireStaff(request).id),
  }));

  handle(app, 'PATCH /api/session/preferences', async ({ body }, request) => ({
    preferences: await setStaffPreferences(db, { userId: requireStaff(request).id, notifyReview: body.notifyReview }),
  }));

  handle(app, 'POST /api/logout', async (_input, request, reply) => {
    if (request.staff)
      await appendAudit(db, {
        action: 'logout',
        actorId: request.staff.id,
        targetType: 'user',
        targetId: request.staff.id,
        ip: request.ip,
      });
    await endSession(db, request, reply, ctx.session);
    return reply.status(204).send();
  });
}

/** The per-IP limit: says how long to wait, and nothing about any account. */
function tooManyFromIp(retryAfterSeconds: number): ApiError {
  const message = 'Too many failed logins from this address: wait and try again';
  return new ApiError(429, 'RATE_LIMITED', message, { retryAfterSeconds });
}
