import { and, arrayOverlaps, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { articles, rubriques } from '../schema';
import { live, liveCardColumns, visible } from './live-cards';

// Tags as readers see them: those of the live version of published articles whose date has come.

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
    .select(liveCardColumns)
    .from(articles)
    .innerJoin(live, eq(live.id, articles.liveRevisionId))
    .innerJoin(rubriques, eq(rubriques.id, articles.rubriqueId))
    .where(and(visible(input.now), arrayOverlaps(live.tags, input.tags)))
    .orderBy(desc(articles.publishedAt), asc(articles.id))
    .limit(input.limit);
}
