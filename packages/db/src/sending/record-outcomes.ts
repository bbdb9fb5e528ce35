import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { queryRows } from '../shared/query-rows';

export type RecipientOutcome =
  | { subscriberId: string; status: 'sent'; response: string }
  | { subscriberId: string; status: 'failed'; error: string }
  | { subscriberId: string; status: 'skipped'; error: string }
  /** not sent (connection refused, 4xx): back to the queue, tried again from `retryAt`; `released`: never tried, the attempt is not counted */
  | { subscriberId: string; status: 'queued'; error: string; retryAt: Date; released?: boolean }
  /** the server may have accepted it (no reply after DATA started): never resent on its own */
  | { subscriberId: string; status: 'uncertain'; error: string };

// a mail server's reply is the outside world's text: PostgreSQL refuses NUL, and control bytes help no one
// eslint-disable-next-line no-control-regex
const storable = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').slice(0, 500);

/**
 * Records a claim's outcomes in one statement. Only rows this claim still holds change: a row a
 * reconcile marked uncertain meanwhile is corrected to what really happened. With `releaseRest`, every
 * other row still `sending` under this claim goes back to the queue untried (attempt not counted):
 * whatever threw, a claim never leaves rows in flight behind it.
 */
export async function recordOutcomes(
  db: Db,
  input: { campaignId: string; claimer: string; now: Date; outcomes: RecipientOutcome[]; releaseRest?: boolean },
): Promise<number> {
  if (input.outcomes.length === 0 && !input.releaseRest) return 0;
  const ids = input.outcomes.map((o) => o.subscriberId);
  const statuses = input.outcomes.map((o) => o.status);
  const responses = input.outcomes.map((o) => (o.status === 'sent' ? storable(o.response) : null));
  const errors = input.outcomes.map((o) => (o.status === 'sent' ? null : storable(o.error)));
  const retries = input.outcomes.map((o) => (o.status === 'queued' ? o.retryAt.toISOString() : null));
  const released = input.outcomes.map((o) => o.status === 'queued' && o.released === true);
  const now = input.now.toISOString();
  const rows = await queryRows<{ n: number }>(
    db,
    sql`
    with x as (
      select * from unnest(${sql.param(ids)}::uuid[], ${sql.param(statuses)}::text[], ${sql.param(responses)}::text[],
        ${sql.param(errors)}::text[], ${sql.param(retries)}::timestamptz[], ${sql.param(released)}::boolean[])
        as x(subscriber_id, status, response, error, retry_at, released)
    ), done as (
      update campaign_recipients r set
        status = x.status::recipient_status,
        response = coalesce(x.response, r.response),
        error = x.error,
        next_attempt_at = x.retry_at,
        attempts = case when x.released then greatest(r.attempts - 1, 0) else r.attempts end,
        sent_at = case when x.status = 'sent' then ${now}::timestamptz else r.sent_at end,
        claimed_by = case when x.status = 'queued' then null else r.claimed_by end,
        updated_at = ${now}::timestamptz
      from x
      where r.campaign_id = ${input.campaignId} and r.subscriber_id = x.subscriber_id
        and r.claimed_by = ${input.claimer} and r.status in ('sending', 'uncertain')
      returning 1
    ), rest as (
      update campaign_recipients r set status = 'queued', error = 'not attempted', next_attempt_at = null,
        attempts = greatest(r.attempts - 1, 0), claimed_by = null, updated_at = ${now}::timestamptz
      where ${input.releaseRest === true} and r.campaign_id = ${input.campaignId} and r.claimed_by = ${input.claimer}
        and r.status = 'sending' and not (r.subscriber_id = any(${sql.param(ids)}::uuid[]))
      returning 1
    )
    select ((select count(*) from done) + (select count(*) from rest))::int as n`,
  );
  return rows[0]?.n ?? 0;
}
