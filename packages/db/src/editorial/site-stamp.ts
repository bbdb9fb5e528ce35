import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { queryRows } from '../shared/query-rows';

export type SiteStamp = {
  /** Changes whenever anything a public page shows may have changed (a write, or a publication time reached). */
  stamp: string;
  /** The next moment a published article becomes visible without any write (its date comes); null: none waits. */
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
] as const;

const fingerprint = (table: string) =>
  sql.raw(`(select count(*)::text || '.' || coalesce(sum(xmin::text::bigint), 0)::text from ${table})`);

type Row = { articles: string; visible: string; next_at: string | Date | null; others: string };

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
      concat_ws('|', ${sql.join(FINGERPRINTED.map(fingerprint), sql`, `)}) as others
    from articles`,
  );
  if (!row) throw new Error('site stamp: no row');
  return {
    stamp: `${row.articles}|${row.visible}|${row.others}`,
    nextChangeAt: row.next_at === null ? null : new Date(row.next_at),
  };
}
