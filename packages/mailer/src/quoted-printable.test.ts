import { describe, expect, it } from 'vitest';
import { encodeQuotedPrintable, QP_LINE_LENGTH } from './quoted-printable';

// RFC 2045 decoding: soft breaks vanish, =XX are bytes, CRLF is a line break
const decode = (encoded: string) =>
  Buffer.from(
    encoded
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

const SAMPLES = [
  'Bonjour',
  ' Marie',
  'Chères et chers membres, ce trimestre a été riche en rencontres : conventions citoyennes, budgets participatifs et débats publics.',
  'https://crieur.example/unsubscribe/' + 'a1b2c3d4'.repeat(40) + '?list=membres&v=2',
  '.\n..leading dots\n.',
  'trailing spaces   \nand tabs\t\n',
  '=?UTF-8?Q?not-a-word?= == 50% =3D',
  '😀 émoji 👩‍👩‍👧 '.repeat(12),
  'x'.repeat(300),
  'é'.repeat(100),
  '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;',
  '',
];

describe('encodeQuotedPrintable', () => {
  it.each(SAMPLES)('round-trips %j', (sample) => {
    expect(decode(encodeQuotedPrintable(sample))).toBe(sample.replace(/\r?\n/g, '\r\n'));
  });

  it.each(SAMPLES)('keeps %j on short 7-bit lines, none starting with "." or ending in whitespace', (sample) => {
    const encoded = encodeQuotedPrintable(sample);
    expect(encoded).toMatch(/^[\x20-\x7e\r\n]*$/);
    for (const line of encoded.split('\r\n')) {
      expect(line.length).toBeLessThanOrEqual(QP_LINE_LENGTH);
      expect(line).not.toMatch(/^\./);
      expect(line).not.toMatch(/[ \t]$/);
    }
  });

  it('leaves a short plain value as it is and encodes "=" and non-ASCII', () => {
    expect(encodeQuotedPrintable('https://x.example/u/abc')).toBe('https://x.example/u/abc');
    expect(encodeQuotedPrintable('a=b é')).toBe('a=3Db =C3=A9');
  });

  it('ends every line but the last at 76 characters with a soft break, and never cuts an escape', () => {
    const lines = encodeQuotedPrintable('é'.repeat(40)).split('\r\n');
    expect(lines.slice(0, -1).every((line) => line.endsWith('=') && line.length === 76)).toBe(true);
    expect(lines.every((line) => /^(=[0-9A-F]{2})*=?$/.test(line))).toBe(true);
  });

  it('turns CRLF, LF and lone CR into CRLF hard breaks', () => {
    expect(encodeQuotedPrintable('a\r\nb\nc\rd')).toBe('a\r\nb\r\nc\r\nd');
  });

  it('encodes a space or tab that ends a line or the chunk', () => {
    expect(encodeQuotedPrintable('a \nb\t')).toBe('a=20\r\nb=09');
  });
});
