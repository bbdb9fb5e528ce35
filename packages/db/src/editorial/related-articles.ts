import { and, asc, desc, eq, getTableColumns, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { articles, media, rubriques } from '../schema';
import { live, liveCardColumns, visible } from './live-cards';
import type { MediaRow } from './media';

// « À lire aussi » is chosen among the newest pieces: an index walk, whatever the size of the archive
const CANDIDATES = 200;

/**
 * « À lire aussi » under an article: other published pieces, those sharing its tags first (two points a tag), then
 * its rubrique (one point), then the newest; never the article itself nor its dossier's pieces (shown beside it).
 * Each card comes with its cover's media row (one query for the whole list).
 */
export async function relatedArticles(
  db: Db,
  input: {
    articleId: string;
    dossierId: string | null;
    rubriqueId: number;
    tags: readonly string[];
    now: Date;
    limit: number;
  },
) {
  const tags = [...new Set(input.tags.map((t) => t.toLowerCase()))];
  const sharedTags = tags.length
    ? sql`(select count(*) from unnest(${live.tags}) as t(tag) where lower(t.tag) in (${sql.join(
        tags.map((t) => sql`${t}`),
        sql`, `,
      )}))::int`
    : sql`0`;
  const score = sql<number>`${sharedTags} * 2 + (${articles.rubriqueId} = ${input.rubriqueId})::int`;
  const recent = db
    .select({ id: articles.id })
    .from(articles)
    .where(visible(input.now))
    .orderBy(desc(articles.publishedAt))
    .limit(CANDIDATES)
    .as('recent');
  const rows = await db
    .select({ ...liveCardColumns, cover: getTableColumns(media) })
    .from(articles)
    .innerJoin(recent, eq(recent.id, articles.id))
    .innerJoin(live, eq(live.id, articles.liveRevisionId))
    .innerJoin(rubriques, eq(rubriques.id, articles.rubriqueId))
    .leftJoin(media, eq(media.id, live.coverMediaId))
    .where(
      and(
        ne(articles.id, input.articleId),
        input.dossierId ? or(isNull(articles.dossierId), ne(articles.dossierId, input.dossierId)) : undefined,
      ),
    )
    .orderBy(desc(score), desc(articles.publishedAt), asc(articles.id))
    .limit(input.limit);
  return rows.map((row) => ({ ...row, cover: row.cover as MediaRow | null }));
}

/** How many published pieces each dossier has, as readers count them (the `/dossiers` page). */
export async function dossierArticleCounts(db: Db, input: { now: Date }): Promise<Map<string, number>> {
  const rows = await db
    .select({ dossierId: articles.dossierId, count: sql<number>`count(*)::int` })
    .from(articles)
    .where(and(visible(input.now), sql`${articles.dossierId} is not null`, sql`${articles.liveRevisionId} is not null`))
    .groupBy(articles.dossierId);
  return new Map(rows.map((r) => [r.dossierId!, r.count]));
}
