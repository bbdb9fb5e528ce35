import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../database';
import { lists, subscribers, subscriptions } from '../schema';

export type WelcomeList = {
  subscriptionId: string;
  slug: string;
  name: string;
  description: string;
  /** whose branding the welcome wears when this list comes first; null: the organisation's plain identity */
  newsletterKind: (typeof lists.newsletterKind.enumValues)[number] | null;
};
export type WelcomeData = { email: string; subscriberId: string; lists: WelcomeList[] };

/**
 * What the one welcome email of a confirmation click needs: every list the person confirmed at `dueAt`
 * (one click stamps them all alike), in list order, still confirmed and still unwelcomed; null when none is left.
 */
export async function findWelcomeData(
  db: Db,
  input: { subscriberId: string; dueAt: Date },
): Promise<WelcomeData | null> {
  const rows = await db
    .select({
      email: subscribers.email,
      subscriptionId: subscriptions.id,
      slug: lists.slug,
      name: lists.name,
      description: lists.description,
      newsletterKind: lists.newsletterKind,
    })
    .from(subscriptions)
    .innerJoin(subscribers, eq(subscribers.id, subscriptions.subscriberId))
    .innerJoin(lists, eq(lists.id, subscriptions.listId))
    .where(
      and(
        eq(subscriptions.subscriberId, input.subscriberId),
        eq(subscriptions.welcomeDueAt, input.dueAt),
        eq(subscriptions.status, 'confirmed'),
        isNull(subscriptions.welcomeSentAt),
      ),
    )
    .orderBy(asc(lists.id));
  const [first] = rows;
  if (!first) return null;
  return {
    email: first.email,
    subscriberId: input.subscriberId,
    lists: rows.map(({ email: _email, ...list }) => list),
  };
}
