import { createHash, createVerify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

// relaxed/relaxed canonicalization (RFC 6376 §3.4.2, §3.4.4), enough to check our own signature
const relaxHeader = (name: string, value: string) =>
  `${name.toLowerCase()}:${value
    .replace(/\r\n/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim()}`;
const relaxBody = (body: string) =>
  body
    .split('\r\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').replace(/ $/, ''))
    .join('\r\n')
    .replace(/(\r\n)*$/, '') + '\r\n';

/** Verifies the message's DKIM-Signature against a public key; returns its h= field names. */
export function verifyDkim(
  raw: string,
  publicKey: KeyObject,
): { valid: boolean; bodyHashMatches: boolean; signedHeaders: string[] } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split + 2);
  const body = raw.slice(split + 4);
  const fields = [...head.matchAll(/^([^:\s]+):((?:.*\r\n)(?:[ \t].*\r\n)*)/gm)].map((match) => ({
    name: match[1] ?? '',
    value: match[2] ?? '',
  }));
  const signature = fields.find((field) => field.name.toLowerCase() === 'dkim-signature');
  if (!signature) throw new Error('no DKIM-Signature');
  const tags = new Map(
    signature.value
      .replace(/\s+/g, '')
      .split(';')
      .filter(Boolean)
      .map((tag) => [tag.slice(0, tag.indexOf('=')), tag.slice(tag.indexOf('=') + 1)] as const),
  );
  const signedHeaders = (tags.get('h') ?? '').split(':');
  const used = new Map<string, number>();
  const lines = signedHeaders.map((name) => {
    // the last instance is signed first (RFC 6376 §5.4.2)
    const matches = fields.filter((field) => field.name.toLowerCase() === name.toLowerCase());
    const taken = used.get(name) ?? 0;
    used.set(name, taken + 1);
    const field = matches[matches.length - 1 - taken];
    return field ? relaxHeader(field.name, field.value) + '\r\n' : '';
  });
  const unsigned = relaxHeader('DKIM-Signature', signature.value.replace(/b=[^;]*$/, 'b='));
  const verifier = createVerify('RSA-SHA256');
  verifier.update(lines.join('') + unsigned);
  const valid = verifier.verify(publicKey, tags.get('b') ?? '', 'base64');
  const bodyHashMatches = createHash('sha256').update(relaxBody(body)).digest('base64') === tags.get('bh');
  return { valid, bodyHashMatches, signedHeaders };
}
