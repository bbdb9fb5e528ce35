// The installation's sending identity, shared by test sends, campaigns and transactional mail.

/** The address part of MAIL_FROM ("démocratieS <lettre@example.org>" or a bare address). */
export function mailFromAddress(mailFrom: string): string {
  return /<([^<>]+)>\s*$/.exec(mailFrom)?.[1]?.trim() ?? mailFrom.trim();
}

/** A campaign's sender name on our own address: the domain stays the one SPF and DKIM vouch for. */
export function campaignFrom(input: { fromName: string; mailFrom: string }): string {
  const name = input.fromName.replace(/[\r\n]/g, ' ').trim();
  if (!name) return input.mailFrom;
  // quoted: a comma or "<" in the name must not turn it into a second mailbox
  return `"${name.replace(/["\\]/g, (c) => `\\${c}`)}" <${mailFromAddress(input.mailFrom)}>`;
}

/** The domain of List-Id values: RFC 2919 wants a dotted one, so "localhost" becomes "localhost.local". */
export function listDomain(publicUrl: string): string {
  const host = new URL(publicUrl).hostname;
  return host.includes('.') ? host : `${host}.local`;
}
