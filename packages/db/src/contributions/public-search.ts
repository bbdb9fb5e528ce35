// The site search over public contributions: the generated `search` column (title A; organisation, organiser, place
// B; description D) read through its partial GIN index, with the same French, accent-free parsing as the articles.
import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { MATCH_END, MATCH_START, SEARCH_QUERY_MAX } from '../editorial/search';
import { queryRows } from '../shared/query-rows';
import { offerOpen, publicContribution, type PublicContributionKind } from './public-visibility';

export type ContributionHit = {
  id: string;
  kind: PublicContributionKind;
  slug: string;
  title: string;
  organisation: string;
  organiser: string;
  place: string;
  online: boolean | null;
  startsAt: Date | null;
  endsAt: Date | null;
  closesOn: string | null;
  publishAt: Date;
  /** a few words of the description around the matches, between MATCH_START and MATCH_END */
  excerpt: string;
};

type Row = {
  total: number;
  id: string | null;
  kind: PublicContributionKind;
  slug: string;
  title: string;
  organisation: string;
  organiser: string;
  place: string;
  online: boolean | null;
  starts_at: Date | string | null;
  ends_at: Date | string | null;
  closes_on: string | null;
  publish_at: Date | string;
  excerpt: string;
};

const RANK_WEIGHTS = '{0.05,0.1,0.3,1}';
const HEADLINE_OPTIONS =
  `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxFragments=1, MaxWords=24, MinWords=10, ShortWord=2, ` +
  `FragmentDelimiter=" … "`;

/** What readers type, in websearch syntax: « OU » in capitals is `or`, French quotes mark a phrase (as for articles). */
export function webSearchText(q: string): string {
  return q
    .slice(0, SEARCH_QUERY_MAX)
    .replace(/(?<=\s)OU(?=\s)/g, 'or')
    .replace(/[«»“”]/g, '"')
    .trim();
}

const date = (v: Date | string | null) => (v === null ? null : new Date(v));

/**
 * Public events (past ones too: the archive shows them), open offers and members' news matching `q`, best first
 * (title words far above the rest), then newest; with the count of all matches. One query.
 */
export async function searchContributions(
  db: Db,
  input: { q: string; now: Date; limit: number },
): Promise<{ total: number; items: ContributionHit[] }> {
  const q = webSearchText(input.q);
  if (!q) return { total: 0, items: [] };
  const tsquery = sql`websearch_to_tsquery('public.fr_unaccent', ${q})`;
  const rows = await queryRows<Row>(
    db,
    sql`with hits as materialized (
        select id, ts_rank(${RANK_WEIGHTS}::float4[], search, ${tsquery}) as rank, publish_at
        from contributions
        where search @@ ${tsquery} and ${publicContribution(input.now)}
          and (kind <> 'job' or ${offerOpen(input.now)})
      ),
      shown as (select * from hits order by rank desc, publish_at desc, id limit ${input.limit})
      select t.total, c.id, c.kind, c.slug, c.title, c.organisation, c.organiser, c.place, c.online, c.starts_at,
        c.ends_at, c.closes_on::text as closes_on, c.publish_at,
        ts_headline('public.fr_unaccent', c.description, ${tsquery}, ${HEADLINE_OPTIONS}) as excerpt
      from (select count(*)::int as total from hits) t
      left join shown s on true
      left join contributions c on c.id = s.id
      order by s.rank desc, s.publish_at desc, s.id`,
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows
      .filter((r) => r.id !== null)
      .map((r) => ({
        id: r.id!,
        kind: r.kind,
        slug: r.slug,
        title: r.title,
        organisation: r.organisation,
        organiser: r.organiser,
        place: r.place,
        online: r.online,
        startsAt: date(r.starts_at),
        endsAt: date(r.ends_at),
        closesOn: r.closes_on,
        publishAt: new Date(r.publish_at),
        excerpt: r.excerpt,
      })),
  };
}
