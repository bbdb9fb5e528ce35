import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../shared/tx';
import { passwordResets, staffMail, users } from '../schema';
import type { StaffMailSkip } from './prepare-invitation-email';

export type PasswordResetEmail = { email: string; name: string };

/**
 * Before sending a reset link: stores the new token's hash and starts its hour now, when the email leaves,
 * not when it was asked for. Says why not when the link was used or the account is no longer active.
 */
export async function preparePasswordResetEmail(
  db: DbOrTx,
  input: { staffMailId: string; tokenHash: string; now: Date; validMs: number },
): Promise<PasswordResetEmail | StaffMailSkip> {
  const [row] = await db
    .select({
      sentAt: staffMail.sentAt,
      resetId: passwordResets.id,
      usedAt: passwordResets.usedAt,
      email: users.email,
      name: users.name,
      status: users.status,
    })
    .from(staffMail)
    .innerJoin(passwordResets, eq(passwordResets.id, staffMail.resetId))
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(eq(staffMail.id, input.staffMailId), eq(staffMail.kind, 'password_reset')));
  if (!row) return { skip: 'reset gone' };
  if (row.sentAt) return { skip: 'already sent' };
  if (row.usedAt) return { skip: 'reset already used' };
  if (row.status !== 'active') return { skip: `account ${row.status}` };
  const updated = await db
    .update(passwordResets)
    .set({ tokenHash: input.tokenHash, expiresAt: new Date(input.now.getTime() + input.validMs) })
    .where(and(eq(passwordResets.id, row.resetId), isNull(passwordResets.usedAt)))
    .returning({ id: passwordResets.id });
  if (updated.length === 0) return { skip: 'reset already used' };
  return { email: row.email, name: row.name };
}
