export { queueReviewMail, type ReviewEvent } from './queue-review-mail';
export { findStaffMail, type StaffMailRow } from './find-staff-mail';
export { prepareInvitationEmail, type InvitationEmail, type StaffMailSkip } from './prepare-invitation-email';
export { preparePasswordResetEmail, type PasswordResetEmail } from './prepare-password-reset-email';
export { reviewMailData, type ReviewMailData } from './review-mail-data';
export { markStaffMailSent } from './mark-staff-mail-sent';
export { owedStaffMail } from './owed-staff-mail';
export { requestPasswordReset, findOpenPasswordReset, completePasswordReset } from './password-reset';
