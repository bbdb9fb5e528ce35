import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { isUniqueViolation } from '../errors';
import { articles, dossiers } from '../schema';
import { SlugTakenError } from './articles';

export type DossierRow = typeof dossiers.$inferSelect;

export async function listDossiers(db: Db) {
  return db
    .select({
      d: dossiers,
      // qualified by hand: drizzle writes a bare "id" here, which the subquery reads as the article's
      articleCount: sql<number>`(select count(*)::int from articles a where a.dossier_id = "dossiers"."id")`,
    })
    .from(dossiers)
    .orderBy(desc(dossiers.createdAt));
}

export async function createDossier(
  db: Db,
  input: { title: string; slug: string; lede: string; editorialNote: string; now: Date },
): Promise<string> {
  try {
    const [row] = await db
      .insert(dossiers)
      .values({ ...input, createdAt: input.now, updatedAt: input.now })
      .returning({ id: dossiers.id });
    return row!.id;
  } catch (error) {
    if (isUniqueViolation(error)) throw new SlugTakenError();
    throw error;
  }
}

export async function getDossier(db: Db, id: string) {
  const [d] = await db.select().from(dossiers).where(eq(dossiers.id, id));
  if (!d) return null;
  const items = await db
    .select({ id: articles.id, title: articles.title, status: articles.status, position: articles.dossierPosition })
    .from(articles)
    .where(eq(articles.dossierId, id))
    .orderBy(asc(articles.dossierPosition), asc(articles.createdAt));
  return { ...d, articles: items };
}

export async function updateDossier(
  db: Db,
  input: {
    id: string;
    title?: string;
    slug?: string;
    lede?: string;
    editorialNote?: string;
    coverMediaId?: string | null;
    status?: 'draft' | 'published';
    now: Date;
  },
): Promise<void> {
  const { id, now, ...fields } = input;
  try {
    await db
      .update(dossiers)
      .set({
        ...fields,
        ...(fields.status === 'published'
          ? { publishedAt: sql`coalesce(${dossiers.publishedAt}, ${now.toISOString()}::timestamptz)` }
          : {}),
        updatedAt: now,
      })
      .where(eq(dossiers.id, id));
  } catch (error) {
    if (isUniqueViolation(error)) throw new SlugTakenError();
    throw error;
  }
}

/** The editors' order of a dossier's articles; ids not in the dossier are ignored. */
export async function orderDossier(db: Db, input: { id: string; articleIds: string[] }): Promise<void> {
  await db.transaction(async (tx) => {
    for (const [position, articleId] of input.articleIds.entries()) {
      await tx
        .update(articles)
        .set({ dossierPosition: position })
        .where(and(eq(articles.id, articleId), eq(articles.dossierId, input.id)));
    }
  });
}
