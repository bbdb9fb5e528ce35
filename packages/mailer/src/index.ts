export { createMailer } from './create-mailer';
export type { CreateMailerOptions, Mailer, SendResult } from './create-mailer';
export { OutboundMessage, InvalidMessageError } from './outbound-message';
export { RawMessage } from './raw-message';
export { classifySmtpError, SmtpSendError } from './classify-smtp-error';
export type { SmtpErrorClassification, SmtpStage } from './classify-smtp-error';
export { listOutbox } from './list-outbox';
export type { OutboxEntry } from './list-outbox';
export { parseDsn, NotADsnError } from './parse-dsn';
export type { Dsn, DsnRecipient } from './parse-dsn';
export { CampaignMessageInput, CampaignRecipient } from './campaign-message';
export { prepareCampaignMessage } from './prepare-campaign-message';
export type { PreparedCampaignMessage, RenderOptions } from './prepare-campaign-message';
export { createDkimSigner, signRaw, DkimSignError } from './sign-raw';
export type { DkimSettings, DkimSigner, DkimSignOptions } from './sign-raw';
export { HeaderTooLongError } from './mime-header';
export { mailFromAddress, mailFromName, listDomain, senderOf } from './sender-address';
export type { Sender, SenderDefaults } from './sender-address';
export {
  NotInboundMailError,
  parseInbound,
  unsubscribeSubject,
  type Complaint,
  type InboundMessage,
  type UnsubscribeRequest,
} from './parse-inbound';
