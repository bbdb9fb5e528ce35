// No zod here: the studio imports these lists at run time (selects, filters, badges).

/** An article's place in the workflow, as the database's article_status enum lists it. */
export const ARTICLE_STATUSES = ['draft', 'in_review', 'approved', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** A workflow step staff ask for (POST /api/articles/:id/transition), as @crieur/editorial's TRANSITIONS lists them. */
export const ARTICLE_ACTIONS = [
  'submit',
  'withdraw',
  'request_changes',
  'approve',
  'schedule',
  'unschedule',
  'publish',
  'unpublish',
  'submit_update',
  'update',
] as const;
export type ArticleAction = (typeof ARTICLE_ACTIONS)[number];

/** What made a saved version, as the database's revision_step enum lists it. */
export const REVISION_STEPS = ['autosave', 'submitted', 'published', 'restored'] as const;
export type RevisionStep = (typeof REVISION_STEPS)[number];
