import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../database';
import { auditLog } from '../schema';

/** Whether the user logged in from this IP since `since` (read from the audit log's `login` entries). */
export async function hasLoggedInFrom(db: Db, input: { userId: string; ip: string; since: Date }): Promise<boolean> {
  const [row] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, 'login'),
        eq(auditLog.targetId, input.userId),
        eq(auditLog.ip, input.ip),
        gt(auditLog.at, input.since),
      ),
    )
    .limit(1);
  return row !== undefined;
}
