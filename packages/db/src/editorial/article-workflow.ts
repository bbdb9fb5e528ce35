import { and, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { articleComments, articles } from '../schema';
import type { Tx } from '../shared/tx';
import { snapshotArticle, type ArticleStatus, type RevisionStep } from './articles';

type CommentKind = (typeof articleComments.$inferInsert)['kind'];

/** Written in the step's transaction by the caller (the review emails owed); returns what to hand on afterwards. */
export type NotifyInTx = (tx: Tx, commentId: number | null) => Promise<string[]>;

/**
 * A workflow step in one transaction, applied only from the status (and proposal state) the caller checked, so a
 * race loses cleanly: the status, a named version of the working text (a `published` one becomes the live version
 * readers see), the note as a comment of its kind, and the caller's notifications. Null when the article moved on.
 */
export async function applyArticleTransition(
  db: Db,
  input: {
    id: string;
    from: ArticleStatus;
    fromUpdateInReview: boolean;
    to: ArticleStatus;
    updateInReview?: boolean;
    scheduledAt?: Date | null;
    publishedAt?: Date | null;
    snapshot: Extract<RevisionStep, 'submitted' | 'published'> | null;
    note: { body: string; kind: CommentKind } | null;
    userId: string;
    now: Date;
    notify?: NotifyInTx;
  },
): Promise<{ staffMailIds: string[]; commentId: number | null } | null> {
  return db.transaction(async (tx) => {
    const moved = await tx
      .update(articles)
      .set({
        status: input.to,
        ...(input.scheduledAt !== undefined ? { scheduledAt: input.scheduledAt } : {}),
        ...(input.publishedAt !== undefined ? { publishedAt: input.publishedAt } : {}),
        ...(input.updateInReview !== undefined ? { updateInReview: input.updateInReview } : {}),
        updatedAt: input.now,
        updatedBy: input.userId,
      })
      .where(
        and(
          eq(articles.id, input.id),
          eq(articles.status, input.from),
          eq(articles.updateInReview, input.fromUpdateInReview),
        ),
      )
      .returning({ id: articles.id });
    if (moved.length !== 1) return null;
    if (input.snapshot) {
      const revisionId = await snapshotArticle(tx, {
        id: input.id,
        step: input.snapshot,
        userId: input.userId,
        now: input.now,
      });
      if (input.snapshot === 'published') {
        await tx.update(articles).set({ liveRevisionId: revisionId }).where(eq(articles.id, input.id));
      }
    }
    let commentId: number | null = null;
    if (input.note) {
      const [comment] = await tx
        .insert(articleComments)
        .values({
          articleId: input.id,
          authorId: input.userId,
          body: input.note.body,
          kind: input.note.kind,
          createdAt: input.now,
        })
        .returning({ id: articleComments.id });
      commentId = comment!.id;
    }
    const staffMailIds = input.notify ? await input.notify(tx, commentId) : [];
    return { staffMailIds, commentId };
  });
}

/**
 * The publishing worker's step: only a still-scheduled article whose time has come. Its working version becomes
 * the live one; `notify` gets who scheduled it (the last to change the row) to write the emails owed.
 */
export async function publishIfDue(
  db: Db,
  input: { id: string; now: Date; notify?: (tx: Tx, scheduledBy: string | null) => Promise<unknown> },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(articles)
      .set({
        status: 'published',
        publishedAt: sql`coalesce(${articles.publishedAt}, ${articles.scheduledAt})`,
        updateInReview: false,
        updatedAt: input.now,
      })
      .where(and(eq(articles.id, input.id), eq(articles.status, 'scheduled'), lte(articles.scheduledAt, input.now)))
      .returning({ id: articles.id, updatedBy: articles.updatedBy });
    if (rows.length !== 1) return false;
    // the worker publishes: the version is nobody's save
    const revisionId = await snapshotArticle(tx, { id: input.id, step: 'published', userId: null, now: input.now });
    await tx.update(articles).set({ liveRevisionId: revisionId }).where(eq(articles.id, input.id));
    if (input.notify) await input.notify(tx, rows[0]!.updatedBy);
    return true;
  });
}

/**
 * A status set directly (the seed, imports, tests), only from the status the caller checked (no lost race).
 * Reaching `published` makes the working version the live one, as every publication does.
 */
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
  return db.transaction(async (tx) => {
    const rows = await tx
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
    if (rows.length !== 1) return false;
    if (input.to === 'published') {
      const revisionId = await snapshotArticle(tx, {
        id: input.id,
        step: 'published',
        userId: input.userId,
        now: input.now,
      });
      await tx.update(articles).set({ liveRevisionId: revisionId }).where(eq(articles.id, input.id));
    }
    return true;
  });
}

export async function scheduledArticles(db: Db): Promise<{ id: string; scheduledAt: Date }[]> {
  const rows = await db
    .select({ id: articles.id, scheduledAt: articles.scheduledAt })
    .from(articles)
    .where(eq(articles.status, 'scheduled'));
  return rows.filter((r): r is { id: string; scheduledAt: Date } => r.scheduledAt !== null);
}
