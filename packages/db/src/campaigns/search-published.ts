import { and, desc, eq, ilike, isNotNull, lte, or, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { articles, dossiers, media, rubriques } from '../schema';

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

/** Published articles whose date has come, newest first, matching q in title or lede (body: for a teaser when the lede is empty). */
export async function searchPublishedArticles(
  db: Db,
  input: { q?: string; limit: number; now: Date },
): Promise<(PublishedCard & { body: Record<string, unknown> })[]> {
  const where: (SQL | undefined)[] = [
    eq(articles.status, 'published'),
    isNotNull(articles.publishedAt),
    lte(articles.publishedAt, input.now),
  ];
  if (input.q) where.push(or(ilike(articles.title, pattern(input.q)), ilike(articles.lede, pattern(input.q))));
  const rows = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      lede: articles.lede,
      body: articles.body,
      rubrique: rubriques.name,
      coverId: media.id,
      coverAlt: media.alt,
      publishedAt: articles.publishedAt,
    })
    .from(articles)
    .innerJoin(rubriques, eq(rubriques.id, articles.rubriqueId))
    .leftJoin(media, eq(media.id, articles.coverMediaId))
    .where(and(...where))
    .orderBy(desc(articles.publishedAt))
    .limit(input.limit);
  return rows.map(({ coverId, coverAlt, ...r }) => ({ ...r, cover: cover(coverId, coverAlt) }));
}

export async function searchPublishedDossiers(db: Db, input: { q?: string; limit: number }): Promise<PublishedCard[]> {
  const where: (SQL | undefined)[] = [eq(dossiers.status, 'published')];
  if (input.q) where.push(or(ilike(dossiers.title, pattern(input.q)), ilike(dossiers.lede, pattern(input.q))));
  const rows = await db
    .select({
      id: dossiers.id,
      slug: dossiers.slug,
      title: dossiers.title,
      lede: dossiers.lede,
      coverId: media.id,
      coverAlt: media.alt,
      publishedAt: dossiers.publishedAt,
    })
    .from(dossiers)
    .leftJoin(media, eq(media.id, dossiers.coverMediaId))
    .where(and(...where))
    .orderBy(desc(dossiers.publishedAt))
    .limit(input.limit);
  return rows.map(({ coverId, coverAlt, ...r }) => ({ ...r, rubrique: null, cover: cover(coverId, coverAlt) }));
}
