import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { isUniqueViolation } from '../errors';
import { articles, dossierRevisions, dossiers, users } from '../schema';
import { SlugTakenError } from './articles';

export type DossierRow = typeof dossiers.$inferSelect;
export type DossierLive = {
  id: number;
  title: string;
  lede: string;
  editorialNote: Record<string, unknown>;
  coverMediaId: string | null;
  savedAt: Date;
  savedByName: string | null;
};
export type DossierWithArticles = DossierRow & {
  updatedByName: string | null;
  articles: { id: string; title: string; status: ArticleStatus; position: number }[];
  /** What readers see (or saw, once unpublished): null before the first publication. */
  live: DossierLive | null;
};
type ArticleStatus = (typeof articles.$inferSelect)['status'];

const nameOf = (column: typeof users.name, email: typeof users.email) =>
  sql<string | null>`coalesce(nullif(${column}, ''), ${email})`;

/** Every dossier, newest first, with how many articles it holds and how many of them are published. */
export async function listDossiers(db: Db) {
  return db
    .select({
      d: dossiers,
      // qualified by hand: drizzle writes a bare "id" here, which the subquery reads as the article's
      articleCount: sql<number>`(select count(*)::int from articles a where a.dossier_id = "dossiers"."id")`,
      publishedCount: sql<number>`(select count(*)::int from articles a
        where a.dossier_id = "dossiers"."id" and a.status = 'published')`,
    })
    .from(dossiers)
    .orderBy(desc(dossiers.createdAt));
}

export async function createDossier(
  db: Db,
  input: {
    title: string;
    slug: string;
    lede: string;
    editorialNote: Record<string, unknown>;
    userId?: string | null;
    now: Date;
  },
): Promise<string> {
  const { userId = null, now, ...fields } = input;
  try {
    const [row] = await db
      .insert(dossiers)
      .values({ ...fields, createdBy: userId, updatedBy: userId, createdAt: now, updatedAt: now })
      .returning({ id: dossiers.id });
    return row!.id;
  } catch (error) {
    if (isUniqueViolation(error)) throw new SlugTakenError();
    throw error;
  }
}

/** A dossier (its working version), its articles in the editors' order and its live version. */
export async function getDossier(db: Db, id: string): Promise<DossierWithArticles | null> {
  const [found] = await db
    .select({ d: dossiers, updatedByName: nameOf(users.name, users.email) })
    .from(dossiers)
    .leftJoin(users, eq(users.id, dossiers.updatedBy))
    .where(eq(dossiers.id, id));
  if (!found) return null;
  const [items, live] = await Promise.all([
    db
      .select({ id: articles.id, title: articles.title, status: articles.status, position: articles.dossierPosition })
      .from(articles)
      .where(eq(articles.dossierId, id))
      .orderBy(asc(articles.dossierPosition), asc(articles.createdAt)),
    found.d.liveRevisionId === null ? Promise.resolve([]) : liveRevision(db, found.d.liveRevisionId),
  ]);
  return { ...found.d, updatedByName: found.updatedByName, articles: items, live: live[0] ?? null };
}

function liveRevision(db: Db, revisionId: number): Promise<DossierLive[]> {
  return db
    .select({
      id: dossierRevisions.id,
      title: dossierRevisions.title,
      lede: dossierRevisions.lede,
      editorialNote: dossierRevisions.editorialNote,
      coverMediaId: dossierRevisions.coverMediaId,
      savedAt: dossierRevisions.savedAt,
      savedByName: nameOf(users.name, users.email),
    })
    .from(dossierRevisions)
    .leftJoin(users, eq(users.id, dossierRevisions.savedBy))
    .where(eq(dossierRevisions.id, revisionId));
}
