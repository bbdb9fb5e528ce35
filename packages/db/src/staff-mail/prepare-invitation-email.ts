import { and, desc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../shared/tx';
import { invitations, staffMail, users } from '../schema';
import type { Role } from '../users/user-row';

export type InvitationEmail = { email: string; name: string; role: Role; invitedBy: string | null };
export type StaffMailSkip = { skip: string };

const inviters = alias(users, 'inviters');

/**
 * Before sending an invitation: stores the new token's hash on the invitation and starts its validity, so
 * the link of the newest email is the one that works. Says why not when the invitation was used, its person
 * deactivated, or a newer email (a resend) replaced this one.
 */
export async function prepareInvitationEmail(
  db: DbOrTx,
  input: { staffMailId: string; tokenHash: string; now: Date; validMs: number },
): Promise<InvitationEmail | StaffMailSkip> {
  const [row] = await db
    .select({
      sentAt: staffMail.sentAt,
      createdAt: staffMail.createdAt,
      invitationId: invitations.id,
      usedAt: invitations.usedAt,
      email: users.email,
      name: users.name,
      role: users.role,
      status: users.status,
      inviterName: inviters.name,
      inviterEmail: inviters.email,
    })
    .from(staffMail)
    .innerJoin(invitations, eq(invitations.id, staffMail.invitationId))
    .innerJoin(users, eq(users.id, invitations.userId))
    .leftJoin(inviters, eq(inviters.id, invitations.createdBy))
    .where(and(eq(staffMail.id, input.staffMailId), eq(staffMail.kind, 'invitation')));
  if (!row) return { skip: 'invitation gone' };
  if (row.sentAt) return { skip: 'already sent' };
  if (row.usedAt) return { skip: 'invitation already used' };
  if (row.status === 'deactivated') return { skip: 'person deactivated' };
  const [newest] = await db
    .select({ id: staffMail.id })
    .from(staffMail)
    .where(eq(staffMail.invitationId, row.invitationId))
    .orderBy(desc(staffMail.createdAt), desc(staffMail.id))
    .limit(1);
  if (newest && newest.id !== input.staffMailId) return { skip: 'replaced by a newer invitation email' };
  const updated = await db
    .update(invitations)
    .set({ tokenHash: input.tokenHash, expiresAt: new Date(input.now.getTime() + input.validMs) })
    .where(and(eq(invitations.id, row.invitationId), isNull(invitations.usedAt)))
    .returning({ id: invitations.id });
  if (updated.length === 0) return { skip: 'invitation already used' };
  const invitedBy = row.inviterName?.trim() || row.inviterEmail || null;
  return { email: row.email, name: row.name, role: row.role, invitedBy };
}
