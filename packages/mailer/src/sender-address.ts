// The installation's sending identity, shared by test sends, campaigns and transactional mail.
import { singleAddress } from './outbound-message';

/** The address part of MAIL_FROM ("démocratieS <lettre@example.org>" or a bare address). */
export function mailFromAddress(mailFrom: string): string {
  return /<([^<>]+)>\s*$/.exec(mailFrom)?.[1]?.trim() ?? mailFrom.trim();
}

/** The display name of MAIL_FROM ("démocratieS" of "démocratieS <lettre@example.org>"), '' for a bare address. */
export function mailFromName(mailFrom: string): string {
  const name = /^(.*?)<[^<>]+>\s*$/.exec(mailFrom.trim())?.[1]?.trim() ?? '';
  return name.replace(/^"(.*)"$/, '$1').replace(/\\(.)/g, '$1');
}

/** The organisation's sending defaults, as stored ('' when unset). */
export type SenderDefaults = { name: string; senderName: string; senderEmail: string; replyTo: string };

/** Header From, Reply-To and envelope sender (Return-Path) of one message. */
export type Sender = { from: string; replyTo?: string; envelopeFrom: string };

/**
 * Who a message is from: the campaign's name, else the organisation's sender name, else its name, else MAIL_FROM's;
 * the organisation's sender address, else MAIL_FROM's; the campaign's Reply-To, else the organisation's.
 * The envelope stays MAIL_FROM's address whatever the From: bounces come back to the installation and SPF is
 * checked on its domain, so an organisation address on another domain passes DMARC only through DKIM_DOMAIN.
 */
export function senderOf(input: {
  mailFrom: string;
  organisation?: SenderDefaults | null;
  fromName?: string | null;
  replyTo?: string | null;
}): Sender {
  const org = input.organisation;
  const envelopeFrom = mailFromAddress(input.mailFrom);
  const stored = org?.senderEmail.trim() ?? '';
  // a malformed stored address must never become a second mailbox or a header injection
  const address = stored && singleAddress.test(stored) ? stored : envelopeFrom;
  const name = [input.fromName, org?.senderName, org?.name, mailFromName(input.mailFrom)]
    .map((value) => value?.replace(/[\r\n]+/g, ' ').trim() ?? '')
    .find((value) => value !== '');
  const replyTo = [input.replyTo, org?.replyTo].map((value) => value?.trim() ?? '').find((v) => singleAddress.test(v));
  return {
    from: name ? `"${name.replace(/["\\]/g, (c) => `\\${c}`)}" <${address}>` : address,
    ...(replyTo ? { replyTo } : {}),
    envelopeFrom,
  };
}

/** The domain of List-Id values: RFC 2919 wants a dotted one, so "localhost" becomes "localhost.local". */
export function listDomain(publicUrl: string): string {
  const host = new URL(publicUrl).hostname;
  return host.includes('.') ? host : `${host}.local`;
}
