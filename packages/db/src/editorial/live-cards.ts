import { and, eq, isNotNull, lte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { articleRevisions, articles, rubriques } from '../schema';

// What readers may see: published articles whose date has come, in their live version (never the working one).
export const live = alias(articleRevisions, 'live');
export const visible = (now: Date) =>
  and(eq(articles.status, 'published'), isNotNull(articles.publishedAt), lte(articles.publishedAt, now));

/** One card of a reader list (home, rubrique, dossier, tag, feed): join `live` on `live_revision_id` and `rubriques`. */
export const liveCardColumns = {
  id: articles.id,
  slug: articles.slug,
  title: live.title,
  lede: live.lede,
  body: live.body,
  authors: live.authors,
  tags: live.tags,
  publishedAt: articles.publishedAt,
  // the live version's date: caches and the feed follow what readers see, not the autosaves
  updatedAt: live.savedAt,
  coverMediaId: live.coverMediaId,
  rubrique: { slug: rubriques.slug, name: rubriques.name },
};
