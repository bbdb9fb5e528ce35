import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { isUniqueViolation } from '../errors';
import { invitations, staffMail, users } from '../schema';
import type { DbOrTx } from '../shared/tx';
import { toUser, type Role, type User } from './user-row';

/** What an invitation (or its resend) wrote: the `staff_mail` id goes to `enqueueStaffMail` after commit. */
export type InvitationMail = { user: User; invitationId: string; staffMailId: string };

export type InviteOutcome = ({ kind: 'invited' } & InvitationMail) | { kind: 'taken'; existing: User };

export type ResendOutcome =
  ({ kind: 'sent'; renewed: boolean } & InvitationMail) | { kind: 'not_invited'; user: User } | { kind: 'not_found' };

async function findByEmail(db: DbOrTx, email: string): Promise<User | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email.trim()})`)
    .limit(1);
  return row ? toUser(row) : undefined;
}

async function owedInvitationMail(db: DbOrTx, input: { userId: string; invitationId: string }): Promise<string> {
  const [mail] = await db
    .insert(staffMail)
    .values({ kind: 'invitation', recipientId: input.userId, invitationId: input.invitationId })
    .returning({ id: staffMail.id });
  return mail!.id;
}

async function newInvitation(
  db: DbOrTx,
  input: { userId: string; createdBy: string | null; expiresAt: Date },
): Promise<string> {
  // no token yet: the mail worker makes it when it sends the email, and starts the 7 days then
  const [row] = await db
    .insert(invitations)
    .values({ userId: input.userId, createdBy: input.createdBy, expiresAt: input.expiresAt })
    .returning({ id: invitations.id });
  return row!.id;
}

/**
 * Creates an invited account, its invitation and the email owed, in one transaction. An address that
 * already has an account (any status) is never touched: the caller says whose it is.
 */
export async function inviteStaff(
  db: Db,
  input: { email: string; name: string; role: Role; createdBy: string; expiresAt: Date },
): Promise<InviteOutcome> {
  try {
    return await db.transaction(async (tx) => {
      const existing = await findByEmail(tx, input.email);
      if (existing) return { kind: 'taken', existing } as const;
      const [row] = await tx
        .insert(users)
        .values({ email: input.email.trim(), name: input.name.trim(), role: input.role, status: 'invited' })
        .returning();
      const user = toUser(row!);
      const invitationId = await newInvitation(tx, {
        userId: user.id,
        createdBy: input.createdBy,
        expiresAt: input.expiresAt,
      });
      const staffMailId = await owedInvitationMail(tx, { userId: user.id, invitationId });
      return { kind: 'invited', user, invitationId, staffMailId } as const;
    });
  } catch (error) {
    // two admins inviting the same address at once: the second one learns whose it now is
    if (!isUniqueViolation(error)) throw error;
    const existing = await findByEmail(db, input.email);
    if (!existing) throw error;
    return { kind: 'taken', existing };
  }
}

/**
 * "Renvoyer l'invitation": one more email for the open invitation (the newest email's link is the one that
 * works), or a new invitation when the last one expired or was used. Only for an account still invited.
 */
export async function resendInvitation(
  db: Db,
  input: { userId: string; createdBy: string; now: Date; expiresAt: Date },
): Promise<ResendOutcome> {
  return db.transaction(async (tx) => {
    // one resend at a time per person: two clicks never make two invitations
    const [row] = await tx.select().from(users).where(eq(users.id, input.userId)).for('update');
    if (!row) return { kind: 'not_found' } as const;
    const user = toUser(row);
    if (user.status !== 'invited') return { kind: 'not_invited', user } as const;
    const [open] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.userId, user.id), isNull(invitations.usedAt), gt(invitations.expiresAt, input.now)))
      .orderBy(desc(invitations.createdAt))
      .limit(1);
    if (!open) {
      // the unused ones have all expired: gone, with any email of theirs still owed (no second live link)
      await tx.delete(invitations).where(and(eq(invitations.userId, user.id), isNull(invitations.usedAt)));
    }
    const invitationId =
      open?.id ??
      (await newInvitation(tx, { userId: user.id, createdBy: input.createdBy, expiresAt: input.expiresAt }));
    const staffMailId = await owedInvitationMail(tx, { userId: user.id, invitationId });
    return { kind: 'sent', renewed: !open, user, invitationId, staffMailId } as const;
  });
}

/**
 * Gives an unused invitation its link directly: the hash of a token, valid until `expiresAt`. For tests and tools
 * that do not run the mail worker (which does the same in `prepareInvitationEmail` as it sends the email).
 */
export async function issueInvitationToken(
  db: DbOrTx,
  input: { invitationId: string; tokenHash: string; expiresAt: Date },
): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ tokenHash: input.tokenHash, expiresAt: input.expiresAt })
    .where(and(eq(invitations.id, input.invitationId), isNull(invitations.usedAt)))
    .returning({ id: invitations.id });
  return rows.length === 1;
}

/** The newest invitation of each of these people: when it was made, until when it works, its last email. */
export async function latestInvitations(
  db: Db,
  userIds: readonly string[],
): Promise<Map<string, { invitationId: string; createdAt: Date; expiresAt: Date; emailSentAt: Date | null }>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([invitations.userId], {
      userId: invitations.userId,
      invitationId: invitations.id,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      // spelled out: in a one-table select Drizzle leaves columns unqualified, and "id" would be staff_mail's
      emailSentAt: sql<Date | string | null>`(
        select max(sm.sent_at) from staff_mail sm where sm.invitation_id = "invitations"."id")`,
    })
    .from(invitations)
    .where(inArray(invitations.userId, [...userIds]))
    .orderBy(invitations.userId, desc(invitations.createdAt));
  return new Map(
    rows.map((r) => [
      r.userId,
      {
        invitationId: r.invitationId,
        createdAt: r.createdAt,
        expiresAt: r.expiresAt,
        emailSentAt: r.emailSentAt === null ? null : new Date(r.emailSentAt),
      },
    ]),
  );
}

/** The invited user, if the token is known, unused and not expired. */
export async function findOpenInvitation(db: Db, input: { tokenHash: string; now: Date }): Promise<User | undefined> {
  const [row] = await db
    .select({ user: users })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(
      and(eq(invitations.tokenHash, input.tokenHash), isNull(invitations.usedAt), gt(invitations.expiresAt, input.now)),
    )
    .limit(1);
  return row && row.user.status !== 'deactivated' ? toUser(row.user) : undefined;
}

/** Marks the invitation used; false if someone used it first. */
export async function useInvitation(db: Db, input: { tokenHash: string; now: Date }): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ usedAt: sql`${input.now.toISOString()}::timestamptz` })
    .where(
      and(eq(invitations.tokenHash, input.tokenHash), isNull(invitations.usedAt), gt(invitations.expiresAt, input.now)),
    )
    .returning({ userId: invitations.userId });
  return rows.length === 1;
}
