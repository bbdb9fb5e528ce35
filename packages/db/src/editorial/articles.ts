import { and, asc, desc, eq, gte, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { isUniqueViolation } from '../errors';
import { articleComments, articleRevisions, articles, dossiers, rubriques, users } from '../schema';

export type ArticleRow = typeof articles.$inferSelect;
export type ArticleStatus = ArticleRow['status'];
export type ArticleWithRefs = ArticleRow & {
  rubrique: { slug: string; name: string };
  dossier: { id: string; title: string; slug: string } | null;
  updatedByName: string | null;
};

export class EditConflictError extends Error {
  readonly code = 'EDIT_CONFLICT';
  constructor(readonly current: { version: number; updatedAt: Date; updatedBy: string | null }) {
    super('The article was changed by someone else');
    this.name = 'EditConflictError';
  }
}
export class SlugTakenError extends Error {
  readonly code = 'SLUG_TAKEN';
  constructor() {
    super('This slug is already used');
    this.name = 'SlugTakenError';
  }
}

const withRefs = (db: Db) =>
  db
    .select({
      a: articles,
      rubrique: { slug: rubriques.slug, name: rubriques.name },
      dossierId: dossiers.id,
      dossierTitle: dossiers.title,
      dossierSlug: dossiers.slug,
      updatedByName: sql<string | null>`coalesce(nullif(${users.name}, ''), ${users.email})`,
    })
    .from(articles)
    .innerJoin(rubriques, eq(rubriques.id, articles.rubriqueId))
    .leftJoin(dossiers, eq(dossiers.id, articles.dossierId))
    .leftJoin(users, eq(users.id, articles.updatedBy));

type JoinedRow = {
  a: ArticleRow;
  rubrique: { slug: string; name: string };
  dossierId: string | null;
  dossierTitle: string | null;
  dossierSlug: string | null;
  updatedByName: string | null;
};
const toArticle = (r: JoinedRow): ArticleWithRefs => ({
  ...r.a,
  rubrique: r.rubrique,
  dossier: r.dossierId ? { id: r.dossierId, title: r.dossierTitle!, slug: r.dossierSlug! } : null,
  updatedByName: r.updatedByName,
});

export async function listArticles(
  db: Db,
  f: { status?: ArticleStatus; rubrique?: string; dossierId?: string; author?: string; q?: string; limit?: number },
): Promise<ArticleWithRefs[]> {
  const where: SQL[] = [];
  if (f.status) where.push(eq(articles.status, f.status));
  if (f.rubrique) where.push(eq(rubriques.slug, f.rubrique));
  if (f.dossierId) where.push(eq(articles.dossierId, f.dossierId));
  if (f.author) where.push(sql`${f.author} = any(${articles.authors})`);
  if (f.q) where.push(sql`${articles.title} ilike ${`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  const rows = await withRefs(db)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(articles.updatedAt))
    .limit(f.limit ?? 500);
  return rows.map(toArticle);
}

/** One query for the reader page: the article, its rubrique and dossier, if readers may see it. */
export async function findVisibleArticle(db: Db, input: { slug: string; now: Date }): Promise<ArticleWithRefs | null> {
  const [row] = await withRefs(db).where(
    and(eq(articles.slug, input.slug), eq(articles.status, 'published'), lte(articles.publishedAt, input.now)),
  );
  return row ? toArticle(row) : null;
}

export async function getArticle(db: Db, id: string): Promise<ArticleWithRefs | null> {
  const [row] = await withRefs(db).where(eq(articles.id, id));
  return row ? toArticle(row) : null;
}

export async function createArticle(
  db: Db,
  input: {
    title: string;
    slug: string;
    rubriqueId: number;
    dossierId: string | null;
    body: Record<string, unknown>;
    authors: string[];
    userId: string | null;
    now: Date;
  },
): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      const [row] = await db
        .insert(articles)
        .values({
          title: input.title,
          slug: attempt ? `${input.slug}-${attempt + 1}` : input.slug,
          rubriqueId: input.rubriqueId,
          dossierId: input.dossierId,
          body: input.body,
          authors: input.authors,
          createdBy: input.userId,
          updatedBy: input.userId,
          createdAt: input.now,
          updatedAt: input.now,
        })
        .returning({ id: articles.id });
      return row!.id;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt > 20) throw error;
    }
  }
}

export type ArticleFields = {
  title: string;
  slug: string;
  lede: string;
  body: Record<string, unknown>;
  rubriqueId: number;
  dossierId: string | null;
  tags: string[];
  authors: string[];
  coverMediaId: string | null;
};

/** Saves only if nobody saved since `version`; keeps a revision of each save. */
export async function saveArticle(
  db: Db,
  input: { id: string; version: number; fields: ArticleFields; userId: string; now: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    let updated: { version: number }[];
    try {
      updated = await tx
        .update(articles)
        .set({ ...input.fields, version: sql`${articles.version} + 1`, updatedBy: input.userId, updatedAt: input.now })
        .where(and(eq(articles.id, input.id), eq(articles.version, input.version)))
        .returning({ version: articles.version });
    } catch (error) {
      if (isUniqueViolation(error)) throw new SlugTakenError();
      throw error;
    }
    if (!updated.length) {
      const [current] = await tx
        .select({
          version: articles.version,
          updatedAt: articles.updatedAt,
          updatedBy: sql<string | null>`coalesce(nullif(${users.name}, ''), ${users.email})`,
        })
        .from(articles)
        .leftJoin(users, eq(users.id, articles.updatedBy))
        .where(eq(articles.id, input.id));
      if (!current) throw new Error('article vanished');
      throw new EditConflictError(current);
    }
    await tx.insert(articleRevisions).values({
      articleId: input.id,
      version: updated[0]!.version,
      title: input.fields.title,
      lede: input.fields.lede,
      body: input.fields.body,
      savedBy: input.userId,
      savedAt: input.now,
    });
  });
}

/** A workflow step, applied only from the status the caller checked (no lost race). */
export async function setArticleStatus(
  db: Db,
  input: {
    id: string;
    from: ArticleStatus;
    to: ArticleStatus;
    scheduledAt?: Date | null;
    publishedAt?: Date | null;
    userId: string | null;
    now: Date;
  },
): Promise<boolean> {
  const rows = await db
    .update(articles)
    .set({
      status: input.to,
      ...(input.scheduledAt !== undefined ? { scheduledAt: input.scheduledAt } : {}),
      ...(input.publishedAt !== undefined ? { publishedAt: input.publishedAt } : {}),
      updatedAt: input.now,
      ...(input.userId ? { updatedBy: input.userId } : {}),
    })
    .where(and(eq(articles.id, input.id), eq(articles.status, input.from)))
    .returning({ id: articles.id });
  return rows.length === 1;
}

/** The publishing worker's step: only a still-scheduled article whose time has come. */
export async function publishIfDue(db: Db, input: { id: string; now: Date }): Promise<boolean> {
  const rows = await db
    .update(articles)
    .set({
      status: 'published',
      publishedAt: sql`coalesce(${articles.publishedAt}, ${articles.scheduledAt})`,
      updatedAt: input.now,
    })
    .where(and(eq(articles.id, input.id), eq(articles.status, 'scheduled'), lte(articles.scheduledAt, input.now)))
    .returning({ id: articles.id });
  return rows.length === 1;
}

export async function scheduledArticles(db: Db): Promise<{ id: string; scheduledAt: Date }[]> {
  const rows = await db
    .select({ id: articles.id, scheduledAt: articles.scheduledAt })
    .from(articles)
    .where(eq(articles.status, 'scheduled'));
  return rows.filter((r): r is { id: string; scheduledAt: Date } => r.scheduledAt !== null);
}

export async function listRevisions(db: Db, articleId: string) {
  return db
    .select({
      id: articleRevisions.id,
      version: articleRevisions.version,
      title: articleRevisions.title,
      savedAt: articleRevisions.savedAt,
      savedBy: sql<string | null>`coalesce(nullif(${users.name}, ''), ${users.email})`,
    })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.savedBy))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.version))
    .limit(200);
}

export async function getRevision(db: Db, input: { articleId: string; revisionId: number }) {
  const [row] = await db
    .select({ r: articleRevisions, savedBy: sql<string | null>`coalesce(nullif(${users.name}, ''), ${users.email})` })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.savedBy))
    .where(and(eq(articleRevisions.articleId, input.articleId), eq(articleRevisions.id, input.revisionId)));
  return row ? { ...row.r, savedByName: row.savedBy } : null;
}

export async function addComment(db: Db, input: { articleId: string; authorId: string; body: string; now: Date }) {
  const [row] = await db
    .insert(articleComments)
    .values({ articleId: input.articleId, authorId: input.authorId, body: input.body, createdAt: input.now })
    .returning();
  return row!;
}

export async function listComments(db: Db, articleId: string) {
  return db
    .select({
      id: articleComments.id,
      body: articleComments.body,
      at: articleComments.createdAt,
      author: sql<string | null>`coalesce(nullif(${users.name}, ''), ${users.email})`,
    })
    .from(articleComments)
    .leftJoin(users, eq(users.id, articleComments.authorId))
    .where(eq(articleComments.articleId, articleId))
    .orderBy(asc(articleComments.id));
}

export async function calendarItems(db: Db, input: { from: Date; to: Date }) {
  const rows = await withRefs(db).where(
    or(
      and(eq(articles.status, 'scheduled'), gte(articles.scheduledAt, input.from), lte(articles.scheduledAt, input.to)),
      and(eq(articles.status, 'published'), gte(articles.publishedAt, input.from), lte(articles.publishedAt, input.to)),
    ),
  );
  return rows.map(toArticle);
}

export async function listRubriques(db: Db) {
  return db.select().from(rubriques).orderBy(asc(rubriques.position));
}
