import { decodeText } from './decode-text';
import { LineBreakNormaliser } from './line-breaks';

// small slices keep memory flat and progress regular even if the caller hands over one huge buffer
export const SLICE_BYTES = 64 * 1024;

export type ByteCounter = { bytesRead: number };

async function* sliced(input: AsyncIterable<Uint8Array>, counter: ByteCounter): AsyncGenerator<Buffer> {
  for await (const chunk of input) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let start = 0; start < buf.length; start += SLICE_BYTES) {
      const slice = buf.subarray(start, start + SLICE_BYTES);
      counter.bytesRead += slice.length;
      yield slice;
    }
  }
}

/** The input as UTF-8 bytes with LF line breaks only; counter.bytesRead follows the raw bytes consumed. */
export async function* textChunks(input: AsyncIterable<Uint8Array>, counter: ByteCounter): AsyncGenerator<Buffer> {
  const lines = new LineBreakNormaliser();
  for await (const buf of decodeText(sliced(input, counter))) {
    const out = lines.write(buf);
    if (out.length > 0) yield out;
  }
}
