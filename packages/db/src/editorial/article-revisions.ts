import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { articleRevisions, users } from '../schema';

const savedByName = sql<string | null>`coalesce(nullif(${users.name}, ''), ${users.email})`;

/** Every saved version of an article, newest first, without the text (the list thins them: @crieur/editorial). */
export async function listRevisions(db: Db, articleId: string, limit = 5000) {
  return db
    .select({
      id: articleRevisions.id,
      version: articleRevisions.version,
      title: articleRevisions.title,
      step: articleRevisions.step,
      savedAt: articleRevisions.savedAt,
      savedById: articleRevisions.savedBy,
      savedBy: savedByName,
    })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.savedBy))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.id))
    .limit(limit);
}

export async function getRevision(db: Db, input: { articleId: string; revisionId: number }) {
  const [row] = await db
    .select({ r: articleRevisions, savedBy: savedByName })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.savedBy))
    .where(and(eq(articleRevisions.articleId, input.articleId), eq(articleRevisions.id, input.revisionId)));
  return row ? { ...row.r, savedByName: row.savedBy } : null;
}
