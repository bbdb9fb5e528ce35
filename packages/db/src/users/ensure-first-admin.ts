import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { invitations, users } from '../schema';

/**
 * On an empty database, creates the first admin with a one-time invitation.
 * Returns it only when created now, so the link is printed once.
 */
export async function ensureFirstAdmin(
  db: Db,
  input: { email: string; tokenHash: string; expiresAt: Date },
): Promise<{ email: string } | undefined> {
  return db.transaction(async (tx) => {
    // two processes starting together must not both create one
    await tx.execute(sql`select pg_advisory_xact_lock(727001)`);
    const [existing] = await tx.select({ id: users.id }).from(users).limit(1);
    if (existing) return undefined;
    // no name: the person types theirs on the invitation page (the studio shows the address until then)
    const [admin] = await tx
      .insert(users)
      .values({ email: input.email, name: '', role: 'admin', status: 'invited' })
      .returning();
    await tx
      .insert(invitations)
      .values({ tokenHash: input.tokenHash, userId: admin!.id, createdBy: null, expiresAt: input.expiresAt });
    return { email: admin!.email };
  });
}
