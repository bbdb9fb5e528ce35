import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../database';
import { lists, subscribers, subscriptions } from '../schema';

/** What a welcome email needs; null once the person left or was erased, or once it was sent. */
export async function findWelcomeData(db: Db, subscriptionId: string) {
  const [row] = await db
    .select({
      email: subscribers.email,
      subscriberId: subscribers.id,
      subscriptionId: subscriptions.id,
      list: { slug: lists.slug, name: lists.name, description: lists.description },
    })
    .from(subscriptions)
    .innerJoin(subscribers, eq(subscribers.id, subscriptions.subscriberId))
    .innerJoin(lists, eq(lists.id, subscriptions.listId))
    .where(
      and(
        eq(subscriptions.id, subscriptionId),
        eq(subscriptions.status, 'confirmed'),
        isNull(subscriptions.welcomeSentAt),
      ),
    );
  return row ?? null;
}
