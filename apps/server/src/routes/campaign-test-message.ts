import { campaignFrom, listDomain, type OutboundMessage } from '@crieur/mailer';

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
