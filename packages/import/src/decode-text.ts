import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { assertText } from './sniff-binary';

type Mode = 'undecided' | 'utf8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

// enough to recognise a binary file and to see a BOM
const SNIFF_BYTES = 8192;

/** Length of buf without a trailing incomplete UTF-8 sequence (kept for the next chunk). */
export function completeUtf8Length(buf: Buffer): number {
  let i = buf.length - 1;
  while (i >= 0 && buf.length - i <= 3 && ((buf[i] ?? 0) & 0xc0) === 0x80) i--;
  if (i < 0) return buf.length;
  const lead = buf[i] ?? 0;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return buf.length - i < need ? i : buf.length;
}

/** Turns bytes in UTF-8 (BOM or not), Windows-1252 or UTF-16 (with BOM) into UTF-8 bytes, one chunk at a time. */
export class TextDecoding {
  private mode: Mode = 'undecided';
  private carry: Buffer = Buffer.alloc(0);
  private utf16: ReturnType<typeof iconv.getDecoder> | undefined;

  /** The first bytes (at least SNIFF_BYTES unless the file is shorter): BOM and binary checks. */
  start(head: Buffer): Buffer {
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
      this.mode = 'utf8';
      head = head.subarray(3);
    } else if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
      this.mode = head[0] === 0xff ? 'utf-16le' : 'utf-16be';
      this.utf16 = iconv.getDecoder(this.mode);
      head = head.subarray(2);
    }
    assertText(head, this.utf16 !== undefined);
    const out = this.write(head);
    if (this.utf16 !== undefined) assertText(out, false);
    return out;
  }

  write(chunk: Buffer): Buffer {
    if (this.utf16 !== undefined) return Buffer.from(this.utf16.write(chunk), 'utf8');
    const buf = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    const complete = completeUtf8Length(buf);
    this.carry = buf.subarray(complete);
    return this.decode(buf.subarray(0, complete));
  }

  end(): Buffer {
    if (this.utf16 !== undefined) return Buffer.from(this.utf16.end() ?? '', 'utf8');
    const rest = this.carry;
    this.carry = Buffer.alloc(0);
    return this.decode(rest);
  }

  private decode(piece: Buffer): Buffer {
    if (this.mode === 'windows-1252') return Buffer.from(iconv.decode(piece, 'windows-1252'), 'utf8');
    if (isUtf8(piece)) {
      if (this.mode === 'undecided' && !isAscii(piece)) this.mode = 'utf8';
      return piece;
    }
    // all bytes so far were ASCII, so switching now loses nothing
    if (this.mode === 'undecided') {
      this.mode = 'windows-1252';
      return this.decode(piece);
    }
    // a UTF-8 file with a stray invalid byte: keep the rest, mark the byte with U+FFFD
    return Buffer.from(piece.toString('utf8'), 'utf8');
  }
}

/** Streams input as UTF-8 bytes; throws ImportFileError NOT_TEXT before the first chunk if the file is binary. */
export async function* decodeText(input: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const decoding = new TextDecoding();
  const head: Buffer[] = [];
  let headLength = 0;
  let started = false;
  for await (const chunk of input) {
    if (started) {
      yield decoding.write(chunk);
      continue;
    }
    head.push(chunk);
    headLength += chunk.length;
    if (headLength < SNIFF_BYTES) continue;
    started = true;
    yield decoding.start(Buffer.concat(head));
  }
  if (!started && headLength > 0) yield decoding.start(Buffer.concat(head));
  yield decoding.end();
}
