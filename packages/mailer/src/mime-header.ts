// Header fields of a message we build ourselves: RFC 2047 words for non-ASCII text, folded lines.
import addressparser from 'nodemailer/lib/addressparser';
import { encodeWord, encodeWords, foldLines, quoteString } from 'nodemailer/lib/mime-funcs';

/** RFC 5322 §2.1.1: no line may exceed 998 characters, and should not exceed 78. */
export const MAX_HEADER_LINE = 998;

export class HeaderTooLongError extends Error {
  override name = 'HeaderTooLongError';
  readonly code = 'HEADER_TOO_LONG';
  constructor(readonly field: string) {
    super(`${field} does not fold into lines of at most ${MAX_HEADER_LINE} characters`);
  }
}

/** "Name: value" folded before whitespace at 76 characters, ending with CRLF; the value must be ASCII already. */
export function headerField(name: string, value: string): string {
  const folded = foldLines(`${name}: ${value}`, 76);
  // a word longer than a line cannot be folded: only 998 is a hard limit
  if (folded.split('\r\n').some((line) => line.length > MAX_HEADER_LINE)) throw new HeaderTooLongError(name);
  return `${folded}\r\n`;
}

/** Unstructured text (Subject): all in RFC 2047 words once any character needs it, as nodemailer does. */
export function unstructuredValue(text: string): string {
  return encodeWords(text, 'Q', 52, true);
}

/** One mailbox "Name <address>" or "address", with the name quoted or encoded as needed. */
export function mailboxValue(mailbox: string): string {
  const parsed = addressparser(mailbox);
  const [first] = parsed;
  if (parsed.length !== 1 || !first || first.group || !/^[\x21-\x7e]+@[\x21-\x7e]+$/.test(first.address)) {
    throw new TypeError('expected one mailbox with an ASCII address');
  }
  const { name, address } = first;
  if (!name) return address;
  if (/^[\w ]*$/.test(name)) return `${name} <${address}>`;
  return `${/^[\x20-\x7e]*$/.test(name) ? quoteString(name) : encodeWord(name, 'Q', 52)} <${address}>`;
}

/** RFC 5322 date-time in UTC, e.g. "Thu, 01 Jan 2026 10:00:00 +0000". */
export function dateValue(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}
