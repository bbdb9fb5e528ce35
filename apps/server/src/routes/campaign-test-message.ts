import type { OutboundMessage } from '@crieur/mailer';

/** The address part of MAIL_FROM ("démocratieS <lettre@example.org>" or a bare address). */
export function mailFromAddress(mailFrom: string): string {
  return /<([^<>]+)>\s*$/.exec(mailFrom)?.[1]?.trim() ?? mailFrom.trim();
}

/** The campaign's sender name on our own address: the domain stays the one SPF and DKIM vouch for. */
export function campaignFrom(input: { fromName: string; mailFrom: string }): string {
  const name = input.fromName.replace(/[\r\n]/g, ' ').trim();
  if (!name) return input.mailFrom;
  return `"${name.replace(/["\\]/g, (c) => `\\${c}`)}" <${mailFromAddress(input.mailFrom)}>`;
}

// RFC 2919 wants a dotted domain: "localhost" becomes "localhost.local", as the mail worker does
export function listDomain(publicUrl: string): string {
  const host = new URL(publicUrl).hostname;
  return host.includes('.') ? host : `${host}.local`;
}

/** One list message per reviewer, marked as a test in the subject. */
export function testMessages(input: {
  addresses: readonly string[];
  subject: string;
  html: string;
  text: string;
  fromName: string;
  replyTo: string;
  mailFrom: string;
  publicUrl: string;
  list: { slug: string; name: string };
}): OutboundMessage[] {
  return input.addresses.map((to) => ({
    kind: 'list',
    to,
    from: campaignFrom(input),
    ...(input.replyTo ? { replyTo: input.replyTo } : {}),
    subject: `[Test] ${input.subject}`,
    html: input.html,
    text: input.text,
    list: { id: `${input.list.slug}.${listDomain(input.publicUrl)}`, name: input.list.name },
    // a reviewer is no subscriber and has no token: the subscribe page is a real page that changes nothing
    unsubscribe: { url: `${input.publicUrl}/subscribe` },
  }));
}
