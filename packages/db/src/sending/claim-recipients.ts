import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { queryRows } from '../shared/query-rows';

export type ClaimedRecipient = {
  subscriberId: string;
  listId: number;
  messageId: string;
  attempts: number;
  /** null when the subscriber was erased since the freeze */
  email: string | null;
  name: string;
  /** the subscription's status now: anything but confirmed means skip */
  subscriptionStatus: string | null;
  /** the subscription whose unsubscribe link the message carries (signed, never stored); null once erased */
  subscriptionId: string | null;
  /** the destination's provider group, paced on its own */
  provider: string;
};

/** Providers the pace keeps out of this claim, and those it allows only a few rows each. */
export type ProviderLimits = { blocked: string[]; caps: { provider: string; cap: number }[] };

/**
 * Claims up to `limit` queued rows of one batch (queued → sending) under `claimer` (one name per chunk),
 * only while the campaign is `sending` and not waiting for the mail server. SKIP LOCKED lets workers share a batch.
 * With `providers`: no row of a blocked provider, at most `cap` rows of each capped one, the rest from the others.
 */
export async function claimRecipients(
  db: Db,
  input: { campaignId: string; batch: number; limit: number; claimer: string; now: Date; providers?: ProviderLimits },
): Promise<ClaimedRecipient[]> {
  const now = input.now.toISOString();
  const caps = input.providers?.caps ?? [];
  const limited = [...(input.providers?.blocked ?? []), ...caps.map((c) => c.provider)];
  const queued = sql`r.campaign_id = ${input.campaignId} and r.batch = ${input.batch} and r.status = 'queued'
        and (r.next_attempt_at is null or r.next_attempt_at <= ${now}::timestamptz)`;
  const sending = sql`join campaigns c on c.id = r.campaign_id and c.status = 'sending' and c.wait_until is null`;
  // capped providers first, each in its own locked subquery (FOR UPDATE allows no window function); the others fill up
  const capped =
    caps.length === 0
      ? sql`select null::uuid as campaign_id, null::uuid as subscriber_id where false`
      : sql`select x.campaign_id, x.subscriber_id
        from unnest(${sql.param(caps.map((c) => c.provider))}::text[], ${sql.param(caps.map((c) => c.cap))}::int[]) as cp(provider, cap)
        cross join lateral (
          select r.campaign_id, r.subscriber_id from campaign_recipients r ${sending}
          where ${queued} and r.provider = cp.provider
          order by r.subscriber_id limit cp.cap
          for update of r skip locked) x`;
  const others = limited.length === 0 ? sql`` : sql`and r.provider <> all(${sql.param(limited)}::text[])`;
  const rows = await queryRows<{
    subscriber_id: string;
    list_id: number;
    message_id: string;
    attempts: number;
    email: string | null;
    name: string | null;
    subscription_status: string | null;
    subscription_id: string | null;
    provider: string;
  }>(
    db,
    sql`
    with capped as (${capped}), free as (
      select r.campaign_id, r.subscriber_id from campaign_recipients r ${sending}
      where ${queued} ${others}
      order by r.subscriber_id
      limit greatest(0, ${input.limit}::int - (select count(*) from capped))
      for update of r skip locked
    ), picked as (
      select * from capped union all select * from free
    ), claimed as (
      update campaign_recipients r set status = 'sending', claimed_at = ${now}::timestamptz, claimed_by = ${input.claimer},
        attempts = r.attempts + 1, updated_at = ${now}::timestamptz
      from picked where r.campaign_id = picked.campaign_id and r.subscriber_id = picked.subscriber_id
      returning r.subscriber_id, r.list_id, r.message_id, r.attempts, r.provider
    )
    select claimed.*, sub.email, sub.name, s.status as subscription_status, s.id as subscription_id
    from claimed
    left join subscribers sub on sub.id = claimed.subscriber_id
    left join subscriptions s on s.subscriber_id = claimed.subscriber_id and s.list_id = claimed.list_id`,
  );
  return rows.map((r) => ({
    subscriberId: r.subscriber_id,
    listId: r.list_id,
    messageId: r.message_id,
    attempts: r.attempts,
    email: r.email,
    name: r.name ?? '',
    subscriptionStatus: r.subscription_status,
    subscriptionId: r.subscription_id,
    provider: r.provider,
  }));
}

/** The subscription status and address of claimed rows now: re-read during a long chunk, so a late unsubscribe still wins. */
export async function currentRecipientStates(
  db: Db,
  input: { subscriberIds: string[]; listIds: number[] },
): Promise<Map<string, { email: string | null; subscriptionStatus: string | null }>> {
  if (input.subscriberIds.length === 0) return new Map();
  const rows = await queryRows<{ subscriber_id: string; email: string | null; status: string | null }>(
    db,
    sql`select x.subscriber_id, sub.email, s.status
        from unnest(${sql.param(input.subscriberIds)}::uuid[], ${sql.param(input.listIds)}::int[]) as x(subscriber_id, list_id)
        left join subscribers sub on sub.id = x.subscriber_id
        left join subscriptions s on s.subscriber_id = x.subscriber_id and s.list_id = x.list_id`,
  );
  return new Map(rows.map((r) => [r.subscriber_id, { email: r.email, subscriptionStatus: r.status }]));
}
