import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { hashToken, newToken, Role } from '@crieur/auth';
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
import { parse } from '../http/parse-body';
import type { RouteContext } from './context';
import { adminUserView } from './staff-user';

const InviteBody = z.object({
  email: z.email('Enter a valid email address').max(320),
  name: z.string().trim().max(120).default(''),
  role: Role,
});
type InviteBody = z.infer<typeof InviteBody>;

const UserParams = z.object({ id: z.uuid('Unknown user') });

const PatchUserBody = z
  .object({ role: Role.optional(), status: z.enum(['active', 'deactivated']).optional() })
  .refine((b) => b.role !== undefined || b.status !== undefined, 'Nothing to change');
type PatchUserBody = z.infer<typeof PatchUserBody>;

export function userRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;

  app.get('/api/users', async () => ({ users: (await listUsers(db)).map(adminUserView) }));

  app.post('/api/users/invitations', async (request, reply) => {
    const admin = requireStaff(request);
    const body: InviteBody = parse(InviteBody, request.body);
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

  app.patch('/api/users/:id', async (request) => {
    const admin = requireStaff(request);
    const { id } = parse(UserParams, request.params);
    const body: PatchUserBody = parse(PatchUserBody, request.body);
    if (id === admin.id) throw new ApiError(409, 'CANNOT_CHANGE_SELF', 'You cannot change your own role or status');
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
