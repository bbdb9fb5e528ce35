// What arrives at the inbound intake: a delivery report (RFC 3464), a complaint from a feedback loop (ARF, RFC 5965)
// or a reader's unsubscribe request sent through the List-Unsubscribe mailto target (RFC 2369).
import PostalMime, { type Email } from 'postal-mime';
import { forbiddenCharacterIn } from '@crieur/safe-text';
import { NotADsnError, parseDsn, type Dsn } from './parse-dsn';

export type Complaint = {
  /** RFC 5965 Feedback-Type: abuse, fraud, virus, other… */
  feedbackType: string;
  /** Original-Rcpt-To, or the original message's To; null when the provider redacted it */
  email: string | null;
  /** the reported message's Message-ID (ours: "<campaign>.<subscriber>@domain") */
  originalMessageId: string | null;
};

export type UnsubscribeRequest = {
  /** the reader who asked: the request's From address */
  email: string;
  /** our campaign's id, the recipient's subscriber id and list slug, from the subject the mailto target set
   * ("unsubscribe <campaign>.<subscriber> <list>", the local part of that reader's Message-ID) */
  campaignId: string | null;
  subscriberId: string | null;
  listSlug: string | null;
  /** our Message-IDs named in In-Reply-To or References, when a mail client added them */
  messageIds: string[];
  /** the receiving server said the From address failed DMARC: the request may be forged */
  dmarcFailed: boolean;
};

export type InboundMessage =
  | { kind: 'dsn'; dsn: Dsn }
  | { kind: 'complaint'; complaint: Complaint }
  | { kind: 'unsubscribe'; request: UnsubscribeRequest };

export class NotInboundMailError extends Error {
  readonly code = 'NOT_INBOUND_MAIL';
  constructor(reason: string) {
    super(`Not a delivery report, complaint or unsubscribe request: ${reason}`);
    this.name = 'NotInboundMailError';
  }
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
// what our mailto target puts in the subject; a mail client may prefix "Re:" or translate nothing else
const UNSUBSCRIBE_SUBJECT = new RegExp(
  `^\\s*(?:re\\s*:\\s*)?(?:unsubscribe|d[ée]sinscription|se d[ée]sabonner|d[ée]sabonnement)\\b(?:\\s+(${UUID})(?:\\.(${UUID}))?)?(?:\\s+([a-z0-9-]{1,64}))?`,
  'i',
);

/**
 * The subject a List-Unsubscribe mailto target carries: the campaign, the recipient (the local part of their
 * Message-ID, so a request proves which email it answers) and the list. A test send names no recipient.
 */
export function unsubscribeSubject(campaignId: string, listSlug: string, subscriberId?: string): string {
  return `unsubscribe ${campaignId}${subscriberId ? `.${subscriberId}` : ''} ${listSlug}`;
}

const clean = (value: string | null | undefined): string | null =>
  value && forbiddenCharacterIn(value) === undefined ? value : null;

const partText = (a: { content: string | ArrayBuffer | Uint8Array }) =>
  typeof a.content === 'string' ? a.content : Buffer.from(a.content as ArrayBuffer).toString('utf8');

/** "Field: value" lines of a report part, folded lines joined, names lower-cased; first value wins. */
function reportFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  let last: string | undefined;
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    if (/^[ \t]/.test(line) && last) fields.set(last, `${fields.get(last) ?? ''} ${line.trim()}`);
    else {
      const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
      if (m && !fields.has(m[1]!.toLowerCase())) fields.set((last = m[1]!.toLowerCase()), m[2]!.trim());
      else if (m) last = undefined;
    }
  }
  return fields;
}

const bareAddress = (value: string) =>
  value
    .replace(/^[^;<]*;\s*/, '')
    .replace(/^.*<([^>]+)>.*$/, '$1')
    .trim();

function complaintOf(mail: Email): Complaint | null {
  const report = mail.attachments.find((a) => a.mimeType === 'message/feedback-report');
  if (!report) return null;
  const fields = reportFields(partText(report));
  const original = mail.attachments.find(
    (a) => a.mimeType === 'message/rfc822' || a.mimeType === 'text/rfc822-headers',
  );
  const headers = original ? partText(original).split(/\r?\n\r?\n/)[0]! : '';
  const messageId = /^message-id:\s*<?([^>\s]+)>?/im.exec(headers)?.[1] ?? null;
  const to = /^to:\s*(.+)$/im.exec(headers)?.[1];
  const rcpt = fields.get('original-rcpt-to') ?? (to ? bareAddress(to) : '');
  const email = clean(bareAddress(rcpt));
  return {
    feedbackType: (fields.get('feedback-type') ?? 'other').toLowerCase().slice(0, 40),
    // providers that redact the recipient leave "redacted" or a hash: only a real address is kept
    email: email && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) ? email : null,
    originalMessageId: clean(messageId),
  };
}

function unsubscribeOf(mail: Email): UnsubscribeRequest | null {
  const m = UNSUBSCRIBE_SUBJECT.exec(mail.subject ?? '');
  const email = clean(mail.from?.address ?? null);
  if (!m || !email || !email.includes('@')) return null;
  const messageIds = `${mail.inReplyTo ?? ''} ${mail.references ?? ''}`
    .split(/[\s,]+/)
    .map((id) => id.replace(/^<|>$/g, ''))
    .filter((id) => new RegExp(`^${UUID}\\.${UUID}@`, 'i').test(id));
  const authResults = mail.headers
    .filter((h) => h.key === 'authentication-results')
    .map((h) => h.value)
    .join('\n');
  return {
    email,
    campaignId: m[1]?.toLowerCase() ?? null,
    subscriberId: m[2]?.toLowerCase() ?? null,
    listSlug: m[3]?.toLowerCase() ?? null,
    messageIds: [...new Set(messageIds)],
    dmarcFailed: /\bdmarc=fail\b/i.test(authResults),
  };
}

/** Reads one raw message received by the intake and says what it is; throws NotInboundMailError otherwise. */
export async function parseInbound(raw: Buffer | string): Promise<InboundMessage> {
  const mail = await PostalMime.parse(raw, { attachmentEncoding: 'utf8' }).catch((error: unknown) => {
    // a message too deeply nested or broken to read is none of ours: said so, not a server fault retried forever
    throw new NotInboundMailError(
      `unreadable message (${error instanceof Error ? error.message.slice(0, 120) : 'parse error'})`,
    );
  });
  const isDsn = mail.attachments.some(
    (a) => a.mimeType === 'message/delivery-status' || a.mimeType === 'message/global-delivery-status',
  );
  if (isDsn) {
    try {
      return { kind: 'dsn', dsn: await parseDsn(raw) };
    } catch (error) {
      if (error instanceof NotADsnError) throw new NotInboundMailError(error.message);
      throw error;
    }
  }
  const complaint = complaintOf(mail);
  if (complaint) return { kind: 'complaint', complaint };
  const request = unsubscribeOf(mail);
  if (request) return { kind: 'unsubscribe', request };
  throw new NotInboundMailError('no delivery-status or feedback-report part, and no unsubscribe subject');
}
