import type { FastifyInstance } from 'fastify';
import { ERROR_MESSAGES } from '@crieur/api/error-codes';
import { hashPassword, hashToken, passwordProblem } from '@crieur/auth';
import { appendAudit, completePasswordReset, findOpenPasswordReset, requestPasswordReset } from '@crieur/db';
import { enqueueStaffMail, promptly } from '@crieur/queue';
import { ApiError } from '../http/api-error';
import { handle } from '../http/contract-route';
import type { RouteContext } from './context';

export const PASSWORD_RESET_LIMITS = {
  /** « Mot de passe oublié ? » requests per IP per minute (@fastify/rate-limit, as login) */
  perIpPerMinute: 5,
  /** reset emails per account per hour; more requests get the same answer and send nothing */
  perAccountPerHour: 3,
};

// unknown, used, expired or the account deactivated: one message, it tells nothing more
const invalid = () => new ApiError(410, 'RESET_INVALID', ERROR_MESSAGES.RESET_INVALID);

export function passwordResetRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;

  handle(
    app,
    'POST /api/password-reset',
    { config: { rateLimit: { max: PASSWORD_RESET_LIMITS.perIpPerMinute, timeWindow: 60_000 } } },
    async ({ body }, request, reply) => {
      // one statement whatever the address: the same work and the same answer for known and unknown ones
      const { staffMailId } = await requestPasswordReset(db, {
        email: body.email,
        now: ctx.now(),
        perHour: PASSWORD_RESET_LIMITS.perAccountPerHour,
      });
      if (staffMailId) {
        // after the answer is written, so Redis's time cannot tell a known address; Redis down: the rebuild sends it
        setImmediate(() => {
          void promptly(enqueueStaffMail(ctx.mailQueue, [staffMailId])).catch((error: Error) =>
            request.log.warn({ reason: error.message }, 'password reset email left to the mail rebuild'),
          );
        });
      }
      return reply.status(202).send({ ok: true });
    },
  );

  handle(app, 'GET /api/password-reset/:token', async ({ params }) => {
    const reset = await findOpenPasswordReset(db, { tokenHash: hashToken(params.token), now: ctx.now() });
    if (!reset) throw invalid();
    return { email: reset.email, name: reset.name };
  });

  handle(app, 'POST /api/password-reset/:token', async ({ params, body }, request) => {
    const tokenHash = hashToken(params.token);
    const reset = await findOpenPasswordReset(db, { tokenHash, now: ctx.now() });
    if (!reset) throw invalid();
    // the same rule as for invitations, the person's own name and address counted as weak words
    const weak = passwordProblem(body.password, [reset.name, reset.email]);
    if (weak) {
      throw new ApiError(400, 'VALIDATION', `« mot de passe » : ${weak}`, {
        issues: [{ path: 'password', message: weak }],
      });
    }
    const passwordHash = await hashPassword(body.password);
    // single use: a second try, or one that raced this one, finds the link used
    const done = await completePasswordReset(db, { tokenHash, passwordHash, now: ctx.now() });
    if (!done) throw invalid();
    await appendAudit(db, {
      action: 'password_reset',
      actorId: done.userId,
      targetType: 'user',
      targetId: done.userId,
      data: { sessionsEnded: done.sessionsEnded },
      ip: request.ip,
    });
    return { ok: true as const };
  });
}
