import { eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { subscribers, suppressions } from '../schema';
import { appendEvents } from '../shared/subscription-events';
import { emailHash } from '../shared/suppressions';
import { unsubscribeSubscriber } from './unsubscribe';

export type SuppressionReason = 'hard_bounce' | 'complaint' | 'manual';

/** Never mail this address again; a known subscriber also leaves every list. */
export async function suppressAddress(
  db: Db,
  input: {
    email: string;
    reason: SuppressionReason;
    now: Date;
    source: 'staff' | 'email' | 'system';
    actorId?: string | null;
    campaignId?: string;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(suppressions)
      .values({ emailHash: emailHash(input.email), reason: input.reason, createdAt: input.now })
      // a bounce, complaint or staff decision outweighs an erasure, which a new consent could lift
      .onConflictDoUpdate({
        target: suppressions.emailHash,
        set: { reason: input.reason, createdAt: input.now },
        setWhere: sql`${suppressions.reason} = 'erased'`,
      });
    const [s] = await tx
      .select({ id: subscribers.id })
      .from(subscribers)
      .where(sql`lower(${subscribers.email}) = lower(${input.email.trim()})`);
    if (!s) return;
    await unsubscribeSubscriber(tx, {
      subscriberId: s.id,
      now: input.now,
      source: input.source,
      actorId: input.actorId,
      reason: input.reason,
    });
    await appendEvents(tx, [
      {
        type: input.reason === 'complaint' ? 'complained' : input.reason === 'hard_bounce' ? 'bounced' : 'suppressed',
        subscriberId: s.id,
        source: input.source,
        actorId: input.actorId ?? null,
        at: input.now,
        data: { reason: input.reason, ...(input.campaignId ? { campaignId: input.campaignId } : {}) },
      },
    ]);
  });
}

export async function findSuppression(db: Db, email: string): Promise<{ reason: string; at: Date } | null> {
  const [row] = await db
    .select()
    .from(suppressions)
    .where(eq(suppressions.emailHash, emailHash(email)));
  return row ? { reason: row.reason, at: row.createdAt } : null;
}
