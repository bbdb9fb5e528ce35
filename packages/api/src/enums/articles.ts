// No zod here: the studio imports these lists at run time (selects, filters, badges).

/** An article's place in the workflow, as the database's article_status enum lists it. */
export const ARTICLE_STATUSES = ['draft', 'in_review', 'approved', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** A workflow step staff ask for (POST /api/articles/:id/transition), as @crieur/editorial's TRANSITIONS lists them. */
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
