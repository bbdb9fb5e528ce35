import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { queryRows } from '../shared/query-rows';

export type SiteStamp = {
  /** Changes whenever anything a public page shows may have changed (a write, or a publication time reached). */
  stamp: string;
  /**
   * The next moment a page changes without any write: an article's or a contribution's publication time, an event's
   * end (it moves to the archive), the Paris midnight that closes an offer; null: none waits.
   */
  nextChangeAt: Date | null;
};

// Every table public pages read. Rubriques, media and lists have no updated_at, and updated_at follows the app's
// clock (tests move it back and forth): so each table's fingerprint is its row count and the sum of its rows'
// creating transaction ids (xmin), which any insert, update or delete changes. Revisions are only ever inserted and
// become visible through articles.live_revision_id / dossiers.live_revision_id, so they are left out (a large table).
const FINGERPRINTED = [
  'dossiers',
  'media',
  'rubriques',
  'organisation',
  'newsletter_branding',
  'legal_pages',
  'campaigns',
  'campaign_lists',
  'lists',
  'contributions',
] as const;

const fingerprint = (table: string) =>
  sql.raw(`(select count(*)::text || '.' || coalesce(sum(xmin::text::bigint), 0)::text from ${table})`);

type Row = {
  articles: string;
  visible: string;
  next_at: string | Date | null;
  others: string;
  contributions: string;
  contributions_next_at: string | Date | null;
};

// What time alone changes in the contributions (the rule of contributions/public-visibility.ts): how many are public,
// upcoming and open at `at`, and the next moment one of these counts moves
const contributionTimes = (at: string) => {
  const today = sql`(${at}::timestamptz at time zone 'Europe/Paris')::date`;
  const accepted = sql`status = 'accepted' and slug is not null and publish_at is not null`;
  return sql`(select concat_ws('.',
        count(*) filter (where publish_at <= ${at}::timestamptz),
        count(*) filter (where publish_at <= ${at}::timestamptz and kind = 'event' and ends_at >= ${at}::timestamptz),
        count(*) filter (where publish_at <= ${at}::timestamptz and kind = 'job' and closes_on >= ${today}))
      from contributions where ${accepted}) as contributions,
    (select min(t) from (
        select min(publish_at) as t from contributions where ${accepted} and publish_at > ${at}::timestamptz
        union all
        -- an event is upcoming while ends_at >= now: it moves to the archive just after
        select min(ends_at) + interval '1 millisecond' from contributions
          where ${accepted} and kind = 'event' and ends_at >= ${at}::timestamptz
        union all
        -- an offer closes at the Paris midnight after its closing day
        select min((closes_on + 1)::timestamp at time zone 'Europe/Paris') from contributions
          where ${accepted} and kind = 'job' and closes_on >= ${today}
      ) times) as contributions_next_at`;
};

/**
 * One query, a few sequential scans of small tables (articles' bodies and revisions stay out of it): cheap enough to
 * run about once a second. `now` counts what time alone changes: articles visible at `now`, and the next to come.
 */
export async function siteStamp(db: Db, now: Date): Promise<SiteStamp> {
  const at = now.toISOString();
  const [row] = await queryRows<Row>(
    db,
    sql`select
      count(*)::text || '.' || coalesce(sum(xmin::text::bigint), 0)::text as articles,
      (count(*) filter (where status = 'published' and published_at <= ${at}::timestamptz))::text as visible,
      min(published_at) filter (where status = 'published' and published_at > ${at}::timestamptz) as next_at,
      concat_ws('|', ${sql.join(FINGERPRINTED.map(fingerprint), sql`, `)}) as others,
      ${contributionTimes(at)}
    from articles`,
  );
  if (!row) throw new Error('site stamp: no row');
  const times = [row.next_at, row.contributions_next_at].flatMap((t) => (t === null ? [] : [new Date(t).getTime()]));
  return {
    stamp: `${row.articles}|${row.visible}|${row.others}|${row.contributions}`,
    nextChangeAt: times.length ? new Date(Math.min(...times)) : null,
  };
}
