export {
  TRANSITIONS,
  TRANSITION_EFFECTS,
  transitionRule,
  canTransition,
  allowedTransitions,
  canEdit,
  canCreate,
  type ArticleState,
  type ArticleStatus,
  type NoteKind,
  type ReviewEvent,
  type TransitionAction,
  type EditorialRole,
} from './workflow';
export { thinRevisions, SESSION_GAP_MS, type RevisionEntry, type RevisionStep } from './revision-history';
export { slugify } from './slugify';
