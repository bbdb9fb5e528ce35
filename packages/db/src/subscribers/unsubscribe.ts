import { and, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { lists, subscribers, subscriptions } from '../schema';
import { appendEvents, type DbOrTx } from './shared';

export type UnsubscribeSource = 'email' | 'form' | 'staff' | 'system';

async function unsubscribeWhere(db: DbOrTx, where: SQL | undefined, input: { now: Date; source: UnsubscribeSource; actorId?: string | null; reason?: string }) {
  const changed = await db
    .update(subscriptions)
    .set({ status: 'unsubscribed', unsubscribedAt: input.now, updatedAt: input.now })
    .where(and(where, ne(subscriptions.status, 'unsubscribed')))
    .returning({ subscriberId: subscriptions.subscriberId, listId: subscriptions.listId });
  await appendEvents(
    db,
    changed.map((s) => ({ type: 'unsubscribed' as const, subscriberId: s.subscriberId, listId: s.listId, source: input.source, actorId: input.actorId ?? null, at: input.now, data: input.reason ? { reason: input.reason } : {} })),
  );
  return changed;
}

/** RFC 8058 one-click: idempotent; the list is known from the token even when already left. */
export async function unsubscribeByToken(db: Db, input: { token: string; now: Date }): Promise<{ listName: string; preferencesToken: string | null } | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ listName: lists.name, subscriberId: subscriptions.subscriberId })
      .from(subscriptions)
      .innerJoin(lists, eq(lists.id, subscriptions.listId))
      .where(eq(subscriptions.unsubscribeToken, input.token));
    if (!row) return null;
    await unsubscribeWhere(tx, eq(subscriptions.unsubscribeToken, input.token), { now: input.now, source: 'email' });
    const [s] = await tx.select({ t: subscribers.preferencesToken }).from(subscribers).where(eq(subscribers.id, row.subscriberId));
    return { listName: row.listName, preferencesToken: s?.t ?? null };
  });
}

export async function findUnsubscribeTarget(db: Db, token: string): Promise<{ listName: string; status: string } | null> {
  const [row] = await db
    .select({ listName: lists.name, status: subscriptions.status })
    .from(subscriptions)
    .innerJoin(lists, eq(lists.id, subscriptions.listId))
    .where(eq(subscriptions.unsubscribeToken, token));
  return row ?? null;
}

/** Leaves the given lists (all when none given). */
export async function unsubscribeSubscriber(
  db: DbOrTx,
  input: { subscriberId: string; listIds?: number[]; now: Date; source: UnsubscribeSource; actorId?: string | null; reason?: string },
) {
  const where = input.listIds
    ? and(eq(subscriptions.subscriberId, input.subscriberId), inArray(subscriptions.listId, input.listIds))
    : eq(subscriptions.subscriberId, input.subscriberId);
  return unsubscribeWhere(db, where, input);
}
