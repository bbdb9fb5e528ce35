import { and, asc, desc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { lists, subscribers, subscriptionEvents, subscriptions, suppressions, users } from '../schema';
import { emailHash } from '../shared/suppressions';

export type SubscriptionStatus = 'pending' | 'confirmed' | 'unsubscribed';

export async function listCounts(db: Db): Promise<Map<number, Record<SubscriptionStatus, number>>> {
  const rows = await db
    .select({ listId: subscriptions.listId, status: subscriptions.status, n: sql<number>`count(*)::int` })
    .from(subscriptions)
    .groupBy(subscriptions.listId, subscriptions.status);
  const counts = new Map<number, Record<SubscriptionStatus, number>>();
  for (const r of rows) {
    const c = counts.get(r.listId) ?? { pending: 0, confirmed: 0, unsubscribed: 0 };
    c[r.status] = r.n;
    counts.set(r.listId, c);
  }
  return counts;
}

// page by last (created_at, id): OFFSET slows down on big lists
export async function searchSubscribers(
  db: Db,
  input: {
    q?: string;
    listId?: number;
    status?: SubscriptionStatus;
    after?: { createdAt: Date; id: string };
    limit: number;
  },
) {
  const where: SQL[] = [];
  if (input.q) {
    const like = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(${subscribers.email} ilike ${like} or ${subscribers.name} ilike ${like})`);
  }
  if (input.listId !== undefined || input.status) {
    const conds = [sql`s.subscriber_id = ${subscribers.id}`];
    if (input.listId !== undefined) conds.push(sql`s.list_id = ${input.listId}`);
    if (input.status) conds.push(sql`s.status = ${input.status}`);
    where.push(sql`exists (select 1 from subscriptions s where ${sql.join(conds, sql` and `)})`);
  }
  if (input.after)
    where.push(
      sql`(${subscribers.createdAt}, ${subscribers.id}) < (${input.after.createdAt.toISOString()}::timestamptz, ${input.after.id}::uuid)`,
    );
  const rows = await db
    .select()
    .from(subscribers)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(subscribers.createdAt), desc(subscribers.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const ids = page.map((r) => r.id);
  const subs = ids.length
    ? await db
        .select({ subscriberId: subscriptions.subscriberId, list: lists.slug, status: subscriptions.status })
        .from(subscriptions)
        .innerJoin(lists, eq(lists.id, subscriptions.listId))
        .where(inArray(subscriptions.subscriberId, ids))
        .orderBy(asc(lists.id))
    : [];
  const hashes = page.map((r) => emailHash(r.email));
  const suppressed = new Set(
    hashes.length
      ? (
          await db
            .select({ h: suppressions.emailHash })
            .from(suppressions)
            .where(inArray(suppressions.emailHash, hashes))
        ).map((s) => s.h)
      : [],
  );
  return {
    subscribers: page.map((r) => ({
      ...r,
      suppressed: suppressed.has(emailHash(r.email)),
      subscriptions: subs.filter((s) => s.subscriberId === r.id).map((s) => ({ list: s.list, status: s.status })),
    })),
    hasMore: rows.length > input.limit,
  };
}

export async function getSubscriberDetail(db: Db, id: string) {
  const [s] = await db.select().from(subscribers).where(eq(subscribers.id, id));
  if (!s) return null;
  const [suppression] = await db
    .select()
    .from(suppressions)
    .where(eq(suppressions.emailHash, emailHash(s.email)));
  const subs = await db
    .select({ list: { slug: lists.slug, name: lists.name }, sub: subscriptions })
    .from(subscriptions)
    .innerJoin(lists, eq(lists.id, subscriptions.listId))
    .where(eq(subscriptions.subscriberId, id))
    .orderBy(asc(lists.id));
  const events = await db
    .select({ e: subscriptionEvents, list: lists.slug, actor: users.email })
    .from(subscriptionEvents)
    .leftJoin(lists, eq(lists.id, subscriptionEvents.listId))
    .leftJoin(users, eq(users.id, subscriptionEvents.actorId))
    .where(eq(subscriptionEvents.subscriberId, id))
    .orderBy(desc(subscriptionEvents.id))
    .limit(500);
  return { subscriber: s, suppression: suppression ?? null, subscriptions: subs, events };
}

export async function updateSubscriber(db: Db, input: { id: string; name?: string; locale?: 'fr' | 'en'; now: Date }) {
  await db
    .update(subscribers)
    .set({
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.locale ? { locale: input.locale } : {}),
      updatedAt: input.now,
    })
    .where(eq(subscribers.id, input.id));
}

/** Confirmed subscribers of a list, paged by id for exports of any size. */
export async function confirmedPage(db: Db, input: { listId: number; afterId?: string; limit: number }) {
  return db
    .select({
      id: subscribers.id,
      email: subscribers.email,
      name: subscribers.name,
      locale: subscribers.locale,
      confirmedAt: subscriptions.confirmedAt,
      consentAt: subscriptions.consentAt,
    })
    .from(subscriptions)
    .innerJoin(subscribers, eq(subscribers.id, subscriptions.subscriberId))
    .where(
      and(
        eq(subscriptions.listId, input.listId),
        eq(subscriptions.status, 'confirmed'),
        input.afterId ? gt(subscribers.id, input.afterId) : undefined,
      ),
    )
    .orderBy(asc(subscribers.id))
    .limit(input.limit);
}
