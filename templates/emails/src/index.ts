export {
  renderConfirmSubscription,
  ConfirmSubscriptionEmail,
  CONFIRMATION_VALID_DAYS,
} from './confirm-subscription-email';
export type { ConfirmSubscriptionProps } from './confirm-subscription-email';
export { renderWelcome, WelcomeEmail } from './welcome-email';
export type { WelcomeProps } from './welcome-email';
export { renderGoodbye, GoodbyeEmail } from './goodbye-email';
export type { GoodbyeProps } from './goodbye-email';
export { renderStaffInvitation, StaffInvitationEmail, INVITATION_VALID_DAYS } from './staff-invitation-email';
export type { StaffInvitationProps } from './staff-invitation-email';
export { Layout, ASSOCIATION } from './layout';
export type { RenderedEmail } from './render-email';
