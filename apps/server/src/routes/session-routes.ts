import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { dummyPasswordHash, verifyPassword } from '@crieur/auth';
import { appendAudit, deleteExpiredSessions, findUserForLogin, recordFailedLogin, recordSuccessfulLogin } from '@crieur/db';
import { endSession, startSession } from '../auth/session-cookie';
import { ApiError } from '../http/api-error';
import { parse } from '../http/parse-body';
import type { RouteContext } from './context';
import { sessionUser } from './staff-user';

const LoginBody = z.object({
  email: z.string().trim().min(1, 'Email is required').max(320),
  password: z.string().min(1, 'Password is required').max(256),
});
type LoginBody = z.infer<typeof LoginBody>;

export function sessionRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;

  app.get('/api/session', async (request, reply) => {
    return { user: request.staff ? sessionUser(request.staff) : null, csrfToken: reply.generateCsrf() };
  });

  app.post(
    '/api/login',
    { config: { rateLimit: { max: ctx.login.perIpPerMinute, timeWindow: 60_000 } } },
    async (request, reply) => {
      const body: LoginBody = parse(LoginBody, request.body);
      const now = ctx.now();
      const user = await findUserForLogin(db, body.email);
      const invalid = () => new ApiError(401, 'INVALID_CREDENTIALS', 'Wrong email or password');
      if (!user || !user.passwordHash || user.status !== 'active') {
        await verifyPassword(await dummyPasswordHash(), body.password); // same cost as a real check
        await appendAudit(db, { action: 'login_failed', targetType: 'user', targetId: user?.id, data: { reason: user ? user.status : 'unknown_email' }, ip: request.ip });
        throw invalid();
      }
      if (user.lockedUntil && user.lockedUntil > now) {
        throw locked(user.lockedUntil, now);
      }
      if (!(await verifyPassword(user.passwordHash, body.password))) {
        const { locked: nowLocked } = await recordFailedLogin(db, { id: user.id, now, maxFailures: ctx.login.maxFailures, lockMs: ctx.login.lockMs });
        await appendAudit(db, { action: nowLocked ? 'login_locked' : 'login_failed', actorId: null, targetType: 'user', targetId: user.id, ip: request.ip });
        if (nowLocked) throw locked(new Date(now.getTime() + ctx.login.lockMs), now);
        throw invalid();
      }
      await recordSuccessfulLogin(db, { id: user.id, now });
      await deleteExpiredSessions(db, now); // logins are rare: a cheap moment to sweep
      await startSession(db, reply, { userId: user.id, now, settings: ctx.session });
      await appendAudit(db, { action: 'login', actorId: user.id, targetType: 'user', targetId: user.id, ip: request.ip });
      return { user: sessionUser(user) };
    },
  );

  app.post('/api/logout', async (request, reply) => {
    if (request.staff) await appendAudit(db, { action: 'logout', actorId: request.staff.id, targetType: 'user', targetId: request.staff.id, ip: request.ip });
    await endSession(db, request, reply, ctx.session);
    return reply.status(204).send();
  });
}

function locked(until: Date, now: Date): ApiError {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new ApiError(423, 'ACCOUNT_LOCKED', 'Too many failed attempts: this account is locked for a while', { retryAfterSeconds });
}
