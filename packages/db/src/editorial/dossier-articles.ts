import { and, asc, desc, eq, ilike, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { articles, dossiers } from '../schema';

type ArticleStatus = (typeof articles.$inferSelect)['status'];

// the article's own version moves too: an editor open on it gets a conflict instead of silently undoing the change
const touch = (userId: string, now: Date) => ({
  version: sql`${articles.version} + 1`,
  updatedBy: userId,
  updatedAt: now,
});

/**
 * Puts an article at the end of a dossier, taking it out of any other one. Answers the dossier it left
 * (null if none), or false for an unknown article.
 */
export async function addArticleToDossier(
  db: Db,
  input: { dossierId: string; articleId: string; userId: string; now: Date },
): Promise<{ movedFrom: string | null } | false> {
  return db.transaction(async (tx) => {
    const [article] = await tx
      .select({ dossierId: articles.dossierId })
      .from(articles)
      .where(eq(articles.id, input.articleId))
      .for('update');
    if (!article) return false;
    if (article.dossierId === input.dossierId) return { movedFrom: null };
    await tx
      .update(articles)
      .set({
        dossierId: input.dossierId,
        dossierPosition: sql`(select coalesce(max(a.dossier_position) + 1, 0) from articles a
          where a.dossier_id = ${input.dossierId})`,
        ...touch(input.userId, input.now),
      })
      .where(eq(articles.id, input.articleId));
    return { movedFrom: article.dossierId };
  });
}

/** Takes an article out of the dossier (it stays an article, in no dossier); false if it was not in it. */
export async function removeArticleFromDossier(
  db: Db,
  input: { dossierId: string; articleId: string; userId: string; now: Date },
): Promise<boolean> {
  const rows = await db
    .update(articles)
    .set({ dossierId: null, dossierPosition: 0, ...touch(input.userId, input.now) })
    .where(and(eq(articles.id, input.articleId), eq(articles.dossierId, input.dossierId)))
    .returning({ id: articles.id });
  return rows.length === 1;
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

export type DossierCandidate = {
  id: string;
  title: string;
  status: ArticleStatus;
  dossier: { id: string; title: string } | null;
};

/** Articles to add to a dossier, by title, any status: those in no dossier first, then those another one holds. */
export async function searchDossierCandidates(
  db: Db,
  input: { dossierId: string; q: string; limit: number },
): Promise<DossierCandidate[]> {
  const pattern = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .select({
      id: articles.id,
      title: articles.title,
      status: articles.status,
      otherId: dossiers.id,
      otherTitle: dossiers.title,
    })
    .from(articles)
    .leftJoin(dossiers, eq(dossiers.id, articles.dossierId))
    .where(
      and(
        or(isNull(articles.dossierId), ne(articles.dossierId, input.dossierId)),
        input.q ? ilike(articles.title, pattern) : undefined,
      ),
    )
    .orderBy(sql`${articles.dossierId} is not null`, desc(articles.updatedAt), asc(articles.title))
    .limit(input.limit);
  return rows.map(({ otherId, otherTitle, ...r }) => ({
    ...r,
    dossier: otherId ? { id: otherId, title: otherTitle ?? '' } : null,
  }));
}
