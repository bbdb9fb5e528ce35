import type { ArticleDetail, ArticleSummary } from '@crieur/api';
import { allowedTransitions, canEdit, type EditorialRole } from '@crieur/editorial';
import { wordCount, type ArticleDoc } from '@crieur/content';
import type { ArticleWithRefs, User } from '@crieur/db';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

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

export function articleDetail(
  a: ArticleWithRefs,
  viewer: User,
  comments: { id: number; author: string | null; body: string; at: Date }[],
): ArticleDetail {
  const rights = { role: viewer.role as EditorialRole, isOwner: a.createdBy === viewer.id, status: a.status };
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
    comments: comments.map((c) => ({ id: c.id, author: c.author, body: c.body, at: c.at.toISOString() })),
  };
}
