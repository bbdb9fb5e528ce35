import { eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { NotFoundError } from '../errors';
import { users } from '../schema';
import { toUser, type Role, type User, type UserStatus } from './user-row';

export async function updateUser(
  db: Db,
  input: { id: string; role?: Role; status?: UserStatus; name?: string },
): Promise<User> {
  const [row] = await db
    .update(users)
    .set({
      ...(input.role ? { role: input.role } : {}),
      // reactivating someone who never chose a password puts them back to invited
      ...(input.status === 'active'
        ? {
            status: sql`case when ${users.passwordHash} is null then 'invited'::user_status else 'active'::user_status end`,
          }
        : input.status
          ? { status: input.status }
          : {}),
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, input.id))
    .returning();
  if (!row) throw new NotFoundError('user', input.id);
  return toUser(row);
}

export async function setUserPassword(
  db: Db,
  input: { id: string; passwordHash: string; name?: string },
): Promise<User> {
  const [row] = await db
    .update(users)
    .set({
      passwordHash: input.passwordHash,
      status: 'active',
      failedLogins: 0,
      lockedUntil: null,
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, input.id))
    .returning();
  if (!row) throw new NotFoundError('user', input.id);
  return toUser(row);
}

/**
 * Counts a failed password since the last login; `lockMsFor(failures)` says how long the account's
 * soft lock then lasts (0: none).
 */
export async function recordFailedLogin(
  db: Db,
  input: { id: string; now: Date; lockMsFor: (failures: number) => number },
): Promise<{ failures: number; lockedUntil: Date | null }> {
  const [row] = await db
    .update(users)
    .set({ failedLogins: sql`${users.failedLogins} + 1` })
    .where(eq(users.id, input.id))
    .returning({ failedLogins: users.failedLogins });
  const failures = row?.failedLogins ?? 0;
  const lockMs = input.lockMsFor(failures);
  if (lockMs <= 0) return { failures, lockedUntil: null };
  const lockedUntil = new Date(input.now.getTime() + lockMs);
  await db.update(users).set({ lockedUntil }).where(eq(users.id, input.id));
  return { failures, lockedUntil };
}

export async function recordSuccessfulLogin(db: Db, input: { id: string; now: Date }): Promise<void> {
  await db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: input.now })
    .where(eq(users.id, input.id));
}
