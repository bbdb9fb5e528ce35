import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { articles, rubriques } from '../schema';
import { findVisibleArticle, type ArticleWithRefs } from './articles';
import { live, liveCardColumns, visible } from './live-cards';

export async function publishedArticleBySlug(
  db: Db,
  input: { slug: string; now: Date },
): Promise<ArticleWithRefs | null> {
  return findVisibleArticle(db, input);
}

export async function latestPublished(
  db: Db,
  input: { now: Date; limit: number; rubriqueId?: number; dossierId?: string },
) {
  return db
    .select(liveCardColumns)
    .from(articles)
    .innerJoin(live, eq(live.id, articles.liveRevisionId))
    .innerJoin(rubriques, eq(rubriques.id, articles.rubriqueId))
    .where(
      and(
        visible(input.now),
        input.rubriqueId ? eq(articles.rubriqueId, input.rubriqueId) : undefined,
        input.dossierId ? eq(articles.dossierId, input.dossierId) : undefined,
      ),
    )
    .orderBy(input.dossierId ? asc(articles.dossierPosition) : desc(articles.publishedAt))
    .limit(input.limit);
}

// the dossier reads (live versions) are in dossier-reader.ts
export async function rubriqueBySlug(db: Db, slug: string) {
  const [row] = await db.select().from(rubriques).where(eq(rubriques.slug, slug));
  return row ?? null;
}

/** The newest change readers could see: the site's ETag and Last-Modified. */
export async function siteLastModified(db: Db, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({
      at: sql<
        string | null
      >`greatest((select max(updated_at) from articles where status = 'published' and published_at <= ${now.toISOString()}::timestamptz), (select max(updated_at) from dossiers where status = 'published'))`,
    })
    .from(sql`(select 1) as one`);
  return row?.at ? new Date(row.at) : null;
}
