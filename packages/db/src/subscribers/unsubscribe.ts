import { and, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { lists, subscriptions } from '../schema';
import { appendEvents } from '../shared/subscription-events';
import type { DbOrTx } from '../shared/tx';

/** A link's row: by id (signed link) or by the hash of a token sent before signed links. */
export type LinkRef = { id: string } | { legacyHash: string };

const subscriptionByLink = (ref: LinkRef) =>
  'id' in ref ? eq(subscriptions.id, ref.id) : eq(subscriptions.legacyUnsubscribeHash, ref.legacyHash);

export type UnsubscribeSource = 'email' | 'form' | 'staff' | 'system';

async function unsubscribeWhere(
  db: DbOrTx,
  where: SQL | undefined,
  input: { now: Date; source: UnsubscribeSource; actorId?: string | null; reason?: string; campaignId?: string },
) {
  const changed = await db
    .update(subscriptions)
    .set({ status: 'unsubscribed', unsubscribedAt: input.now, updatedAt: input.now })
    .where(and(where, ne(subscriptions.status, 'unsubscribed')))
    .returning({ subscriberId: subscriptions.subscriberId, listId: subscriptions.listId });
  await appendEvents(
    db,
    changed.map((s) => ({
      type: 'unsubscribed' as const,
      subscriberId: s.subscriberId,
      listId: s.listId,
      source: input.source,
      actorId: input.actorId ?? null,
      at: input.now,
      data: {
        ...(input.reason ? { reason: input.reason } : {}),
        // the campaign whose email the person left from: its report counts them
        ...(input.campaignId ? { campaignId: input.campaignId } : {}),
      },
    })),
  );
  return changed;
}

/** RFC 8058 one-click: idempotent; the list is known from the token even when already left. */
export async function unsubscribeByLink(
  db: Db,
  input: { ref: LinkRef; now: Date },
): Promise<{ listName: string; subscriberId: string } | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ listName: lists.name, subscriberId: subscriptions.subscriberId })
      .from(subscriptions)
      .innerJoin(lists, eq(lists.id, subscriptions.listId))
      .where(subscriptionByLink(input.ref));
    if (!row) return null;
    await unsubscribeWhere(tx, subscriptionByLink(input.ref), { now: input.now, source: 'email' });
    return row;
  });
}

export async function findUnsubscribeTarget(
  db: Db,
  ref: LinkRef,
): Promise<{ listName: string; status: string } | null> {
  const [row] = await db
    .select({ listName: lists.name, status: subscriptions.status })
    .from(subscriptions)
    .innerJoin(lists, eq(lists.id, subscriptions.listId))
    .where(subscriptionByLink(ref));
  return row ?? null;
}

/** Leaves the given lists (all when none given). */
export async function unsubscribeSubscriber(
  db: DbOrTx,
  input: {
    subscriberId: string;
    listIds?: number[];
    now: Date;
    source: UnsubscribeSource;
    actorId?: string | null;
    reason?: string;
    campaignId?: string;
  },
) {
  const where = input.listIds
    ? and(eq(subscriptions.subscriberId, input.subscriberId), inArray(subscriptions.listId, input.listIds))
    : eq(subscriptions.subscriberId, input.subscriberId);
  return unsubscribeWhere(db, where, input);
}
