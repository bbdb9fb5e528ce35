export type ArticleStatus = 'draft' | 'in_review' | 'approved' | 'scheduled' | 'published' | 'unpublished';
export type TransitionAction =
  'submit' | 'request_changes' | 'approve' | 'schedule' | 'unschedule' | 'publish' | 'unpublish';
export type EditorialRole = 'admin' | 'editor' | 'author' | 'sender';

type Rule = { from: readonly ArticleStatus[]; to: ArticleStatus; who: 'owner-or-editor' | 'editor' };

// The workflow of DESIGN: authors write and submit; editors and admins review, schedule, publish.
export const TRANSITIONS: Record<TransitionAction, Rule> = {
  submit: { from: ['draft'], to: 'in_review', who: 'owner-or-editor' },
  request_changes: { from: ['in_review', 'approved'], to: 'draft', who: 'editor' },
  approve: { from: ['in_review'], to: 'approved', who: 'editor' },
  schedule: { from: ['approved', 'unpublished'], to: 'scheduled', who: 'editor' },
  unschedule: { from: ['scheduled'], to: 'approved', who: 'editor' },
  publish: { from: ['approved', 'scheduled', 'unpublished'], to: 'published', who: 'editor' },
  unpublish: { from: ['published'], to: 'unpublished', who: 'editor' },
};

const isEditor = (role: EditorialRole) => role === 'admin' || role === 'editor';

export function canTransition(input: {
  role: EditorialRole;
  isOwner: boolean;
  status: ArticleStatus;
  action: TransitionAction;
}): boolean {
  const rule = TRANSITIONS[input.action];
  if (!rule.from.includes(input.status)) return false;
  if (rule.who === 'editor') return isEditor(input.role);
  return isEditor(input.role) || (input.role === 'author' && input.isOwner);
}

export function allowedTransitions(input: {
  role: EditorialRole;
  isOwner: boolean;
  status: ArticleStatus;
}): TransitionAction[] {
  return (Object.keys(TRANSITIONS) as TransitionAction[]).filter((action) => canTransition({ ...input, action }));
}

/** Authors edit their own drafts; editors and admins edit anything (corrections after publication too). */
export function canEdit(input: { role: EditorialRole; isOwner: boolean; status: ArticleStatus }): boolean {
  if (isEditor(input.role)) return true;
  return input.role === 'author' && input.isOwner && input.status === 'draft';
}

export function canCreate(role: EditorialRole): boolean {
  return role !== 'sender';
}
