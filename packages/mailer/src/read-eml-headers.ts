export type EmlHeaders = { to: string; subject: string; date: string | undefined };

/** Decodes RFC 2047 encoded words (`=?UTF-8?Q?...?=`, `=?UTF-8?B?...?=`) in a header value. */
export function decodeEncodedWords(value: string): string {
  // whitespace between two adjacent encoded words is not part of the text (RFC 2047 §6.2)
  const joined = value.replace(/(\?=)\s+(=\?)/g, '$1$2');
  return joined.replace(
    /=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g,
    (word, charset: string, encoding: string, data: string) => {
      const bytes =
        encoding.toUpperCase() === 'B'
          ? Buffer.from(data, 'base64')
          : Buffer.from(
              data
                .replace(/_/g, ' ')
                .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
              'latin1',
            );
      try {
        return new TextDecoder(charset.split('*')[0]).decode(bytes);
      } catch {
        return word; // unknown charset: show the raw word rather than fail the whole listing
      }
    },
  );
}

/** Reads To, Subject and Date from the header block of a raw message (unfolded and decoded). */
export function readEmlHeaders(raw: string): EmlHeaders {
  const end = raw.search(/\r?\n\r?\n/);
  const block = (end === -1 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const fields = new Map<string, string>();
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    // the first occurrence wins, as in the message's own header
    if (!fields.has(name)) fields.set(name, line.slice(colon + 1).trim());
  }
  return {
    to: decodeEncodedWords(fields.get('to') ?? ''),
    subject: decodeEncodedWords(fields.get('subject') ?? ''),
    date: fields.get('date'),
  };
}
