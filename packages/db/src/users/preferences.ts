import { eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { NotFoundError } from '../errors';
import { users } from '../schema';

export type StaffPreferences = { notifyReview: boolean };

export async function getStaffPreferences(db: Db, userId: string): Promise<StaffPreferences> {
  const [row] = await db.select({ notifyReview: users.notifyReview }).from(users).where(eq(users.id, userId));
  if (!row) throw new NotFoundError('user', userId);
  return row;
}

/** Only the signed-in person's own row: the caller passes the session's user id, never one from the request. */
export async function setStaffPreferences(
  db: Db,
  input: { userId: string } & Partial<StaffPreferences>,
): Promise<StaffPreferences> {
  const [row] = await db
    .update(users)
    .set({
      ...(input.notifyReview !== undefined ? { notifyReview: input.notifyReview } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, input.userId))
    .returning({ notifyReview: users.notifyReview });
  if (!row) throw new NotFoundError('user', input.userId);
  return row;
}
