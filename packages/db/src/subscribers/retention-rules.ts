// Who the retention purge may take (RGPD: kept only as long as it serves), as SQL conditions on a subscriber `s`.
// The same fragment picks the rows and re-checks them in the delete, so a change made between the two is respected.
import { sql, type SQL } from 'drizzle-orm';
import { SUBSCRIBE_WINDOWS } from './subscribe-inbox';

const ttl = sql`(${SUBSCRIBE_WINDOWS.confirmationTtlMs}::bigint * interval '1 millisecond')`;

/** A confirmation counts from its last request: a later form request joins an unsent one and moves its expiry on. */
export const confirmationRequestedAt = (c: SQL) => sql`greatest(${c}.created_at, ${c}.expires_at - ${ttl})`;

/**
 * The person gave a consent once, or staff put them on a list: a confirmed (or once confirmed) subscription, or a
 * confirmation, import or staff line in their history.
 */
export const consented = sql`(
  exists (
    select 1 from subscriptions x where x.subscriber_id = s.id
      and (x.status = 'confirmed' or x.confirmed_at is not null or x.consent_source is not null)
  )
  or exists (
    select 1 from subscription_events e where e.subscriber_id = s.id
      and (e.type in ('confirmed', 'imported') or e.source in ('import', 'staff'))
  )
)`;

/** Came through the public form (a request of theirs is in the history) and never confirmed anything. */
export const neverConfirmed = sql`(
  not ${consented}
  and exists (select 1 from subscription_events e where e.subscriber_id = s.id and e.type = 'subscribed' and e.source = 'form')
)`;

/** Nothing happened to the person since `before`: no request, confirmation, unsubscription, preference or edit. */
export function idleSince(before: Date): SQL {
  const at = sql`${before.toISOString()}::timestamptz`;
  return sql`(
    greatest(s.created_at, s.updated_at, s.last_confirmation_sent_at) < ${at}
    and not exists (
      select 1 from subscriptions x where x.subscriber_id = s.id
        and greatest(x.created_at, x.updated_at, x.consent_at, x.confirmed_at, x.unsubscribed_at) >= ${at}
    )
    and not exists (
      select 1 from confirmations c where c.subscriber_id = s.id
        and greatest(${confirmationRequestedAt(sql`c`)}, c.sent_at, c.used_at) >= ${at}
    )
    and not exists (select 1 from subscription_events e where e.subscriber_id = s.id and e.at >= ${at})
    -- a form request being processed right now: the person is asking again
    and not exists (select 1 from subscribe_requests r where lower(trim(r.email)) = lower(trim(s.email)))
  )`;
}

/** No list left: every subscription ended (or none was ever confirmed). */
export const noActiveSubscription = sql`not exists (
  select 1 from subscriptions x where x.subscriber_id = s.id and x.status = 'confirmed'
)`;
