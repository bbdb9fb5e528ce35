import { and, arrayOverlaps, asc, desc, eq, isNotNull, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../database';
import { articleRevisions, articles, rubriques } from '../schema';

// Tags as readers see them: those of the live version of published articles whose date has come.
const live = alias(articleRevisions, 'live');
const visible = (now: Date) =>
  and(eq(articles.status, 'published'), isNotNull(articles.publishedAt), lte(articles.publishedAt, now));

/** Every tag of a live version readers may see, once each, in alphabetical order. */
export async function liveTags(db: Db, input: { now: Date }): Promise<string[]> {
  const rows = await db
    .selectDistinct({ tag: sql<string>`unnest(${live.tags})`.as('tag') })
    .from(articles)
    .innerJoin(live, eq(live.id, articles.liveRevisionId))
    .where(visible(input.now))
    .orderBy(asc(sql`tag`));
  return rows.map((r) => r.tag);
}

/** The published articles whose live version carries one of `tags`, newest first (the same row as the lists). */
export async function articlesWithLiveTag(db: Db, input: { now: Date; tags: string[]; limit: number }) {
  if (input.tags.length === 0) return [];
  return db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: live.title,
      lede: live.lede,
      body: live.body,
      authors: live.authors,
      tags: live.tags,
      publishedAt: articles.publishedAt,
      updatedAt: live.savedAt,
      coverMediaId: live.coverMediaId,
      rubrique: { slug: rubriques.slug, name: rubriques.name },
    })
    .from(articles)
    .innerJoin(live, eq(live.id, articles.liveRevisionId))
    .innerJoin(rubriques, eq(rubriques.id, articles.rubriqueId))
    .where(and(visible(input.now), arrayOverlaps(live.tags, input.tags)))
    .orderBy(desc(articles.publishedAt), asc(articles.id))
    .limit(input.limit);
}
