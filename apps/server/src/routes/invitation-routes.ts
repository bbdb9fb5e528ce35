import type { FastifyInstance } from 'fastify';
import { hashPassword, hashToken, passwordProblem } from '@crieur/auth';
import { appendAudit, findOpenInvitation, recordSuccessfulLogin, setUserPassword, useInvitation } from '@crieur/db';
import { rememberDevice } from '../auth/known-device';
import { startSession } from '../auth/session-cookie';
import { ApiError } from '../http/api-error';
import { handle } from '../http/contract-route';
import type { RouteContext } from './context';
import { sessionUser } from './staff-user';

const invalid = () =>
  new ApiError(
    410,
    'INVITATION_INVALID',
    'Ce lien d’invitation n’est plus valable (déjà utilisé ou expiré) : demandez-en un nouveau à un·e administrateur·rice.',
  );

export function invitationRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;

  handle(app, 'GET /api/invitations/:token', async ({ params }) => {
    const user = await findOpenInvitation(db, { tokenHash: hashToken(params.token), now: ctx.now() });
    if (!user) throw invalid();
    return { email: user.email, name: user.name };
  });

  handle(app, 'POST /api/invitations/:token/accept', async ({ params, body }, request, reply) => {
    const tokenHash = hashToken(params.token);
    const now = ctx.now();
    const user = await findOpenInvitation(db, { tokenHash, now });
    if (!user) throw invalid();
    // the deciding strength rule, with the person's own name and email counted as weak words
    const weak = passwordProblem(body.password, [body.name, user.name, user.email]);
    if (weak) {
      throw new ApiError(400, 'VALIDATION', `« mot de passe » : ${weak}`, {
        issues: [{ path: 'password', message: weak }],
      });
    }
    const passwordHash = await hashPassword(body.password);
    if (!(await useInvitation(db, { tokenHash, now }))) throw invalid(); // used meanwhile: single use
    const active = await setUserPassword(db, { id: user.id, passwordHash, name: body.name });
    // joining is the first login: the team page must not say « Jamais » right after it
    await recordSuccessfulLogin(db, { id: active.id, now });
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
