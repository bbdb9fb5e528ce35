import { eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { importProblems, subscribeRequests, subscribers, suppressions } from '../schema';
import { appendEvents } from '../shared/subscription-events';
import { emailHash } from '../shared/suppressions';

/**
 * RGPD erasure: the person's rows go (subscriber, subscriptions, confirmations, import report
 * lines, form requests not yet processed); only the suppression hash stays, and an event without
 * personal data for growth. A stronger suppression (bounce, complaint, staff) is kept as it is.
 * Returns the subscriber's id for the caller to purge queued jobs, or null if unknown.
 */
export async function eraseSubscriber(
  db: Db,
  input: { subscriberId: string; now: Date; source: 'form' | 'staff'; actorId?: string | null },
): Promise<{ subscriberId: string } | null> {
  return db.transaction(async (tx) => {
    const [s] = await tx
      .select({ email: subscribers.email })
      .from(subscribers)
      .where(eq(subscribers.id, input.subscriberId))
      .for('update');
    if (!s) return null;
    await tx
      .insert(suppressions)
      .values({ emailHash: emailHash(s.email), reason: 'erased', createdAt: input.now })
      .onConflictDoNothing();
    await tx.delete(importProblems).where(sql`lower(${importProblems.value}) = lower(${s.email})`);
    await tx.delete(subscribeRequests).where(sql`lower(trim(${subscribeRequests.email})) = lower(${s.email.trim()})`);
    await tx.delete(subscribers).where(eq(subscribers.id, input.subscriberId));
    await appendEvents(tx, [
      {
        type: 'erased',
        subscriberId: input.subscriberId,
        source: input.source,
        actorId: input.actorId ?? null,
        at: input.now,
      },
    ]);
    return { subscriberId: input.subscriberId };
  });
}
