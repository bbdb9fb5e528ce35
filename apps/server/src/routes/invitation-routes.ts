import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { hashPassword, hashToken, Password, passwordProblem } from '@crieur/auth';
import { appendAudit, findOpenInvitation, setUserPassword, useInvitation } from '@crieur/db';
import { rememberDevice } from '../auth/known-device';
import { startSession } from '../auth/session-cookie';
import { ApiError } from '../http/api-error';
import { parse } from '../http/parse-body';
import type { RouteContext } from './context';
import { sessionUser } from './staff-user';

const TokenParams = z.object({ token: z.string().min(20).max(100) });
const AcceptBody = z.object({ name: z.string().trim().min(1, 'Name is required').max(120), password: Password });
type AcceptBody = z.infer<typeof AcceptBody>;

const invalid = () =>
  new ApiError(
    410,
    'INVITATION_INVALID',
    'This invitation link is invalid, used or expired: ask an admin for a new one',
  );

export function invitationRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;

  app.get('/api/invitations/:token', async (request) => {
    const params = TokenParams.safeParse(request.params);
    if (!params.success) throw invalid();
    const user = await findOpenInvitation(db, { tokenHash: hashToken(params.data.token), now: ctx.now() });
    if (!user) throw invalid();
    return { email: user.email, name: user.name };
  });

  app.post('/api/invitations/:token/accept', async (request, reply) => {
    const params = TokenParams.safeParse(request.params);
    if (!params.success) throw invalid();
    const body: AcceptBody = parse(AcceptBody, request.body);
    const tokenHash = hashToken(params.data.token);
    const now = ctx.now();
    const user = await findOpenInvitation(db, { tokenHash, now });
    if (!user) throw invalid();
    // the deciding strength rule, with the person's own name and email counted as weak words
    const weak = passwordProblem(body.password, [body.name, user.name, user.email]);
    if (weak) {
      throw new ApiError(400, 'VALIDATION', 'Password too weak', { issues: [{ path: 'password', message: weak }] });
    }
    const passwordHash = await hashPassword(body.password);
    if (!(await useInvitation(db, { tokenHash, now }))) throw invalid(); // used meanwhile: single use
    const active = await setUserPassword(db, { id: user.id, passwordHash, name: body.name });
    await startSession(db, reply, { userId: active.id, now, settings: ctx.session });
    rememberDevice(request, reply, { userId: active.id, secure: ctx.session.secureCookies });
    await appendAudit(db, {
      action: 'invitation_accepted',
      actorId: active.id,
      targetType: 'user',
      targetId: active.id,
      ip: request.ip,
    });
    return { user: sessionUser(active) };
  });
}
