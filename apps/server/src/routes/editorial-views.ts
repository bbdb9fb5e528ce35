import type { ArticleDetail, ArticleSummary } from '@crieur/api';
import { allowedTransitions, canEdit, type ArticleState, type EditorialRole } from '@crieur/editorial';
import { readerDoc, wordCount, type ArticleDoc } from '@crieur/content';
import type { ArticleWithRefs, CommentRow, User } from '@crieur/db';
import { commentView } from './comment-views';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/**
 * Whether readers would see a change: the database compares the stored fields; a body that differs only by comment
 * anchors (marks readers never see) is the same article to them, so it is compared again without them.
 */
export function liveDiffers(a: ArticleWithRefs): boolean {
  if (!a.live?.differs) return false;
  const { live } = a;
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  if (
    !same(
      [a.title, a.lede, a.coverMediaId, a.tags, a.authors],
      [live.title, live.lede, live.coverMediaId, live.tags, live.authors],
    )
  )
    return true;
  return !same(readerDoc(a.body as unknown as ArticleDoc), readerDoc(live.body as unknown as ArticleDoc));
}

/** What the workflow needs of an article: its status, a proposal waiting, a working version unlike the live one. */
export const articleState = (a: ArticleWithRefs): ArticleState => ({
  status: a.status,
  updateInReview: a.updateInReview,
  liveDiffers: liveDiffers(a),
});

export function articleSummary(a: ArticleWithRefs): ArticleSummary {
  return {
    id: a.id,
    slug: a.slug,
    title: a.title,
    status: a.status,
    rubrique: a.rubrique,
    dossier: a.dossier ? { id: a.dossier.id, title: a.dossier.title } : null,
    authors: a.authors,
    updatedAt: a.updatedAt.toISOString(),
    scheduledAt: iso(a.scheduledAt),
    publishedAt: iso(a.publishedAt),
    version: a.version,
  };
}

export function articleDetail(a: ArticleWithRefs, viewer: User, comments: CommentRow[]): ArticleDetail {
  const rights = { role: viewer.role as EditorialRole, isOwner: a.createdBy === viewer.id, ...articleState(a) };
  // stored only after @crieur/content's checks (and checked again on the way out by the contract)
  const body = a.body as unknown as ArticleDoc;
  return {
    ...articleSummary(a),
    lede: a.lede,
    body,
    tags: a.tags,
    coverMediaId: a.coverMediaId,
    wordCount: wordCount(body),
    canEdit: canEdit(rights),
    allowedTransitions: allowedTransitions(rights),
    updatedBy: a.updatedByName,
    comments: comments.map(commentView),
    updateInReview: a.updateInReview,
    live: a.live ? { revisionId: a.live.id, savedAt: a.live.savedAt.toISOString(), differs: liveDiffers(a) } : null,
  };
}
