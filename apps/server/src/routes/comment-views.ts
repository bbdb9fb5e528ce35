import type { ArticleComment, MyArticle, ReviewQueueItem } from '@crieur/api';
import type { CommentRow, MyArticleRow, ReviewQueueRow } from '@crieur/db';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function commentView(c: CommentRow): ArticleComment {
  return {
    id: c.id,
    kind: c.kind,
    author: c.author,
    body: c.body,
    anchorId: c.anchorId,
    quote: c.quote,
    at: c.at.toISOString(),
    resolvedAt: iso(c.resolvedAt),
    resolvedBy: c.resolvedBy,
  };
}

export function reviewQueueItem(r: ReviewQueueRow): ReviewQueueItem {
  return { ...r, sentAt: r.sentAt.toISOString() };
}

export function myArticle(r: MyArticleRow): MyArticle {
  return {
    ...r,
    updatedAt: r.updatedAt.toISOString(),
    scheduledAt: iso(r.scheduledAt),
    publishedAt: iso(r.publishedAt),
    decision: r.decision ? { ...r.decision, at: r.decision.at.toISOString() } : null,
  };
}
