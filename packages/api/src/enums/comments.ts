// No zod here: the studio imports these lists at run time.

/** What a comment of the review is, as the database's comment_kind enum lists it: a plain comment or a step's note. */
export const COMMENT_KINDS = ['comment', 'submission', 'changes_requested', 'withdrawn'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

/** The longest passage a comment keeps as its quote (the studio cuts longer selections with « … »). */
export const MAX_QUOTE_CHARS = 1000;
