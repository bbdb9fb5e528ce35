import { z } from 'zod';
import { COMMENT_ANCHOR_ID } from '@crieur/content';
import { NumericId, Timestamp, Uuid } from './common';
import { ARTICLE_STATUSES } from './enums/articles';
import { COMMENT_KINDS, MAX_QUOTE_CHARS } from './enums/comments';
import { defineRoutes } from './route';

export const CommentKind = z.enum(COMMENT_KINDS);
export type CommentKind = z.infer<typeof CommentKind>;

/**
 * A comment of the review. `anchorId` is the id of the `commentAnchor` mark around the passage it discusses
 * (null for a general comment), `quote` that passage as it was; `author` and `resolvedBy` are null once the
 * staff account is gone.
 */
export const ArticleComment = z.object({
  id: z.number().int(),
  kind: CommentKind,
  author: z.string().nullable(),
  body: z.string(),
  anchorId: z.string().nullable(),
  quote: z.string(),
  at: Timestamp,
  resolvedAt: Timestamp.nullable(),
  resolvedBy: z.string().nullable(),
});
export type ArticleComment = z.infer<typeof ArticleComment>;

export const CommentBody = z
  .object({
    body: z.string().trim().min(1).max(5000),
    /** the id of the mark the studio put around the passage */
    anchorId: z.string().regex(COMMENT_ANCHOR_ID, 'Lettres, chiffres, _ et - seulement (40 au maximum).').optional(),
    /** the passage's text when it was commented */
    quote: z.string().trim().max(MAX_QUOTE_CHARS).optional(),
  })
  .refine((b) => b.quote === undefined || b.anchorId !== undefined, {
    message: 'Un extrait ne va qu’avec un passage commenté (anchorId).',
    path: ['quote'],
  });
export type CommentBody = z.infer<typeof CommentBody>;

const ArticleStatus = z.enum(ARTICLE_STATUSES);

/** An article waiting for an editor: a submission, or changes proposed to a live article. */
export const ReviewQueueItem = z.object({
  id: Uuid,
  title: z.string(),
  status: ArticleStatus,
  updateInReview: z.boolean(),
  authors: z.array(z.string()),
  /** the staff member who wrote it (name, else address) */
  owner: z.string().nullable(),
  sentAt: Timestamp,
  /** the note sent with the submission */
  note: z.string().nullable(),
});
export type ReviewQueueItem = z.infer<typeof ReviewQueueItem>;

/** An article the viewer created, with the editors' latest decision note while it is the last word. */
export const MyArticle = z.object({
  id: Uuid,
  title: z.string(),
  status: ArticleStatus,
  updateInReview: z.boolean(),
  updatedAt: Timestamp,
  scheduledAt: Timestamp.nullable(),
  publishedAt: Timestamp.nullable(),
  decision: z.object({ body: z.string(), by: z.string().nullable(), at: Timestamp }).nullable(),
});
export type MyArticle = z.infer<typeof MyArticle>;

const ArticleParams = z.object({ id: Uuid });
const CommentParams = z.object({ id: Uuid, commentId: NumericId });
const CommentAnswer = z.object({ comment: ArticleComment });

export const articleCommentsRoutes = defineRoutes({
  'GET /api/articles/:id/comments': {
    summary: 'The review’s conversation on an article, in time order, resolved comments included',
    params: ArticleParams,
    response: z.object({ comments: z.array(ArticleComment) }),
  },
  'POST /api/articles/:id/comments': {
    summary: 'Comment on an article, or on a passage of it (anchorId and quote); the other side is told by email',
    params: ArticleParams,
    body: CommentBody,
    status: 201,
    response: CommentAnswer,
  },
  'POST /api/articles/:id/comments/:commentId/resolve': {
    summary: 'Mark a comment resolved (its passage is no longer highlighted)',
    params: CommentParams,
    response: CommentAnswer,
  },
  'POST /api/articles/:id/comments/:commentId/reopen': {
    summary: 'Reopen a resolved comment',
    params: CommentParams,
    response: CommentAnswer,
  },
  'GET /api/articles/review-queue': {
    summary: 'Articles waiting for an editor (submitted, or changes proposed to a live one), oldest first',
    response: z.object({ articles: z.array(ReviewQueueItem) }),
  },
  'GET /api/articles/mine': {
    summary: 'The articles the viewer created, last changed first, with the latest decision note',
    response: z.object({ articles: z.array(MyArticle) }),
  },
});
