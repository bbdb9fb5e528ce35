import type { FastifyInstance } from 'fastify';
import { hashToken, newToken } from '@crieur/auth';
import {
  appendAudit,
  createInvitation,
  createUser,
  deleteUserSessions,
  DuplicateEmailError,
  findUserById,
  findUserForLogin,
  listUsers,
  updateUser,
} from '@crieur/db';
import { requireStaff } from '../auth/register-access';
import { ApiError, notFound } from '../http/api-error';
import { handle } from '../http/contract-route';
import type { RouteContext } from './context';
import { adminUserView } from './staff-user';

export function userRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;

  handle(app, 'GET /api/users', async () => ({ users: (await listUsers(db)).map(adminUserView) }));

  handle(app, 'POST /api/users/invitations', async ({ body }, request, reply) => {
    const admin = requireStaff(request);
    const existing = await findUserForLogin(db, body.email);
    // inviting again someone who never accepted renews their link (and takes the new role)
    if (existing && existing.status !== 'invited') throw new DuplicateEmailError();
    const user = existing
      ? await updateUser(db, { id: existing.id, role: body.role, ...(body.name ? { name: body.name } : {}) })
      : await createUser(db, { email: body.email, name: body.name, role: body.role, status: 'invited' });
    const token = newToken();
    await createInvitation(db, {
      tokenHash: hashToken(token),
      userId: user.id,
      createdBy: admin.id,
      expiresAt: new Date(ctx.now().getTime() + ctx.invitationTtlMs),
    });
    await appendAudit(db, {
      action: 'user_invited',
      actorId: admin.id,
      targetType: 'user',
      targetId: user.id,
      data: { role: user.role },
      ip: request.ip,
    });
    return reply
      .status(201)
      .send({ user: adminUserView(user), inviteUrl: `${ctx.config.publicUrl}/studio/invitation/${token}` });
  });

  handle(app, 'PATCH /api/users/:id', async ({ params: { id }, body }, request) => {
    const admin = requireStaff(request);
    if (id === admin.id)
      throw new ApiError(409, 'CANNOT_CHANGE_SELF', 'Vous ne pouvez pas changer votre propre rôle ni votre statut.');
    const before = await findUserById(db, id);
    if (!before) throw notFound('User');
    const user = await updateUser(db, { id, role: body.role, status: body.status });
    if (body.role && body.role !== before.role) {
      await appendAudit(db, {
        action: 'user_role_changed',
        actorId: admin.id,
        targetType: 'user',
        targetId: id,
        data: { from: before.role, to: body.role },
        ip: request.ip,
      });
    }
    if (body.status === 'deactivated' && before.status !== 'deactivated') {
      await deleteUserSessions(db, id); // out at once, not at the next expiry
      await appendAudit(db, {
        action: 'user_deactivated',
        actorId: admin.id,
        targetType: 'user',
        targetId: id,
        ip: request.ip,
      });
    }
    if (body.status === 'active' && before.status === 'deactivated') {
      await appendAudit(db, {
        action: 'user_reactivated',
        actorId: admin.id,
        targetType: 'user',
        targetId: id,
        ip: request.ip,
      });
    }
    return { user: adminUserView(user) };
  });
}
