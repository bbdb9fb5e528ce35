import { and, asc, desc, eq, getTableColumns, gte, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../database';
import { isUniqueViolation } from '../errors';
import { articleRevisions, articles, dossierRevisions, dossiers, rubriques, users } from '../schema';
import type { DbOrTx } from '../shared/tx';

export type ArticleRow = typeof articles.$inferSelect;
export type ArticleStatus = ArticleRow['status'];
export type RevisionStep = (typeof articleRevisions.$inferSelect)['step'];
/** The version readers see (`live_revision_id`), and whether the working version (the row) differs from it. */
export type LiveVersion = {
  id: number;
  version: number;
  title: string;
  lede: string;
  body: Record<string, unknown>;
  coverMediaId: string | null;
  tags: string[];
  authors: string[];
  savedAt: Date;
  differs: boolean;
};
export type ArticleWithRefs = ArticleRow & {
  rubrique: { slug: string; name: string };
  dossier: { id: string; title: string; slug: string } | null;
  /** the dossier as readers see it: its live title, or null while it is not published */
  liveDossier: { id: string; title: string; slug: string } | null;
  updatedByName: string | null;
  live: LiveVersion | null;
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

const live = alias(articleRevisions, 'live');
const liveDossier = alias(dossierRevisions, 'live_dossier');

// readers get the live version: the working body (tens of kB) is neither read nor compared on their requests
const { body: _workingBody, ...readerColumns } = getTableColumns(articles);
const readerRow = { ...readerColumns, body: sql<Record<string, unknown>>`null` };

const withRefs = (db: Db, forReaders = false) =>
  db
    .select({
      a: forReaders ? readerRow : articles,
      rubrique: { slug: rubriques.slug, name: rubriques.name },
      dossierId: dossiers.id,
      dossierTitle: dossiers.title,
      dossierSlug: dossiers.slug,
      dossierLiveTitle: sql<string | null>`case when ${dossiers.status} = 'published' then ${liveDossier.title} end`,
      updatedByName: sql<string | null>`coalesce(nullif(${users.name}, ''), ${users.email})`,
      live,
      // jsonb and arrays compare by value: any field readers see that the working version changed
      liveDiffers: forReaders
        ? sql<boolean>`false`
        : sql<boolean>`(${live.id} is not null and (${articles.title}, ${articles.lede}, ${articles.body},
        ${articles.coverMediaId}, ${articles.tags}, ${articles.authors}) is distinct from (${live.title}, ${live.lede},
        ${live.body}, ${live.coverMediaId}, ${live.tags}, ${live.authors}))`,
    })
    .from(articles)
    .innerJoin(rubriques, eq(rubriques.id, articles.rubriqueId))
    .leftJoin(dossiers, eq(dossiers.id, articles.dossierId))
    .leftJoin(users, eq(users.id, articles.updatedBy))
    .leftJoin(live, eq(live.id, articles.liveRevisionId))
    .leftJoin(liveDossier, eq(liveDossier.id, dossiers.liveRevisionId));

type JoinedRow = {
  a: ArticleRow;
  rubrique: { slug: string; name: string };
  dossierId: string | null;
  dossierTitle: string | null;
  dossierSlug: string | null;
  dossierLiveTitle: string | null;
  updatedByName: string | null;
  live: typeof articleRevisions.$inferSelect | null;
  liveDiffers: boolean;
};
const toArticle = (r: JoinedRow): ArticleWithRefs => ({
  ...r.a,
  rubrique: r.rubrique,
  dossier: r.dossierId ? { id: r.dossierId, title: r.dossierTitle!, slug: r.dossierSlug! } : null,
  liveDossier:
    r.dossierId && r.dossierLiveTitle !== null
      ? { id: r.dossierId, title: r.dossierLiveTitle, slug: r.dossierSlug! }
      : null,
  updatedByName: r.updatedByName,
  live: r.live
    ? {
        id: r.live.id,
        version: r.live.version,
        title: r.live.title,
        lede: r.live.lede,
        body: r.live.body,
        coverMediaId: r.live.coverMediaId,
        tags: r.live.tags,
        authors: r.live.authors,
        savedAt: r.live.savedAt,
        differs: r.liveDiffers,
      }
    : null,
});

/**
 * The article as readers see it: the live version's title, lede, body, cover, tags and authors over the row
 * (which holds the working version); `version` and `updatedAt` are the live version's, so caches follow it.
 */
export function liveView(a: ArticleWithRefs): ArticleWithRefs | null {
  if (!a.live) return null;
  const { live: v } = a;
  return {
    ...a,
    title: v.title,
    lede: v.lede,
    body: v.body,
    coverMediaId: v.coverMediaId,
    tags: v.tags,
    authors: v.authors,
    version: v.version,
    updatedAt: v.savedAt,
    // readers are sent only to a published dossier, under its live title
    dossier: a.liveDossier,
  };
}

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

/** One query for the reader page: the live version of the article, its rubrique and dossier, if readers may see it. */
// the reader's hottest query, prepared once per database: six joined tables cost more to plan than to run
const visibleBySlug = (db: Db) =>
  withRefs(db, true)
    .where(
      and(
        eq(articles.slug, sql.placeholder('slug')),
        eq(articles.status, 'published'),
        lte(articles.publishedAt, sql`${sql.placeholder('now')}::timestamptz`),
        isNotNull(articles.liveRevisionId),
      ),
    )
    .prepare('reader_article_by_slug');
const prepared = new WeakMap<Db, ReturnType<typeof visibleBySlug>>();

export async function findVisibleArticle(db: Db, input: { slug: string; now: Date }): Promise<ArticleWithRefs | null> {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = visibleBySlug(db)));
  const [row] = await query.execute({ slug: input.slug, now: input.now.toISOString() });
  return row ? liveView(toArticle(row as JoinedRow)) : null;
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

/** Saves only if nobody saved since `version`; keeps a revision of each save (`restored` when it brings one back). */
export async function saveArticle(
  db: Db,
  input: { id: string; version: number; fields: ArticleFields; userId: string; now: Date; step?: RevisionStep },
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
      coverMediaId: input.fields.coverMediaId,
      tags: input.fields.tags,
      authors: input.fields.authors,
      step: input.step ?? 'autosave',
      savedBy: input.userId,
      savedAt: input.now,
    });
  });
}

/** Keeps the working version as it is now, as a named step (sent to review, published); returns its id. */
export async function snapshotArticle(
  db: DbOrTx,
  input: { id: string; step: RevisionStep; userId: string | null; now: Date },
): Promise<number | null> {
  const [a] = await db.select().from(articles).where(eq(articles.id, input.id));
  if (!a) return null;
  const [row] = await db
    .insert(articleRevisions)
    .values({
      articleId: a.id,
      version: a.version,
      title: a.title,
      lede: a.lede,
      body: a.body,
      coverMediaId: a.coverMediaId,
      tags: a.tags,
      authors: a.authors,
      step: input.step,
      savedBy: input.userId,
      savedAt: input.now,
    })
    .returning({ id: articleRevisions.id });
  return row!.id;
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
