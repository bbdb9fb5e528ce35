import { and, desc, eq, ilike, isNotNull, lte, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../database';
import { articleRevisions, articles, dossierRevisions, dossiers, media, rubriques } from '../schema';

/** What a newsletter card needs from a published piece. */
export type PublishedCard = {
  id: string;
  slug: string;
  title: string;
  lede: string;
  rubrique: string | null;
  cover: { id: string; alt: string } | null;
  publishedAt: Date | null;
};

const pattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const cover = (id: string | null, alt: string | null) => (id ? { id, alt: alt ?? '' } : null);

const liveArticle = alias(articleRevisions, 'live');

/**
 * Published articles whose date has come, newest first, in their live version (what readers see, never the working
 * one), matching q in title or lede (body: for a teaser when the lede is empty).
 */
export async function searchPublishedArticles(
  db: Db,
  input: { q?: string; limit: number; now: Date },
): Promise<(PublishedCard & { body: Record<string, unknown> })[]> {
  const live = liveArticle;
  const where: (SQL | undefined)[] = [
    eq(articles.status, 'published'),
    isNotNull(articles.publishedAt),
    lte(articles.publishedAt, input.now),
  ];
  if (input.q) where.push(or(ilike(live.title, pattern(input.q)), ilike(live.lede, pattern(input.q))));
  const rows = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: live.title,
      lede: live.lede,
      body: live.body,
      rubrique: rubriques.name,
      coverId: media.id,
      coverAlt: media.alt,
      publishedAt: articles.publishedAt,
    })
    .from(articles)
    .innerJoin(live, eq(live.id, articles.liveRevisionId))
    .innerJoin(rubriques, eq(rubriques.id, articles.rubriqueId))
    .leftJoin(media, eq(media.id, live.coverMediaId))
    .where(and(...where))
    .orderBy(desc(articles.publishedAt))
    .limit(input.limit);
  return rows.map(({ coverId, coverAlt, ...r }) => ({ ...r, cover: cover(coverId, coverAlt) }));
}

/** Published dossiers as readers see them (their live version), matching q in the live title or lede. */
export async function searchPublishedDossiers(db: Db, input: { q?: string; limit: number }): Promise<PublishedCard[]> {
  const where: (SQL | undefined)[] = [eq(dossiers.status, 'published')];
  if (input.q)
    where.push(or(ilike(dossierRevisions.title, pattern(input.q)), ilike(dossierRevisions.lede, pattern(input.q))));
  const rows = await db
    .select({
      id: dossiers.id,
      slug: dossiers.slug,
      title: dossierRevisions.title,
      lede: dossierRevisions.lede,
      coverId: media.id,
      coverAlt: media.alt,
      publishedAt: dossiers.publishedAt,
    })
    .from(dossiers)
    .innerJoin(dossierRevisions, eq(dossierRevisions.id, dossiers.liveRevisionId))
    .leftJoin(media, eq(media.id, dossierRevisions.coverMediaId))
    .where(and(...where))
    .orderBy(desc(dossiers.publishedAt))
    .limit(input.limit);
  return rows.map(({ coverId, coverAlt, ...r }) => ({ ...r, rubrique: null, cover: cover(coverId, coverAlt) }));
}
