import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../shared/tx';
import { staffMail } from '../schema';

/** After the mail server took it: never sent again, and the rebuild owes it no more. */
export async function markStaffMailSent(db: DbOrTx, input: { staffMailId: string; now: Date }): Promise<void> {
  await db
    .update(staffMail)
    .set({ sentAt: input.now })
    .where(and(eq(staffMail.id, input.staffMailId), isNull(staffMail.sentAt)));
}
