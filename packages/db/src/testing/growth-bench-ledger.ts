// A large ledger for the growth benches: 100,000 subscribers on three lists, about 1,000,000 events
// over 2025–2026, eleven sends in 2025 with their send ledger. Generated in SQL (seconds, not minutes).
import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { listIdsBySlugs } from '../subscribers';

export async function seedGrowthBenchLedger(
  db: Db,
  log: (message: string) => void = () => undefined,
): Promise<{ ids: Record<string, number>; events: number }> {
  const ids = Object.fromEntries(
    (await listIdsBySlugs(db, ['membres', 'adherents', 'democraties'])).map((l) => [l.slug, l.id]),
  );
  const started = performance.now();
  await db.execute(
    sql`insert into subscribers (email) select 'lecteur' || i || '@example.org' from generate_series(1, 100000) i`,
  );
  // membres: everyone; democraties: one in two; adherents: one in twenty. 6 or 7 events each, 9 days apart:
  // subscribed, confirmed, then leaving and coming back; an odd count ends unsubscribed.
  await db.execute(sql`
    create temp table plan as
    select s.id as subscriber_id, l.list_id, n.i, timestamptz '2025-01-01 08:00+01' + (hashtext(s.id::text || l.list_id) & 1023) * interval '14 hours' as t0,
      6 + (abs(hashtext(s.id::text)) % 2) as k
    from (select id, row_number() over (order by id) as i from subscribers) s
    cross join lateral (values (${ids.membres}::int, true), (${ids.democraties}::int, s.i % 2 = 0), (${ids.adherents}::int, s.i % 20 = 0)) as l(list_id, wanted)
    cross join lateral (select s.i) n
    where l.wanted`);
  await db.execute(sql`
    insert into subscriptions (subscriber_id, list_id, status, legal_basis)
    select subscriber_id, list_id, (case when k = 6 then 'confirmed' else 'unsubscribed' end)::subscription_status, 'consent' from plan`);
  await db.execute(sql`
    insert into subscription_events (at, type, subscriber_id, list_id, source)
    select p.t0 + g.n * interval '9 days' + g.n * interval '17 minutes',
      (case when g.n = 0 then 'subscribed' when g.n % 2 = 1 then 'confirmed' else 'unsubscribed' end)::subscription_event_type,
      p.subscriber_id, p.list_id, 'system'
    from plan p cross join lateral generate_series(0, p.k - 1) as g(n)`);
  // eleven sends in 2025: four to membres, four to démocratieS, three to adhérent·es
  await db.execute(sql`
    insert into campaigns (slug, kind, subject, status, started_at, finished_at)
    select 'lettre-' || i, k::newsletter_kind, 'Lettre ' || i, 'sent', timestamptz '2025-01-20 09:00+01' + i * interval '30 days', timestamptz '2025-01-20 10:00+01' + i * interval '30 days'
    from (values (1, 'membres'), (2, 'democraties'), (3, 'adherents'), (4, 'membres'), (5, 'democraties'), (6, 'adherents'), (7, 'membres'), (8, 'democraties'), (9, 'adherents'), (10, 'membres'), (11, 'democraties')) v(i, k)`);
  await db.execute(
    sql`insert into campaign_lists (campaign_id, list_id) select c.id, l.id from campaigns c join lists l on l.slug = c.kind::text`,
  );
  await db.execute(sql`
    insert into campaign_recipients (campaign_id, subscriber_id, list_id, batch, status, message_id)
    select c.id, s.subscriber_id, s.list_id, 0, 'sent', c.slug || s.subscriber_id
    from campaigns c join campaign_lists cl on cl.campaign_id = c.id join subscriptions s on s.list_id = cl.list_id`);
  // a long-lived database is vacuumed by autovacuum: index-only scans of the send ledger need it
  await db.execute(sql`vacuum analyze`);
  const [{ n }] = (
    (await db.execute(sql`select count(*)::int as n from subscription_events`)) as unknown as { rows: { n: number }[] }
  ).rows as [{ n: number }];
  log(`generated ${n} events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { ids, events: n };
}
