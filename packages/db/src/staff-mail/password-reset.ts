import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../database';
import type { DbOrTx } from '../shared/tx';
import { queryRows } from '../shared/query-rows';
import { passwordResets, sessions, users } from '../schema';

/**
 * « Mot de passe oublié ? »: for an active account with fewer than `perHour` requests in the last hour, one
 * reset and its email owed. The same two statements run whatever the address, so known and unknown
 * addresses cost the same. Returns the staff_mail id to enqueue, or null (unknown, inactive or too many:
 * the caller answers the same).
 */
export async function requestPasswordReset(
  db: Db,
  input: { email: string; now: Date; perHour: number },
): Promise<{ staffMailId: string | null }> {
  const email = input.email.trim();
  const now = input.now.toISOString();
  const hourAgo = new Date(input.now.getTime() - 3600_000).toISOString();
  return db.transaction(async (tx) => {
    // the commit of a write waits for the disk and a read-only one does not: that wait would tell a known
    // address; a reset lost in a crash is simply asked for again
    await tx.execute(sql`set local synchronous_commit = off`);
    // requests for one account wait for each other here, so the hourly count below sees every earlier one
    await tx.execute(
      sql`select id from users where lower(email) = lower(${email}) and status = 'active' for no key update`,
    );
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`
        with target as (
          select u.id from users u
          where lower(u.email) = lower(${email}) and u.status = 'active'
            and (select count(*) from password_resets p
                 where p.user_id = u.id and p.created_at > ${hourAgo}::timestamptz) < ${input.perHour}
        ), reset as (
          insert into password_resets (user_id, created_at)
          select id, ${now}::timestamptz from target
          returning id, user_id
        )
        insert into staff_mail (kind, recipient_id, reset_id, created_at)
        select 'password_reset', user_id, id, ${now}::timestamptz from reset
        returning id`,
    );
    return { staffMailId: rows[0]?.id ?? null };
  });
}

const open = (tokenHash: string, now: Date) =>
  and(
    eq(passwordResets.tokenHash, tokenHash),
    isNull(passwordResets.usedAt),
    gt(passwordResets.expiresAt, now),
    // a deactivated person's link dies with the account
    sql`exists (select 1 from users u where u.id = ${passwordResets.userId} and u.status = 'active')`,
  );

/** Whose reset link this is, if it is known, unused, within its hour and the account still active. */
export async function findOpenPasswordReset(
  db: DbOrTx,
  input: { tokenHash: string; now: Date },
): Promise<{ userId: string; email: string; name: string } | null> {
  const [row] = await db
    .select({ userId: users.id, email: users.email, name: users.name })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(open(input.tokenHash, input.now));
  return row ?? null;
}

/**
 * The new password, once: marks the link used (and the person's other open links with it), sets the hash,
 * clears failed logins and the soft lock, and ends every session of the account. Null if the link was
 * used meanwhile or is no longer valid.
 */
export async function completePasswordReset(
  db: Db,
  input: { tokenHash: string; passwordHash: string; now: Date },
): Promise<{ userId: string; sessionsEnded: number } | null> {
  return db.transaction(async (tx) => {
    const [used] = await tx
      .update(passwordResets)
      .set({ usedAt: input.now })
      .where(open(input.tokenHash, input.now))
      .returning({ userId: passwordResets.userId });
    if (!used) return null;
    await tx
      .update(passwordResets)
      .set({ usedAt: input.now })
      .where(and(eq(passwordResets.userId, used.userId), isNull(passwordResets.usedAt)));
    await tx
      .update(users)
      .set({ passwordHash: input.passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: input.now })
      .where(eq(users.id, used.userId));
    const ended = await tx
      .delete(sessions)
      .where(eq(sessions.userId, used.userId))
      .returning({ idHash: sessions.idHash });
    return { userId: used.userId, sessionsEnded: ended.length };
  });
}
