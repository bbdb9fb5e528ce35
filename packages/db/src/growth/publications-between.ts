import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { articles, contributions, dossierRevisions, dossiers, rubriques } from '../schema';

export type RubriqueArticlesRow = { slug: string; name: string; articles: number };
export type PublishedDossierRow = { slug: string; title: string; publishedAt: Date | null };

/** Every rubrique with its number of articles published in [from, to) (unpublished since included). */
export async function articlesPerRubrique(db: Db, input: { from: Date; to: Date }): Promise<RubriqueArticlesRow[]> {
  return db
    .select({ slug: rubriques.slug, name: rubriques.name, articles: sql<number>`count(${articles.id})::int` })
    .from(rubriques)
    .leftJoin(
      articles,
      and(
        eq(articles.rubriqueId, rubriques.id),
        inArray(articles.status, ['published', 'unpublished']),
        gte(articles.publishedAt, input.from),
        lt(articles.publishedAt, input.to),
      ),
    )
    .groupBy(rubriques.id, rubriques.slug, rubriques.name)
    .orderBy(asc(rubriques.id));
}

/** The dossiers published in [from, to) and still published, oldest first, under the title readers see. */
export async function dossiersPublishedBetween(
  db: Db,
  input: { from: Date; to: Date },
): Promise<PublishedDossierRow[]> {
  return db
    .select({
      slug: dossiers.slug,
      title: sql<string>`coalesce(${dossierRevisions.title}, ${dossiers.title})`,
      publishedAt: dossiers.publishedAt,
    })
    .from(dossiers)
    .leftJoin(dossierRevisions, eq(dossierRevisions.id, dossiers.liveRevisionId))
    .where(
      and(eq(dossiers.status, 'published'), gte(dossiers.publishedAt, input.from), lt(dossiers.publishedAt, input.to)),
    )
    .orderBy(asc(dossiers.publishedAt));
}

export type ContributionsPublished = { events: number; jobs: number; news: number };

/** Accepted contributions made public in [from, to), by kind: the report's « 93 annonces d’événements, 185 offres ». */
export async function contributionsPublishedBetween(
  db: Db,
  input: { from: Date; to: Date },
): Promise<ContributionsPublished> {
  const rows = await db
    .select({ kind: contributions.kind, n: sql<number>`count(*)::int` })
    .from(contributions)
    .where(
      and(
        eq(contributions.status, 'accepted'),
        gte(contributions.publishAt, input.from),
        lt(contributions.publishAt, input.to),
      ),
    )
    .groupBy(contributions.kind);
  const count = (kind: string) => rows.find((r) => r.kind === kind)?.n ?? 0;
  return { events: count('event'), jobs: count('job'), news: count('news') };
}
