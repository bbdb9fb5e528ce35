export {
  renderConfirmSubscription,
  ConfirmSubscriptionEmail,
  CONFIRMATION_VALID_DAYS,
} from './confirm-subscription-email';
export type { ConfirmSubscriptionProps } from './confirm-subscription-email';
export { renderWelcome, WelcomeEmail } from './welcome-email';
export type { WelcomeList, WelcomeProps } from './welcome-email';
export { renderGoodbye, GoodbyeEmail } from './goodbye-email';
export type { GoodbyeProps } from './goodbye-email';
export {
  renderStaffInvitation,
  StaffInvitationEmail,
  INVITATION_VALID_DAYS,
  STAFF_ROLE_LABELS,
  invitationSubject,
} from './staff-invitation-email';
export type { StaffInvitationProps } from './staff-invitation-email';
export { renderPasswordReset, PasswordResetEmail, PASSWORD_RESET_SUBJECT } from './password-reset-email';
export type { PasswordResetProps } from './password-reset-email';
export { renderReviewNotification, ReviewNotificationEmail } from './review-notification-email';
export { renderCampaignStopped, CampaignStoppedEmail, campaignStoppedSubject } from './campaign-stopped-email';
export type { CampaignStop, CampaignStoppedProps, StoppedCampaign } from './campaign-stopped-email';
export type { ReviewNotificationProps } from './review-notification-email';
export { REVIEW_EVENTS, reviewSubject, reviewSentence, parisDateTime } from './review-wording';
export type { ReviewEventName, ReviewPiece } from './review-wording';
export { Layout } from './layout';
export { titleFonts, type EmailBrand, type EmailIdentity } from './theme';
export { typesetHtml } from './render-email';
export type { RenderedEmail } from './render-email';
export { renderContributionConfirm, ContributionConfirmEmail } from './contribution-confirm-email';
export type { ContributionConfirmProps } from './contribution-confirm-email';
export { renderContributionAccepted, ContributionAcceptedEmail } from './contribution-accepted-email';
export type { ContributionAcceptedProps } from './contribution-accepted-email';
export { renderContributionChanges, ContributionChangesEmail } from './contribution-changes-email';
export type { ContributionChangesProps } from './contribution-changes-email';
export { renderContributionRefused, ContributionRefusedEmail } from './contribution-refused-email';
export type { ContributionRefusedProps } from './contribution-refused-email';
export type { ContributionKindName, ContributionSubject } from './contribution-parts';
