import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  appendAudit,
  deleteUserSessions,
  findUserById,
  inviteStaff,
  latestInvitations,
  listUsers,
  resendInvitation,
  updateUser,
  type User,
} from '@crieur/db';
import { enqueueStaffMail, promptly } from '@crieur/queue';
import { requireStaff } from '../auth/register-access';
import { ApiError, notFound } from '../http/api-error';
import { handle } from '../http/contract-route';
import type { RouteContext } from './context';
import { adminUserView } from './staff-user';
import { personName, ROLE_WORDS, STATUS_WORDS } from './staff-words';

// what an admin can do about an address that already has an account, said in the refusal itself
const NEXT_STEP: Record<User['status'], string> = {
  invited: 'renvoyez-lui l’invitation plutôt',
  active: 'changez son rôle dans la liste de l’équipe si besoin',
  deactivated: 'réactivez son compte dans la liste de l’équipe si besoin',
};

/** 409 naming whose the address is: inviting never renames nor changes the role of an existing account. */
function addressTaken(existing: User): ApiError {
  const who = `${personName(existing)} (${ROLE_WORDS[existing.role]}, ${STATUS_WORDS[existing.status]})`;
  return new ApiError(
    409,
    'DUPLICATE_EMAIL',
    `Cette adresse appartient déjà à ${who} : ${NEXT_STEP[existing.status]}.`,
    {
      existing: {
        id: existing.id,
        name: existing.name,
        email: existing.email,
        role: existing.role,
        status: existing.status,
      },
    },
  );
}

export function userRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;
  const expiresAt = () => new Date(ctx.now().getTime() + ctx.invitationTtlMs);
  const outbox = ctx.mailer.kind === 'outbox';

  // the row is written: if Redis does not take the job now, the mail reconcile sends it within a minute or two
  const queueEmail = async (request: FastifyRequest, staffMailId: string): Promise<boolean> => {
    try {
      await promptly(enqueueStaffMail(ctx.mailQueue, [staffMailId]));
      return true;
    } catch (error) {
      request.log.warn({ reason: (error as Error).name }, 'invitation email not queued: the reconcile will send it');
      return false;
    }
  };
  const viewOf = async (user: User) => adminUserView(user, (await latestInvitations(db, [user.id])).get(user.id));

  handle(app, 'GET /api/users', async () => {
    const users = await listUsers(db);
    const invitations = await latestInvitations(
      db,
      users.filter((u) => u.status === 'invited').map((u) => u.id),
    );
    return { users: users.map((u) => adminUserView(u, invitations.get(u.id))) };
  });

  handle(app, 'POST /api/users/invitations', async ({ body }, request, reply) => {
    const admin = requireStaff(request);
    const outcome = await inviteStaff(db, {
      email: body.email,
      name: body.name,
      role: body.role,
      createdBy: admin.id,
      expiresAt: expiresAt(),
    });
    if (outcome.kind === 'taken') throw addressTaken(outcome.existing);
    await appendAudit(db, {
      action: 'user_invited',
      actorId: admin.id,
      targetType: 'user',
      targetId: outcome.user.id,
      data: { role: outcome.user.role },
      ip: request.ip,
    });
    const emailQueued = await queueEmail(request, outcome.staffMailId);
    return reply.status(201).send({ user: await viewOf(outcome.user), emailQueued, outbox, renewed: false });
  });

  handle(app, 'POST /api/users/:id/invitation', async ({ params: { id } }, request, reply) => {
    const admin = requireStaff(request);
    const outcome = await resendInvitation(db, {
      userId: id,
      createdBy: admin.id,
      now: ctx.now(),
      expiresAt: expiresAt(),
    });
    if (outcome.kind === 'not_found') throw notFound('User');
    if (outcome.kind === 'not_invited') {
      const who = personName(outcome.user);
      const message =
        outcome.user.status === 'active'
          ? `${who} a déjà activé son compte : il n’y a plus d’invitation à renvoyer.`
          : `Le compte de ${who} est désactivé : réactivez-le avant de renvoyer l’invitation.`;
      throw new ApiError(409, 'DUPLICATE_EMAIL', message, {
        existing: {
          id: outcome.user.id,
          name: outcome.user.name,
          email: outcome.user.email,
          role: outcome.user.role,
          status: outcome.user.status,
        },
      });
    }
    await appendAudit(db, {
      action: 'invitation_resent',
      actorId: admin.id,
      targetType: 'user',
      targetId: id,
      data: { renewed: outcome.renewed },
      ip: request.ip,
    });
    const emailQueued = await queueEmail(request, outcome.staffMailId);
    return reply.status(202).send({ user: await viewOf(outcome.user), emailQueued, outbox, renewed: outcome.renewed });
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
    return { user: await viewOf(user) };
  });
}
