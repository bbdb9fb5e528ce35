import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { invitations, users } from '../schema';
import { toUser, type User } from './user-row';

export async function createInvitation(
  db: Db,
  input: { tokenHash: string; userId: string; createdBy: string | null; expiresAt: Date },
): Promise<void> {
  // a new invitation replaces any earlier one for the same person
  await db.delete(invitations).where(eq(invitations.userId, input.userId));
  await db.insert(invitations).values(input);
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
