export { createMailer } from './create-mailer';
export type { CreateMailerOptions, Mailer, SendResult } from './create-mailer';
export { OutboundMessage, InvalidMessageError } from './outbound-message';
export { classifySmtpError, SmtpSendError } from './classify-smtp-error';
export type { SmtpErrorClassification } from './classify-smtp-error';
export { listOutbox } from './list-outbox';
export type { OutboxEntry } from './list-outbox';
