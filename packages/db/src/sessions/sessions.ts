import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { sessions, users } from '../schema';
import { toUser, type User } from '../users/user-row';

export async function createSession(
  db: Db,
  input: { idHash: string; userId: string; now: Date; expiresAt: Date },
): Promise<void> {
  await db.insert(sessions).values({
    idHash: input.idHash,
    userId: input.userId,
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt: input.expiresAt,
  });
}

export type ActiveSession = { idHash: string; expiresAt: Date; lastSeenAt: Date; user: User };

/** A live session of an active user; expired sessions and deactivated users give nothing. */
export async function findActiveSession(
  db: Db,
  input: { idHash: string; now: Date },
): Promise<ActiveSession | undefined> {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, input.idHash), gt(sessions.expiresAt, input.now), eq(users.status, 'active')))
    .limit(1);
  if (!row) return undefined;
  return {
    idHash: row.session.idHash,
    expiresAt: row.session.expiresAt,
    lastSeenAt: row.session.lastSeenAt,
    user: toUser(row.user),
  };
}

/** However active, a session ends this many days after login (the privacy page shows this figure). */
export const SESSION_MAX_DAYS = 30;

const latestEnd = sql`${sessions.createdAt} + make_interval(days => ${SESSION_MAX_DAYS}::int)`;

/** Sliding expiry: seen now, valid until `expiresAt`. */
export async function touchSession(db: Db, input: { idHash: string; now: Date; expiresAt: Date }): Promise<void> {
  await db
    .update(sessions)
    .set({
      lastSeenAt: input.now,
      expiresAt: sql`least(${input.expiresAt.toISOString()}::timestamptz, ${latestEnd})`,
    })
    .where(eq(sessions.idHash, input.idHash));
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const rows = await db.delete(sessions).where(lte(sessions.expiresAt, now)).returning({ idHash: sessions.idHash });
  return rows.length;
}
