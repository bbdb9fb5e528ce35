// A campaign's MIME message encoded once; per recipient only a few headers and the personal values
// are encoded and spliced between prebuilt buffers (nodemailer building MIME costs ~3 ms a message).
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { CampaignMessageInput, CampaignRecipient } from './campaign-message';
import { listIdValue, listUnsubscribeValue } from './list-headers';
import { dateValue, headerField, mailboxValue, unstructuredValue } from './mime-header';
import { InvalidMessageError } from './outbound-message';
import { encodeQuotedPrintable } from './quoted-printable';
import { createDkimSigner } from './sign-raw';
import type { DkimSigner, DkimSignOptions } from './sign-raw';

type Part = 'text' | 'html';
/** Between literal buffers: the recipient's headers, or one token's value in one part. */
type Slot = { kind: 'headers' } | { kind: 'value'; part: Part; token: string };

export type RenderOptions = {
  /** sign with DKIM: the body hash then costs ~0.03 ms instead of ~0.2 ms (canonical literals are kept) */
  dkim?: DkimSigner | DkimSignOptions | undefined;
};

export type PreparedCampaignMessage = {
  /** the tokens the message holds, in either part */
  readonly tokens: readonly string[];
  /** the full raw message (CRLF, 7-bit, no line starting with ".") for one recipient */
  render(recipient: CampaignRecipient, options?: RenderOptions): Buffer;
  /**
   * The same bytes as render(), as a list of buffers: the prebuilt ones are shared by every
   * recipient, not copied (about 50 KB less to allocate per message when sending).
   */
  renderChunks(recipient: CampaignRecipient, options?: RenderOptions): Buffer[];
};

const SOFT_BREAK = '=\r\n';

/** Splits source at the tokens: literal texts, and the token found after each but the last. */
function splitAtTokens(source: string, tokens: readonly string[]): { literals: string[]; found: string[] } {
  if (tokens.length === 0) return { literals: [source], found: [] };
  // longest first, so a token that starts another one never wins
  const alternatives = [...tokens]
    .sort((a, b) => b.length - a.length)
    .map((token) => token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const literals: string[] = [];
  const found: string[] = [];
  let last = 0;
  for (const match of source.matchAll(new RegExp(alternatives.join('|'), 'g'))) {
    literals.push(source.slice(last, match.index));
    found.push(match[0]);
    last = match.index + match[0].length;
  }
  literals.push(source.slice(last));
  return { literals, found };
}

/** A chunk encoded on lines of its own: a soft break closes its last line unless a hard one did. */
function ownLines(encoded: string): string {
  return encoded === '' || encoded.endsWith('\r\n') ? encoded : encoded + SOFT_BREAK;
}

/**
 * RFC 6376 §3.4.4 relaxed form of a chunk that starts a line and ends with CRLF: whitespace runs
 * become one space and trailing whitespace goes. The message's chunks are all line-aligned, so
 * the body's relaxed form is the concatenation of theirs (its last line is never empty).
 */
function relaxLines(chunk: string): string {
  return /[ \t]{2}|\t| \r\n/.test(chunk) ? chunk.replace(/[ \t]+\r\n/g, '\r\n').replace(/[ \t]+/g, ' ') : chunk;
}

function signerOf(dkim: DkimSigner | DkimSignOptions): DkimSigner {
  return 'sign' in dkim ? dkim : createDkimSigner(dkim);
}

function issues(error: { issues: { path: PropertyKey[]; message: string }[] }): string[] {
  // field names only: values may hold addresses
  return error.issues.map((issue) => `${issue.path.map(String).join('.') || 'message'}: ${issue.message}`);
}

class Builder {
  readonly literals: Buffer[] = [];
  readonly slots: Slot[] = [];
  private pending = '';
  add(text: string): void {
    this.pending += text;
  }
  slot(slot: Slot): void {
    this.literals.push(Buffer.from(this.pending, 'utf8'));
    this.slots.push(slot);
    this.pending = '';
  }
  finish(): void {
    this.literals.push(Buffer.from(this.pending, 'utf8'));
  }
}

function addPart(builder: Builder, part: Part, source: string, tokens: readonly string[], boundary: string): void {
  builder.add(
    `--${boundary}\r\nContent-Type: text/${part === 'text' ? 'plain' : 'html'}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`,
  );
  const { literals, found } = splitAtTokens(source, tokens);
  literals.forEach((literal, i) => {
    const token = found[i];
    if (token === undefined) {
      builder.add(encodeQuotedPrintable(literal));
      return;
    }
    builder.add(ownLines(encodeQuotedPrintable(literal)));
    builder.slot({ kind: 'value', part, token });
  });
  // this CRLF belongs to the delimiter that follows (RFC 2046 §5.1.1), not to the body
  builder.add('\r\n');
}

/** Builds the campaign's multipart/alternative message once (text then HTML, UTF-8, quoted-printable). */
export function prepareCampaignMessage(input: CampaignMessageInput): PreparedCampaignMessage {
  const parsed = CampaignMessageInput.safeParse(input);
  if (!parsed.success) throw new InvalidMessageError(issues(parsed.error));
  const message = parsed.data;
  // "=_" never occurs in quoted-printable text, so the boundary cannot collide with a body line (and it names no
  // software: readers see only the association);
  // derived from the content, so the same campaign always gives the same bytes
  const boundary = `=_part_${createHash('sha256').update(message.subject).update('\0').update(message.text).update('\0').update(message.html).digest('hex').slice(0, 32)}`;
  const unsubscribeMailto = message.unsubscribeMailto;
  const builder = new Builder();
  builder.add(headerField('From', mailboxValue(message.from)));
  if (message.replyTo) builder.add(headerField('Reply-To', mailboxValue(message.replyTo)));
  builder.add(headerField('Subject', unstructuredValue(message.subject)));
  builder.slot({ kind: 'headers' });
  builder.add(headerField('List-Id', listIdValue(message.list)));
  builder.add(headerField('List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'));
  builder.add(headerField('MIME-Version', '1.0'));
  builder.add(headerField('Content-Type', `multipart/alternative; boundary="${boundary}"`));
  builder.add('\r\n');
  addPart(builder, 'text', message.text, message.tokens, boundary);
  addPart(builder, 'html', message.html, message.tokens, boundary);
  builder.add(`--${boundary}--\r\n`);
  builder.finish();
  const { literals, slots } = builder;
  // literal 0 and the start of literal 1 are headers; everything after the blank line is body
  const relaxedLiterals = literals.map((literal, i) => {
    if (i === 0) return Buffer.alloc(0);
    const body = i === 1 ? literal.subarray(literal.indexOf('\r\n\r\n') + 4) : literal;
    return Buffer.from(relaxLines(body.toString('latin1')), 'latin1');
  });

  const literal1 = literals[1] ?? Buffer.alloc(0);
  const headStartOfLiteral1 = literal1.subarray(0, literal1.indexOf('\r\n\r\n'));

  return {
    tokens: message.tokens,
    renderChunks(input, options = {}) {
      const checked = CampaignRecipient.safeParse(input);
      if (!checked.success) throw new InvalidMessageError(issues(checked.error));
      const recipient = checked.data;
      const signer = options.dkim ? signerOf(options.dkim) : undefined;
      const bodyHash: Hash | undefined = signer ? createHash('sha256') : undefined;
      const chunks: Buffer[] = [literals[0] ?? Buffer.alloc(0)];
      let recipientHeaders = Buffer.alloc(0);
      slots.forEach((slot, i) => {
        if (slot.kind === 'headers') {
          const headers =
            headerField('To', recipient.to) +
            headerField('Date', dateValue(recipient.date ?? new Date())) +
            headerField('Message-ID', `<${recipient.messageId}>`) +
            headerField(
              'List-Unsubscribe',
              listUnsubscribeValue(recipient.unsubscribeUrl, recipient.unsubscribeMailto ?? unsubscribeMailto),
            );
          recipientHeaders = Buffer.from(headers, 'utf8');
          chunks.push(recipientHeaders);
        } else {
          const value = (slot.part === 'html' ? recipient.htmlValues : recipient.textValues)[slot.token];
          if (value === undefined)
            throw new InvalidMessageError([`${slot.part}Values: no value for a token of the message`]);
          const encoded = ownLines(encodeQuotedPrintable(value));
          if (encoded !== '') chunks.push(Buffer.from(encoded, 'latin1'));
          bodyHash?.update(relaxLines(encoded), 'latin1');
        }
        chunks.push(literals[i + 1] ?? Buffer.alloc(0));
        bodyHash?.update(relaxedLiterals[i + 1] ?? Buffer.alloc(0));
      });
      if (!signer || !bodyHash) return chunks;
      // the header block is literal 0, the recipient's headers and the start of literal 1
      const head = Buffer.concat([literals[0] ?? Buffer.alloc(0), recipientHeaders, headStartOfLiteral1]);
      return [signer.field(head, bodyHash.digest('base64')), ...chunks];
    },
    render(input, options = {}) {
      return Buffer.concat(this.renderChunks(input, options));
    },
  };
}
