// ——— editorial ———

export type Rubrique = { id: string; slug: string; name: string; description: string };

export const ARTICLE_STATUSES = ['draft', 'in_review', 'approved', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const ARTICLE_ACTIONS = [
  'submit',
  'request_changes',
  'approve',
  'schedule',
  'unschedule',
  'publish',
  'unpublish',
] as const;
export type ArticleAction = (typeof ARTICLE_ACTIONS)[number];

/** A row of GET /api/articles. */
export type ArticleSummary = {
  id: string;
  slug: string;
  title: string;
  status: ArticleStatus;
  rubrique: { slug: string; name: string };
  dossier: { id: string; title: string } | null;
  authors: string[];
  updatedAt: string;
  scheduledAt: string | null;
  publishedAt: string | null;
  version: number;
};

/** Tiptap JSON, as @crieur/content's ArticleDoc; kept loose here so the initial chunk needs no editor code. */
export type ArticleBody = { type: 'doc'; content?: unknown[] };

export type ArticleComment = { id: string; author: string; body: string; at: string };

export type ArticleDetail = ArticleSummary & {
  lede: string;
  body: ArticleBody;
  tags: string[];
  coverMediaId: string | null;
  wordCount: number;
  canEdit: boolean;
  allowedTransitions: ArticleAction[];
  updatedBy: string | null;
  comments: ArticleComment[];
};

/** The body of PUT /api/articles/:id: the whole article and the version it was based on. */
export type ArticleInput = {
  version: number;
  title: string;
  slug: string;
  lede: string;
  body: ArticleBody;
  rubrique: string;
  dossierId: string | null;
  tags: string[];
  authors: string[];
  coverMediaId: string | null;
};

/** `current` of a 409 EDIT_CONFLICT: the version someone else saved. */
export type EditConflict = { version: number; updatedAt: string; updatedBy: string | null };

export type RevisionSummary = { id: string; version: number; savedAt: string; savedBy: string | null; title: string };
export type Revision = {
  id: string;
  version: number;
  title: string;
  lede: string;
  body: ArticleBody;
  savedAt: string;
  savedBy: string | null;
};

export type CalendarItem = {
  id: string;
  title: string;
  status: ArticleStatus;
  scheduledAt: string | null;
  publishedAt: string | null;
  rubrique: { slug: string; name: string };
};
