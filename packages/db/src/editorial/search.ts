import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { phrasePairs, type PhraseQuery } from './phrase-pairs';

/** Around a match in an excerpt: private-use characters, which no article text contains (the page makes <mark>). */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';
/** Longer queries are cut here: enough for any real search, little work for a hostile one. */
export const SEARCH_QUERY_MAX = 200;

export type SearchHit = {
  id: string;
  slug: string;
  title: string;
  lede: string;
  authors: string[];
  tags: string[];
  publishedAt: Date;
  updatedAt: Date;
  coverMediaId: string | null;
  rubrique: { slug: string; name: string };
  /** A few words around the matches of the lede and body, matches between MATCH_START and MATCH_END. */
  excerpt: string;
};

export type SearchResult = { total: number; items: SearchHit[] };

type Row = {
  total: number;
  id: string | null;
  slug: string;
  title: string;
  lede: string;
  authors: string[];
  tags: string[];
  published_at: Date | string;
  saved_at: Date | string;
  cover_media_id: string | null;
  rubrique_slug: string;
  rubrique_name: string;
  excerpt: string;
};

// title (A) far above lede, authors and tags (B); the ranked head holds no body words (D), which stay in TOAST
const RANK_WEIGHTS = '{0,0,0.3,1}';
// the headline's words: short fragments around the matches, joined by an ellipsis
const HEADLINE_OPTIONS =
  `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxFragments=2, MaxWords=22, MinWords=10, ShortWord=2, ` +
  `FragmentDelimiter=" … "`;

/**
 * French full-text search over what readers see: the live revision of visible articles (title, lede, authors, tags,
 * body), accent-insensitive, with websearch syntax ("exact phrase", -excluded, or). Every hit is ranked by its head
 * (`search_head`: title, lede, authors, tags): titles that hold the query's words come first (closest together first),
 * then the rank (title > lede, authors, tags), then the newest, so articles that only say it in the body follow by
 * date. One query: the page's rows with the total; only the shown rows get an excerpt. A query of stop words or
 * punctuation alone finds nothing.
 */
export async function searchArticles(
  db: Db,
  input: { q: string; now: Date; page: number; pageSize: number },
): Promise<SearchResult> {
  // « OU » in capitals is the French way to say websearch's `or` (a lowercase « ou » is a stop word),
  // and French quotes « … » mark a phrase as "…" do
  const q = input.q
    .slice(0, SEARCH_QUERY_MAX)
    .replace(/(?<=\s)OU(?=\s)/g, 'or')
    .replace(/[«»“”]/g, '"')
    .trim();
  if (!q) return { total: 0, items: [] };
  const offset = (Math.max(1, Math.floor(input.page)) - 1) * input.pageSize;
  const tsquery = sql`websearch_to_tsquery('public.fr_unaccent', ${q})`;
  // a phrase is found by its word pairs' index; its words' positions are read only for phrases of three words or more
  const found = (pairs: PhraseQuery | null) => {
    if (!pairs) return sql`r.search is not null and r.search @@ ${tsquery}`;
    const inPairs = sql`r.search_pairs is not null and r.search_pairs @@ ${pairs.pairs}::tsquery`;
    if (!pairs.exact) return sql`${inPairs} and r.search @@ ${tsquery}`;
    return pairs.rest ? sql`${inPairs} and r.search @@ ${pairs.rest}::tsquery` : inPairs;
  };
  const query = (pairs: PhraseQuery | null) => sql`
    with hits as materialized (
      -- from the index: no article's body words are read to find, count or rank the hits (but to check a "phrase")
      select h.revision_id, a.id, a.published_at, h.title_rank, h.rank
      from (
        -- ranked by the head (title, lede, authors, tags: small enough to sit in the row) before the join, so only
        -- the ranks go through it; offset 0 keeps it so
        select r.id as revision_id,
          -- above zero only when the title holds the query's words (closer together, higher)
          ts_rank('{0,0,0,1}'::float4[], r.search_head, ${tsquery}) as title_rank,
          ts_rank(${RANK_WEIGHTS}::float4[], r.search_head, ${tsquery}) as rank
        from article_revisions r
        where ${found(pairs)}
        offset 0
      ) h
      join articles a on a.live_revision_id = h.revision_id
      where a.status = 'published' and a.published_at is not null and a.published_at <= ${input.now.toISOString()}
    ),
    shown as (
      select * from hits order by title_rank desc, rank desc, published_at desc, id
      limit ${input.pageSize} offset ${offset}
    )
    select c.total, a.id, a.slug, r.title, r.lede, r.authors, r.tags, a.published_at, r.saved_at,
      r.cover_media_id, ru.slug as rubrique_slug, ru.name as rubrique_name,
      ts_headline('public.fr_unaccent', r.lede || ' ' || coalesce((
        -- the headline parses every word it is given: only the lede and the first two blocks that hold one of the
        -- query's stems (unaccented, as a substring: cheap), or the first block when none does (title, tags)
        select string_agg(p.text, ' ' order by p.n) from (
          select b.n, b.text from (
            select blocks.n, array_to_string(array(
              select jsonb_array_elements_text(jsonb_path_query_array(blocks.block, 'strict $.**.text'))), ' ') as text
            from jsonb_array_elements(r.body->'content') with ordinality as blocks(block, n)
          ) b
          where b.n = 1 or exists (
            select 1 from unnest(stems.list) stem
            where position(stem in lower(public.unaccent('public.unaccent', b.text))) > 0)
          order by (b.n = 1 and stems.list <> '{}' and not exists (
            select 1 from unnest(stems.list) stem
            where position(stem in lower(public.unaccent('public.unaccent', b.text))) > 0)), b.n
          limit 2
        ) p), ''),
        ${tsquery}, ${HEADLINE_OPTIONS}) as excerpt
    from (select count(*)::int as total from hits) c
    cross join (
      -- the query's stems, as its text shows them ('democrat' & 'aliment')
      select coalesce(array_agg(distinct m[1]), '{}') as list
      from regexp_matches(${tsquery}::text, '''([^'']+)''', 'g') m
    ) stems
    left join shown s on true
    left join articles a on a.id = s.id
    left join article_revisions r on r.id = s.revision_id
    left join rubriques ru on ru.id = a.rubrique_id
    order by s.title_rank desc, s.rank desc, s.published_at desc, s.id`;
  // the planner does not count reading words out of TOAST and scans the table for common words: the index is cheaper
  const result = (await db.transaction(async (tx) => {
    // a query of stop words alone is an empty query, not news for the server's log; and with seq scans priced out,
    // a plan's cost can pass jit_above_cost, whose compiling costs more than the query (one round trip for all)
    // (and the query as the database parses it: its phrases become word pairs)
    const parsed = (await tx.execute(
      sql`select set_config('enable_seqscan', 'off', true), set_config('client_min_messages', 'warning', true),
        set_config('jit', 'off', true), ${tsquery}::text as parsed`,
    )) as unknown as { rows: { parsed: string }[] };
    return tx.execute(query(phrasePairs(parsed.rows[0]?.parsed ?? '')));
  })) as unknown as { rows: Row[] };
  const rows = result.rows;
  return {
    total: rows[0]?.total ?? 0,
    items: rows
      .filter((row) => row.id !== null)
      .map((row) => ({
        id: row.id!,
        slug: row.slug,
        title: row.title,
        lede: row.lede,
        authors: row.authors,
        tags: row.tags,
        publishedAt: new Date(row.published_at),
        updatedAt: new Date(row.saved_at),
        coverMediaId: row.cover_media_id,
        rubrique: { slug: row.rubrique_slug, name: row.rubrique_name },
        excerpt: row.excerpt,
      })),
  };
}
