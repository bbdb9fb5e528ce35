import { asc, eq } from 'drizzle-orm';
import type { Db } from '../database';
import { subscribeRequests } from '../schema';
import { requestSubscription, type SubscriptionRequest } from './request-subscription';

const DAY = 24 * 3600_000;

/** A confirmation link lives 7 days; a person gets at most one confirmation email per 24 h. */
export const SUBSCRIBE_WINDOWS = { confirmationTtlMs: 7 * DAY, resendAfterMs: DAY };

export type SubscribeRequestInput = Pick<
  SubscriptionRequest,
  'email' | 'name' | 'listSlugs' | 'formId' | 'textVersion' | 'ip'
> & { receivedAt: Date };

/** The form's only write before it answers: one insert, the same whatever the address's state. */
export async function receiveSubscribeRequest(db: Db, input: SubscribeRequestInput): Promise<{ requestId: string }> {
  const [row] = await db.insert(subscribeRequests).values(input).returning({ requestId: subscribeRequests.id });
  return row!;
}

/**
 * Turns one waiting request (this one, or else the oldest nobody holds) into pending subscriptions and a
 * confirmation, and deletes it, in one transaction: a crash leaves the row for the next pass.
 * Returns null when there was nothing to take (already taken by another process, or the inbox is empty).
 */
export async function processSubscribeRequest(
  db: Db,
  input: { requestId?: string; windows?: typeof SUBSCRIBE_WINDOWS } = {},
): Promise<{ confirmationId: string | null; subscriberId: string | null } | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(subscribeRequests)
      .where(input.requestId ? eq(subscribeRequests.id, input.requestId) : undefined)
      .orderBy(asc(subscribeRequests.receivedAt))
      .limit(1)
      // the server and the workers' rebuild may reach for the same row: one takes it, the other moves on
      .for('update', { skipLocked: true });
    if (!row) return null;
    await tx.delete(subscribeRequests).where(eq(subscribeRequests.id, row.id));
    const { id: _id, receivedAt, ...request } = row;
    // the request's own time: its 24 h rule and ledger entries do not depend on when it was processed
    return requestSubscription(tx, { ...request, now: receivedAt, ...(input.windows ?? SUBSCRIBE_WINDOWS) });
  });
}

/** The requests a crash left between answer and processing; returns how many were taken. */
export async function processLeftoverSubscribeRequests(db: Db, input: { limit?: number } = {}): Promise<number> {
  let taken = 0;
  while (taken < (input.limit ?? 1000) && (await processSubscribeRequest(db))) taken += 1;
  return taken;
}
