import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { appendEvents } from '../shared/subscription-events';
import { suppressAddress } from '../subscribers';
import { queryRows } from '../shared/query-rows';

export type BounceInput = { email: string; kind: 'hard' | 'soft'; status: string; messageId: string | null; now: Date };
export type BounceResult = { known: boolean; suppressed: boolean; campaignId: string | null };

// our campaign Message-IDs are "<campaign uuid>.<subscriber uuid>@domain"
const CAMPAIGN_MESSAGE_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.[0-9a-f-]{36}@/i;

/** A delivery report for one address: a hard bounce suppresses it, a soft one is counted (an event). */
export async function recordBounce(db: Db, input: BounceInput): Promise<BounceResult> {
  const candidate = input.messageId ? (CAMPAIGN_MESSAGE_ID.exec(input.messageId)?.[1] ?? null) : null;
  const [campaign] = candidate
    ? await queryRows<{ id: string }>(db, sql`select id from campaigns where id = ${candidate}`)
    : [];
  const campaignId = campaign?.id ?? null;
  const [subscriber] = await queryRows<{ id: string }>(
    db,
    sql`select id from subscribers where lower(email) = lower(${input.email.trim()})`,
  );
  if (input.kind === 'hard') {
    // suppressed even when unknown: an address we never had must not be imported later either
    await suppressAddress(db, {
      email: input.email,
      reason: 'hard_bounce',
      now: input.now,
      source: 'email',
      ...(campaignId ? { campaignId } : {}),
    });
    return { known: Boolean(subscriber), suppressed: true, campaignId };
  }
  if (subscriber) {
    await appendEvents(db, [
      {
        type: 'bounced',
        subscriberId: subscriber.id,
        source: 'email',
        at: input.now,
        data: { kind: 'soft', status: input.status, ...(campaignId ? { campaignId } : {}) },
      },
    ]);
  }
  return { known: Boolean(subscriber), suppressed: false, campaignId };
}
