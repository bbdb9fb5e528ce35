import { and, eq, gt, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '../database';
import { confirmations, subscribers, subscriptions } from '../schema';

/**
 * After the mail server took a confirmation email: the 24 h rule counts from now, and older open
 * requests of the person close (one open confirmation per person, as when a token is replaced).
 */
export async function markConfirmationSent(db: Db, input: { confirmationId: string; now: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(confirmations)
      .set({ sentAt: input.now })
      .where(and(eq(confirmations.id, input.confirmationId), isNull(confirmations.sentAt)))
      .returning({ subscriberId: confirmations.subscriberId });
    if (!row) return;
    await tx.update(subscribers).set({ lastConfirmationSentAt: input.now }).where(eq(subscribers.id, row.subscriberId));
    await tx
      .update(confirmations)
      .set({ expiresAt: input.now })
      .where(
        and(
          eq(confirmations.subscriberId, row.subscriberId),
          ne(confirmations.id, input.confirmationId),
          isNull(confirmations.usedAt),
          gt(confirmations.expiresAt, input.now),
        ),
      );
  });
}

/** After the mail server took a welcome email: every list it named is owed no more. */
export async function markWelcomeSent(db: Db, input: { subscriptionIds: readonly string[]; now: Date }): Promise<void> {
  if (input.subscriptionIds.length === 0) return;
  await db
    .update(subscriptions)
    .set({ welcomeSentAt: input.now })
    .where(and(inArray(subscriptions.id, [...input.subscriptionIds]), isNull(subscriptions.welcomeSentAt)));
}
