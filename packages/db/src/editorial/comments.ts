// The review's conversation on an article: general and anchored comments, workflow notes, resolved or open.
import { and, asc, eq, isNull, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../shared/tx';
import { articleComments, users } from '../schema';

export type CommentKind = (typeof articleComments.$inferSelect)['kind'];

/** A comment as the studio shows it: who wrote it and who resolved it, by name (else address). */
export type CommentRow = {
  id: number;
  articleId: string;
  kind: CommentKind;
  body: string;
  anchorId: string | null;
  quote: string;
  authorId: string | null;
  author: string | null;
  at: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
};

const resolver = alias(users, 'resolver');
const nameOf = (u: typeof users) => sql<string | null>`coalesce(nullif(${u.name}, ''), ${u.email})`;

const selectComments = (db: DbOrTx) =>
  db
    .select({
      id: articleComments.id,
      articleId: articleComments.articleId,
      kind: articleComments.kind,
      body: articleComments.body,
      anchorId: articleComments.anchorId,
      quote: articleComments.quote,
      authorId: articleComments.authorId,
      author: nameOf(users),
      at: articleComments.createdAt,
      resolvedAt: articleComments.resolvedAt,
      resolvedBy: sql<string | null>`coalesce(nullif(${resolver.name}, ''), ${resolver.email})`,
    })
    .from(articleComments)
    .leftJoin(users, eq(users.id, articleComments.authorId))
    .leftJoin(resolver, eq(resolver.id, articleComments.resolvedBy));

/** Adds a comment; `anchorId` and `quote` for a passage of the body, `kind` for a note that came with a step. */
export async function addComment(
  db: DbOrTx,
  input: {
    articleId: string;
    authorId: string;
    body: string;
    kind?: CommentKind;
    anchorId?: string | null;
    quote?: string;
    now: Date;
  },
): Promise<CommentRow> {
  const [row] = await db
    .insert(articleComments)
    .values({
      articleId: input.articleId,
      authorId: input.authorId,
      body: input.body,
      kind: input.kind ?? 'comment',
      anchorId: input.anchorId ?? null,
      quote: input.anchorId ? (input.quote ?? '') : '',
      createdAt: input.now,
    })
    .returning({ id: articleComments.id });
  return (await getComment(db, { articleId: input.articleId, commentId: row!.id }))!;
}

/** The whole conversation in time order (resolved comments included: the studio filters them). */
export async function listComments(db: DbOrTx, articleId: string): Promise<CommentRow[]> {
  return selectComments(db).where(eq(articleComments.articleId, articleId)).orderBy(asc(articleComments.id));
}

export async function getComment(
  db: DbOrTx,
  input: { articleId: string; commentId: number },
): Promise<CommentRow | null> {
  const [row] = await selectComments(db).where(
    and(eq(articleComments.articleId, input.articleId), eq(articleComments.id, input.commentId)),
  );
  return row ?? null;
}

/**
 * Resolves or reopens a comment of this article; null if there is none. Resolving twice keeps the first
 * resolver and date, so two people closing the same thread do not overwrite each other.
 */
export async function setCommentResolved(
  db: DbOrTx,
  input: { articleId: string; commentId: number; resolved: boolean; userId: string; now: Date },
): Promise<CommentRow | null> {
  const target = and(eq(articleComments.articleId, input.articleId), eq(articleComments.id, input.commentId));
  await db
    .update(articleComments)
    .set(input.resolved ? { resolvedAt: input.now, resolvedBy: input.userId } : { resolvedAt: null, resolvedBy: null })
    .where(and(target, input.resolved ? isNull(articleComments.resolvedAt) : isNotNull(articleComments.resolvedAt)));
  return getComment(db, input);
}
