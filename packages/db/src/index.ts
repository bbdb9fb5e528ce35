export { openDatabase, type Database, type Db, type OpenDatabaseOptions } from './database';
export { DatabaseInUseError } from './embedded/database-in-use-error';
export { DuplicateEmailError, NotFoundError } from './errors';
export type { User, UserRow, Role, UserStatus } from './users/user-row';
export { createUser } from './users/create-user';
export { findUserForLogin, findUserById, listUsers, countUsers } from './users/find-user';
export { updateUser, setUserPassword, recordFailedLogin, recordSuccessfulLogin } from './users/update-user';
export {
  inviteStaff,
  resendInvitation,
  issueInvitationToken,
  latestInvitations,
  findOpenInvitation,
  useInvitation,
  type InviteOutcome,
  type ResendOutcome,
} from './users/invitations';
export { getStaffPreferences, setStaffPreferences, type StaffPreferences } from './users/preferences';
export {
  getOrganisation,
  setOrganisationName,
  updateOrganisation,
  type Organisation,
  type OrganisationPatch,
} from './organisation/organisation';
export { getEmbedOrigins, setEmbedOrigins } from './organisation/embed-origins';
export {
  getNewsletterBranding,
  listNewsletterBrandings,
  updateNewsletterBranding,
  type NewsletterBranding,
  type NewsletterBrandingPatch,
  type NewsletterKindName,
} from './organisation/newsletter-branding';
export {
  LEGAL_PAGE_SLUGS,
  getLegalPage,
  listLegalPages,
  updateLegalPage,
  type LegalPage,
  type LegalPageSlug,
} from './organisation/legal-pages';
export { mediaForEmail, type MediaEmailInfo } from './media/media-for-email';
export { onboardingStatus, type OnboardingStatus } from './onboarding/onboarding-status';
export { ensureFirstAdmin } from './users/ensure-first-admin';
export {
  createSession,
  findActiveSession,
  touchSession,
  deleteSession,
  deleteUserSessions,
  deleteExpiredSessions,
  SESSION_MAX_DAYS,
  type ActiveSession,
} from './sessions/sessions';
export { appendAudit, listAudit, type AuditAction, type AuditEntry } from './audit/audit-log';
export { hasLoggedInFrom } from './audit/has-logged-in-from';
export { auditNames, type AuditNames, type AuditRefs } from './audit/audit-names';
export { listLists, type List } from './lists/lists';
export * from './subscribers';
export * from './editorial';
export {
  searchArticles,
  MATCH_START,
  MATCH_END,
  SEARCH_QUERY_MAX,
  type SearchHit,
  type SearchResult,
} from './editorial/search';
export { siteStamp, type SiteStamp } from './editorial/site-stamp';
export * from './staff-mail';
export * from './campaigns';
export * from './sending';
export * from './growth';
export * from './contributions';
