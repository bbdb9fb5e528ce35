export {
  TRANSITIONS,
  canTransition,
  allowedTransitions,
  canEdit,
  canCreate,
  type ArticleStatus,
  type TransitionAction,
  type EditorialRole,
} from './workflow';
export { slugify } from './slugify';
