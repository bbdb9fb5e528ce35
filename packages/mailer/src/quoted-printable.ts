// Quoted-printable (RFC 2045 §6.7) for a chunk that starts at the beginning of a line and whose end
// is the end of a line: the campaign message is encoded in such chunks, once for its literal parts
// and once per recipient for each personal value, so the chunks can be joined without re-encoding.

/** Longest encoded line, soft-break "=" included (RFC 2045 says at most 76). */
export const QP_LINE_LENGTH = 76;

const HEX = '0123456789ABCDEF';
const escape = (byte: number) => `=${HEX[byte >> 4]}${HEX[byte & 15]}`;

const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;
const DOT = 0x2e;
const EQUALS = 0x3d;

// printable ASCII but "=", at most one line, neither starting with "." nor ending with a space:
// most URLs and names need no encoding at all, and this check is cheaper than the byte loop
const PLAIN_LINE = /^(?!\.)[\x20-\x3c\x3e-\x7e]{0,74}[\x21-\x3c\x3e-\x7e]$/;

/**
 * Encodes text as quoted-printable lines of at most 76 characters with CRLF hard breaks.
 * Stricter than the RFC on two points, so the result can be joined to other chunks and written
 * to an SMTP DATA stream as is: whitespace at the end of the chunk is encoded (the next chunk
 * starts a new line), and a "." at the start of a line is encoded (no dot-stuffing needed).
 */
export function encodeQuotedPrintable(text: string): string {
  if (PLAIN_LINE.test(text)) return text;
  const bytes = Buffer.from(text, 'utf8');
  let out = '';
  let column = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    if (byte === CR || byte === LF) {
      // CRLF, a lone CR and a lone LF are all one hard line break
      if (byte === CR && bytes[i + 1] === LF) i++;
      out += '\r\n';
      column = 0;
      continue;
    }
    const next = bytes[i + 1];
    const endsLine = next === undefined || next === CR || next === LF;
    let token = literal(byte, column, endsLine);
    if (column + token.length > QP_LINE_LENGTH - 1) {
      out += '=\r\n';
      column = 0;
      token = literal(byte, column, endsLine);
    }
    out += token;
    column += token.length;
  }
  return out;
}

function literal(byte: number, column: number, endsLine: boolean): string {
  if (byte === SPACE || byte === TAB) return endsLine ? escape(byte) : String.fromCharCode(byte);
  if (byte === DOT) return column === 0 ? escape(byte) : '.';
  if (byte > 0x20 && byte < 0x7f && byte !== EQUALS) return String.fromCharCode(byte);
  return escape(byte);
}
