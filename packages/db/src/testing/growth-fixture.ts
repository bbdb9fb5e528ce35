import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { enterListHistory } from '../growth/list-history';
import { importRows } from '../subscribers/import-rows';
import { listIdsBySlugs } from '../subscribers/preferences';
import { staffSubscribe } from '../subscribers/staff-subscribe';
import { unsubscribeSubscriber } from '../subscribers/unsubscribe';

const ACTOR = '00000000-0000-4000-8000-000000000000';
const addresses = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ line: i + 2, email: `${prefix}${i}@example.org`, name: '' }));

/**
 * A ledger with known answers, built through the real subscription functions: Crieur starts on
 * 15 June 2025 by importing the three lists; démocratieS had 1,459 subscribers in January 2025
 * (entered) and ends 2025 at 1,714 (+255); 11 newsletters went out in 2025, 3 of them to adherents.
 */
export async function seedGrowthFixture(
  db: Db,
): Promise<{ listIds: Record<'membres' | 'adherents' | 'democraties', number> }> {
  const ids = Object.fromEntries(
    (await listIdsBySlugs(db, ['membres', 'adherents', 'democraties'])).map((l) => [l.slug, l.id]),
  ) as Record<'membres' | 'adherents' | 'democraties', number>;
  const base = { consentNote: 'fichier historique', actorId: null, importId: null, dryRun: false };
  await enterListHistory(db, {
    listId: ids.democraties,
    month: '2025-01',
    confirmed: 1459,
    note: 'rapport d’activité 2024',
    actorId: null,
    now: new Date('2025-06-15T08:00:00Z'),
  });
  await enterListHistory(db, {
    listId: ids.adherents,
    month: '2025-01',
    confirmed: 165,
    note: '',
    actorId: null,
    now: new Date('2025-06-15T08:00:00Z'),
  });

  const june15 = new Date('2025-06-15T08:00:00Z');
  await importRows(db, {
    ...base,
    listId: ids.democraties,
    legalBasis: 'consent',
    rows: addresses('d', 1600),
    now: june15,
  });
  await importRows(db, {
    ...base,
    listId: ids.membres,
    legalBasis: 'consent',
    rows: addresses('m', 3300),
    now: june15,
  });
  await importRows(db, {
    ...base,
    listId: ids.adherents,
    legalBasis: 'legitimate_interest',
    rows: addresses('a', 170),
    now: june15,
  });
  // 150 sign-ups on 10 September
  for (let i = 0; i < 150; i++) {
    await staffSubscribe(db, {
      email: `s${i}@example.org`,
      listIds: [ids.democraties],
      consentNote: 'stand',
      actorId: ACTOR,
      now: new Date(Date.UTC(2025, 8, 10, 8, i)),
    });
  }
  const idsOf = async (prefix: string, n: number) =>
    (
      (await db.execute(
        sql`select id from subscribers where email = any(${sql.param(addresses(prefix, n).map((a) => a.email))}::text[]) order by id`,
      )) as unknown as { rows: { id: string }[] }
    ).rows.map((r) => r.id);
  // 40 leave démocratieS at 23:30 in Paris on 26 October 2025, the 25-hour day
  for (const id of await idsOf('d', 40))
    await unsubscribeSubscriber(db, {
      subscriberId: id,
      listIds: [ids.democraties],
      now: new Date('2025-10-26T22:30:00Z'),
      source: 'email',
    });
  for (const id of await idsOf('m', 60))
    await unsubscribeSubscriber(db, {
      subscriberId: id,
      listIds: [ids.membres],
      now: new Date('2025-11-02T10:00:00Z'),
      source: 'email',
    });
  // four at 23:30 on 31 December (2025), ten at 00:30 on 1 January (2026)
  for (let i = 0; i < 4; i++)
    await staffSubscribe(db, {
      email: `late${i}@example.org`,
      listIds: [ids.democraties],
      consentNote: 'AG',
      actorId: ACTOR,
      now: new Date('2025-12-31T22:30:00Z'),
    });
  await importRows(db, {
    ...base,
    listId: ids.democraties,
    legalBasis: 'consent',
    rows: addresses('jan', 10),
    now: new Date('2025-12-31T23:30:00Z'),
  });

  // sends: [slug, list, Paris date, recipients, failed, uncertain]
  const sends: [string, keyof typeof ids, string, number, number, number][] = [
    ['membres-juin', 'membres', '2025-06-20', 3300, 6, 4],
    ['democraties-juin', 'democraties', '2025-06-25', 1600, 2, 0],
    ['adherents-juillet', 'adherents', '2025-07-01', 170, 0, 0],
    ['membres-septembre', 'membres', '2025-09-15', 3300, 6, 4],
    ['democraties-septembre', 'democraties', '2025-09-20', 1750, 2, 0],
    ['adherents-octobre', 'adherents', '2025-10-01', 170, 0, 0],
    ['membres-octobre', 'membres', '2025-10-30', 3300, 6, 4],
    ['democraties-novembre', 'democraties', '2025-11-15', 1710, 2, 0],
    ['adherents-decembre', 'adherents', '2025-12-01', 170, 0, 0],
    ['membres-decembre', 'membres', '2025-12-10', 3240, 6, 4],
    ['democraties-decembre', 'democraties', '2025-12-15', 1710, 2, 0],
    ['membres-fevrier-2026', 'membres', '2026-02-10', 3240, 0, 0],
  ];
  for (const [slug, list, day, recipients, failed, uncertain] of sends) {
    const at = `${day} 09:00 Europe/Paris`;
    await db.execute(sql`
      with c as (
        insert into campaigns (slug, kind, subject, status, started_at, finished_at)
        values (${slug}, ${list}::newsletter_kind, ${`Lettre ${slug}`}, 'sent', ${at}::timestamptz, ${at}::timestamptz + interval '1 hour') returning id
      ), l as (insert into campaign_lists (campaign_id, list_id) select id, ${ids[list]} from c)
      insert into campaign_recipients (campaign_id, subscriber_id, list_id, batch, status, message_id)
      select c.id, gen_random_uuid(), ${ids[list]}, 0,
        (case when g <= ${failed} then 'failed' when g <= ${failed + uncertain} then 'uncertain' else 'sent' end)::recipient_status, ${slug} || g
      from c cross join generate_series(1, ${recipients}) g`);
  }
  // three hard bounces reported for the September members' letter
  await db.execute(sql`
    insert into subscription_events (at, type, subscriber_id, list_id, source, data)
    select '2025-09-15 11:00 Europe/Paris', 'bounced', r.subscriber_id, null, 'email', jsonb_build_object('campaignId', r.campaign_id::text)
    from campaign_recipients r join campaigns c on c.id = r.campaign_id where c.slug = 'membres-septembre' and r.status = 'sent' order by r.message_id limit 3`);
  // published in 2025: two "Points de vue", one "Sur le terrain", one dossier; the rest does not count
  await db.execute(sql`
    insert into articles (slug, title, body, rubrique_id, status, published_at)
    select slug, title, '{"type":"doc","content":[]}'::jsonb, (select id from rubriques where rubriques.slug = r), status::article_status, at::timestamptz
    from (values
      ('pdv-1', 'Point de vue 1', 'points-de-vue', 'published', '2025-03-01 10:00 Europe/Paris'),
      ('pdv-2', 'Point de vue 2', 'points-de-vue', 'unpublished', '2025-11-20 10:00 Europe/Paris'),
      ('terrain-1', 'Sur le terrain 1', 'sur-le-terrain', 'published', '2025-05-05 10:00 Europe/Paris'),
      ('marges-2026', 'Dans les marges 2026', 'dans-les-marges', 'published', '2026-01-10 10:00 Europe/Paris'),
      ('brouillon', 'Brouillon', 'dans-les-marges', 'draft', null)
    ) as a(slug, title, r, status, at)`);
  await db.execute(sql`
    insert into dossiers (slug, title, editorial_note, status, published_at)
    select slug, title, '{"type":"doc","content":[]}'::jsonb, status::dossier_status, at::timestamptz
    from (values
      ('democratie-du-vivant', 'Démocratie du vivant', 'published', '2025-04-01 10:00 Europe/Paris'),
      ('democratie-alimentaire', 'Démocratie alimentaire', 'draft', null)
    ) as d(slug, title, status, at)`);
  // contributions public in 2025 (Paris year): two events, one offer; a refused one and one from 2026 do not count
  await db.execute(sql`
    insert into contributions (kind, status, title, consent_at, consent_text_version, publish_at)
    select kind::contribution_kind, status::contribution_status, title, '2025-01-01 Europe/Paris', 'v1', at::timestamptz
    from (values
      ('event', 'accepted', 'Rencontre de janvier', '2025-01-01 00:30 Europe/Paris'),
      ('event', 'accepted', 'Veillée du réveillon', '2025-12-31 23:30 Europe/Paris'),
      ('event', 'refused', 'Refusé', '2025-06-01 10:00 Europe/Paris'),
      ('job', 'accepted', 'Chargé·e de mission', '2025-09-01 10:00 Europe/Paris'),
      ('job', 'accepted', 'Offre de 2026', '2026-01-01 00:10 Europe/Paris')
    ) as c(kind, status, title, at)`);
  return { listIds: ids };
}
