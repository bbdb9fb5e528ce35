import type { SendMailOptions } from 'nodemailer';
import { listIdValue, listUnsubscribeValue } from './list-headers';
import type { OutboundMessage } from './outbound-message';

// nodemailer reads `prepared` only inside the value object of a { key, value } header entry
type PreparedHeader = { key: string; value: { value: string; prepared: true; foldLines: true } };

// DKIM fields we sign: nodemailer's RFC 4871 default list plus the headers receivers trust us on
export const DKIM_SIGNED_HEADERS = [
  'From',
  'Sender',
  'Reply-To',
  'Subject',
  'Date',
  'Message-ID',
  'To',
  'Cc',
  'MIME-Version',
  'Content-Type',
  'Content-Transfer-Encoding',
  'Content-ID',
  'Content-Description',
  'In-Reply-To',
  'References',
  'List-Id',
  'List-Help',
  'List-Unsubscribe',
  'List-Unsubscribe-Post',
  'List-Subscribe',
  'List-Post',
  'List-Owner',
  'List-Archive',
  'Auto-Submitted',
].join(':');

function header(key: string, value: string): PreparedHeader {
  // prepared: the values below are already RFC 5322 tokens, nodemailer must not re-encode them
  return { key, value: { value, prepared: true, foldLines: true } };
}

/** The List-* or Auto-Submitted headers for a validated message. */
export function buildHeaders(message: OutboundMessage): PreparedHeader[] {
  if (message.kind === 'transactional') return [header('Auto-Submitted', 'auto-generated')];
  const { list, unsubscribe } = message;
  if (!list || !unsubscribe) throw new Error('list mail needs list and unsubscribe');
  return [
    header('List-Id', listIdValue(list)),
    header('List-Unsubscribe', listUnsubscribeValue(unsubscribe.url, unsubscribe.mailto)),
    header('List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'),
  ];
}

/** nodemailer options for a validated message: always multipart/alternative text + HTML in UTF-8. */
export function buildMailOptions(message: OutboundMessage, options: { messageId: string }): SendMailOptions {
  return {
    from: message.from,
    to: message.to,
    ...(message.replyTo ? { replyTo: message.replyTo } : {}),
    // bounces come back to MAIL_FROM's mailbox even when From shows the organisation's address
    ...(message.envelopeFrom ? { envelope: { from: message.envelopeFrom, to: message.to } } : {}),
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: `<${options.messageId}>`,
    headers: buildHeaders(message),
    // a fixed encoding skips nodemailer's per-part scan (about a fifth of its CPU per message)
    textEncoding: 'quoted-printable',
    // bodies are inline strings: nodemailer must never read a file or fetch a URL for us
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
