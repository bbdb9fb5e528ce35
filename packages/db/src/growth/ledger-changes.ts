import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { queryRows } from '../shared/query-rows';
import type { DayFigures } from './day-figures';

/** One list's changes in one interval of the bounds (bucket 0: everything before the first bound). */
export type LedgerChangeRow = {
  listId: number;
  bucket: number;
} & DayFigures; // the state counts' changes and the movements

/**
 * The ledger's changes grouped per list and per interval of `bounds` (ascending instants:
 * bucket i is [bounds[i-1], bounds[i]); bucket 0 is everything before bounds[0]).
 *
 * State of a subscription (subscriber, list) = its latest state event by (at, id): subscribed →
 * pending, confirmed or imported → confirmed, unsubscribed → unsubscribed, erased (no list: it
 * applies to every list the person had events on; with a list: that subscription alone, a stale pending request the
 * retention dropped) → gone. Subscribes are new subscriptions by form,
 * preferences or staff; imports bring audiences that existed before and count only as confirmations.
 * All grouping happens in PostgreSQL.
 */
export async function ledgerChanges(
  db: Db,
  input: { bounds: Date[]; onlyTouched?: boolean },
): Promise<LedgerChangeRow[]> {
  const bounds = input.bounds.map((d) => d.toISOString());
  const start = bounds[0]!;
  const end = bounds[bounds.length - 1]!;
  const b = sql`${sql.param(bounds)}::timestamptz[]`;
  // nightly: only the people with events in the range matter (their whole history gives the
  // state before each change); bucket 0 is then incomplete and the caller uses yesterday's snapshot
  const touched = input.onlyTouched ? sql`and e.subscriber_id in (select subscriber_id from touched)` : sql``;
  return queryRows<LedgerChangeRow>(
    db,
    sql`
    with touched as (
      -- two index range scans on (list_id, at), not one scan of the ledger: the live figures read this per request
      select x.subscriber_id from subscription_events x
      where x.list_id in (select id from lists) and x.at >= ${start}::timestamptz and x.at < ${end}::timestamptz
      union
      select x.subscriber_id from subscription_events x
      where x.list_id is null and x.at >= ${start}::timestamptz and x.at < ${end}::timestamptz
    ),
    state_events as (
      select e.id, e.at, e.subscriber_id, e.list_id,
        case e.type when 'subscribed' then 'p' when 'unsubscribed' then 'u' when 'erased' then 'n' else 'c' end as s, e.type = 'imported' as imp
      from subscription_events e
      where e.list_id is not null and e.type in ('subscribed', 'confirmed', 'imported', 'unsubscribed', 'erased') and e.at < ${end}::timestamptz ${touched}
      union all
      select e.id, e.at, e.subscriber_id, l.list_id, 'n', false
      from subscription_events e
      cross join lateral (select distinct x.list_id from subscription_events x where x.subscriber_id = e.subscriber_id and x.list_id is not null and x.at <= e.at) l
      where e.type = 'erased' and e.list_id is null and e.at < ${end}::timestamptz ${touched}
    ),
    transitions as (
      select list_id, at, s, imp, coalesce(lag(s) over (partition by subscriber_id, list_id order by at, id), 'n') as prev
      from state_events
    ),
    moves as (
      select list_id, width_bucket(at, ${b}) as bucket,
        sum((s = 'c')::int - (prev = 'c')::int) as dc,
        sum((s = 'p')::int - (prev = 'p')::int) as dp,
        sum((s = 'u')::int - (prev = 'u')::int) as du,
        count(*) filter (where s in ('p', 'c') and prev in ('n', 'u') and not imp) as subscribes,
        count(*) filter (where s = 'c') as confirmations,
        count(*) filter (where s = 'u') as unsubscribes,
        count(*) filter (where s = 'n') as erasures
      from transitions
      where s <> prev
      group by 1, 2
    ),
    bounce_events as (
      select e.at, e.list_id from subscription_events e
      where e.type = 'bounced' and e.list_id in (select id from lists) and e.at >= ${start}::timestamptz and e.at < ${end}::timestamptz
      union all
      -- the bounce handling names the campaign: the list is the one that recipient was sent for
      select e.at, r.list_id from subscription_events e
      -- through campaigns (a few rows) so that the send ledger is read by its key, not scanned
      join campaigns c on c.id::text = e.data->>'campaignId'
      join campaign_recipients r on r.campaign_id = c.id and r.subscriber_id = e.subscriber_id
      where e.type = 'bounced' and e.list_id is null and e.data ? 'campaignId' and e.at >= ${start}::timestamptz and e.at < ${end}::timestamptz
      union all
      select e.at, l.list_id from subscription_events e
      cross join lateral (select distinct x.list_id from subscription_events x where x.subscriber_id = e.subscriber_id and x.list_id is not null and x.at <= e.at) l
      where e.type = 'bounced' and e.list_id is null and not (e.data ? 'campaignId') and e.at >= ${start}::timestamptz and e.at < ${end}::timestamptz
    ),
    bounces as (
      select list_id, width_bucket(at, ${b}) as bucket, count(*) as n from bounce_events group by 1, 2
    )
    select coalesce(m.list_id, x.list_id) as "listId", coalesce(m.bucket, x.bucket)::int as bucket,
      coalesce(m.dc, 0)::int as confirmed, coalesce(m.dp, 0)::int as pending, coalesce(m.du, 0)::int as unsubscribed,
      coalesce(m.subscribes, 0)::int as subscribes, coalesce(m.confirmations, 0)::int as confirmations,
      coalesce(m.unsubscribes, 0)::int as unsubscribes, coalesce(x.n, 0)::int as bounces, coalesce(m.erasures, 0)::int as erasures
    from moves m full join bounces x on x.list_id = m.list_id and x.bucket = m.bucket
  `,
  );
}

type FirstEventRow = { at: string | Date | null };

/** When the ledger's first event happened, or null on an empty ledger. */
export async function firstEventAt(db: Db): Promise<Date | null> {
  const [first] = await queryRows<FirstEventRow>(db, sql`select min(at) as at from subscription_events`);
  return first?.at ? new Date(first.at) : null;
}
