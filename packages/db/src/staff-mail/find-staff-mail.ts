import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../shared/tx';
import { staffMail } from '../schema';

export type StaffMailRow = typeof staffMail.$inferSelect;

/** One email owed to a member of the team, or null if it was deleted (its person or reset removed). */
export async function findStaffMail(db: DbOrTx, staffMailId: string): Promise<StaffMailRow | null> {
  const [row] = await db.select().from(staffMail).where(eq(staffMail.id, staffMailId));
  return row ?? null;
}
