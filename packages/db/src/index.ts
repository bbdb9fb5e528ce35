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
export {
  getNewsletterBranding,
  listNewsletterBrandings,
  updateNewsletterBranding,
  type NewsletterBranding,
  type NewsletterBrandingPatch,
  type NewsletterKindName,
} from './organisation/newsletter-branding';
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
  type ActiveSession,
} from './sessions/sessions';
export { appendAudit, listAudit, type AuditAction, type AuditEntry } from './audit/audit-log';
export { hasLoggedInFrom } from './audit/has-logged-in-from';
export { auditNames, type AuditNames, type AuditRefs } from './audit/audit-names';
export { listLists, type List } from './lists/lists';
export * from './subscribers';
export * from './editorial';
export * from './staff-mail';
export * from './campaigns';
export * from './sending';
export * from './growth';
