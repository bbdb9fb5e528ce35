export type ArticleStatus = 'draft' | 'in_review' | 'approved' | 'scheduled' | 'published' | 'unpublished';
export type TransitionAction =
  | 'submit'
  | 'withdraw'
  | 'request_changes'
  | 'approve'
  | 'schedule'
  | 'unschedule'
  | 'publish'
  | 'unpublish'
  | 'submit_update'
  | 'update';
export type EditorialRole = 'admin' | 'editor' | 'author' | 'sender';
export type ReviewEvent =
  | 'submitted'
  | 'update_submitted'
  | 'withdrawn'
  | 'commented'
  | 'changes_requested'
  | 'approved'
  | 'scheduled'
  | 'published';
export type NoteKind = 'comment' | 'submission' | 'changes_requested' | 'withdrawn';

/** Where an article stands: its status, and for a live one whether an author's changes wait for review. */
export type ArticleState = {
  status: ArticleStatus;
  /** an author proposed the working version of a live article ("Proposer ces modifications") */
  updateInReview?: boolean;
  /** the working version differs from the live one */
  liveDiffers?: boolean;
};

type Rule = {
  from: readonly ArticleStatus[];
  to: ArticleStatus;
  // 'author-owner': only the author who wrote it (editors publish their changes themselves); 'owner': whoever
  // created it, any role (a withdrawal is the sender's own decision; editors send back with a note instead)
  who: 'owner-or-editor' | 'editor' | 'author-owner' | 'owner';
  /** on a live article: the state of the author's proposal this rule needs */
  updateInReview?: boolean;
  /** something to publish or propose: the working version differs from the live one, or a proposal waits */
  needsChanges?: boolean;
  /** update_in_review afterwards (unchanged when absent) */
  setsUpdateInReview?: boolean;
};

// The workflow of DESIGN: authors write and submit; editors and admins review, schedule, publish. A published
// article keeps its live version; its working version reaches readers only through "Mettre à jour".
export const TRANSITIONS: Record<TransitionAction, readonly Rule[]> = {
  submit: [{ from: ['draft'], to: 'in_review', who: 'owner-or-editor' }],
  withdraw: [
    { from: ['in_review'], to: 'draft', who: 'owner' },
    { from: ['published'], to: 'published', who: 'owner', updateInReview: true, setsUpdateInReview: false },
  ],
  request_changes: [
    { from: ['in_review', 'approved'], to: 'draft', who: 'editor' },
    { from: ['published'], to: 'published', who: 'editor', updateInReview: true, setsUpdateInReview: false },
  ],
  approve: [{ from: ['in_review'], to: 'approved', who: 'editor' }],
  schedule: [{ from: ['approved', 'unpublished'], to: 'scheduled', who: 'editor' }],
  unschedule: [{ from: ['scheduled'], to: 'approved', who: 'editor' }],
  publish: [
    { from: ['approved', 'scheduled', 'unpublished'], to: 'published', who: 'editor', setsUpdateInReview: false },
  ],
  unpublish: [{ from: ['published'], to: 'unpublished', who: 'editor', setsUpdateInReview: false }],
  submit_update: [
    {
      from: ['published'],
      to: 'published',
      who: 'author-owner',
      updateInReview: false,
      needsChanges: true,
      setsUpdateInReview: true,
    },
  ],
  update: [{ from: ['published'], to: 'published', who: 'editor', needsChanges: true, setsUpdateInReview: false }],
};

/** What else a step does: the email it sends, the kind of its note, the version it keeps. */
export const TRANSITION_EFFECTS: Record<
  TransitionAction,
  { event: ReviewEvent | null; noteKind: NoteKind; snapshot: 'submitted' | 'published' | null; noteRequired?: true }
> = {
  submit: { event: 'submitted', noteKind: 'submission', snapshot: 'submitted' },
  withdraw: { event: 'withdrawn', noteKind: 'withdrawn', snapshot: null },
  request_changes: { event: 'changes_requested', noteKind: 'changes_requested', snapshot: null, noteRequired: true },
  approve: { event: 'approved', noteKind: 'comment', snapshot: null },
  schedule: { event: 'scheduled', noteKind: 'comment', snapshot: null },
  unschedule: { event: null, noteKind: 'comment', snapshot: null },
  publish: { event: 'published', noteKind: 'comment', snapshot: 'published' },
  unpublish: { event: null, noteKind: 'comment', snapshot: null },
  submit_update: { event: 'update_submitted', noteKind: 'submission', snapshot: 'submitted' },
  update: { event: 'published', noteKind: 'comment', snapshot: 'published' },
};

const isEditor = (role: EditorialRole) => role === 'admin' || role === 'editor';

function allows(rule: Rule, input: { role: EditorialRole; isOwner: boolean } & ArticleState): boolean {
  if (!rule.from.includes(input.status)) return false;
  const inReview = input.updateInReview ?? false;
  if (rule.updateInReview !== undefined && rule.updateInReview !== inReview) return false;
  if (rule.needsChanges && !(input.liveDiffers || inReview)) return false;
  if (rule.who === 'editor') return isEditor(input.role);
  if (rule.who === 'author-owner') return input.role === 'author' && input.isOwner;
  if (rule.who === 'owner') return input.role !== 'sender' && input.isOwner;
  return isEditor(input.role) || (input.role === 'author' && input.isOwner);
}

/** The rule a step follows from this state, if the viewer may take it. */
export function transitionRule(
  input: { role: EditorialRole; isOwner: boolean; action: TransitionAction } & ArticleState,
): Rule | null {
  return TRANSITIONS[input.action].find((rule) => allows(rule, input)) ?? null;
}

export function canTransition(
  input: { role: EditorialRole; isOwner: boolean; action: TransitionAction } & ArticleState,
): boolean {
  return transitionRule(input) !== null;
}

export function allowedTransitions(
  input: { role: EditorialRole; isOwner: boolean } & ArticleState,
): TransitionAction[] {
  return (Object.keys(TRANSITIONS) as TransitionAction[]).filter((action) => canTransition({ ...input, action }));
}

/**
 * Authors edit their own drafts, and their own live article while no proposal of theirs waits for review (the
 * changes stay in the working version); editors and admins edit anything (corrections after publication too).
 */
export function canEdit(input: { role: EditorialRole; isOwner: boolean } & ArticleState): boolean {
  if (isEditor(input.role)) return true;
  if (input.role !== 'author' || !input.isOwner) return false;
  return input.status === 'draft' || (input.status === 'published' && !input.updateInReview);
}

export function canCreate(role: EditorialRole): boolean {
  return role !== 'sender';
}
