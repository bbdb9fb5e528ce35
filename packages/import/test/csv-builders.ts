import iconv from 'iconv-lite';
import { readSubscriberCsv, type ImportEvent, type ImportProblem, type ImportRow } from '../src/index';

export type Encoding = 'utf8' | 'utf8-bom' | 'windows-1252' | 'utf16le-bom';

/** Joins raw lines with the given line break; the last line gets one too unless trailing is false. */
export function lines(rows: string[], eol: '\n' | '\r\n' | '\r' = '\n', trailing = true): string {
  return rows.join(eol) + (trailing ? eol : '');
}

/** One CSV line, quoting a cell only when it holds the separator, a quote or a line break. */
export function line(cells: string[], delimiter = ';'): string {
  return cells
    .map((cell) => (cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell))
    .join(delimiter);
}

export function encode(text: string, encoding: Encoding = 'utf8'): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'windows-1252':
      return iconv.encode(text, 'windows-1252');
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  }
}

/** Feeds bytes in chunks of the given size, to cross every boundary the reader must handle. */
export async function* chunks(bytes: Uint8Array, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

export function pngBytes(): Buffer {
  return Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f0a1620000000049454e44ae426082',
    'hex',
  );
}

export type ReadResult = { rows: ImportRow[]; problems: ImportProblem[]; progress: number[]; events: ImportEvent[] };

export async function read(bytes: Uint8Array, chunkSize?: number): Promise<ReadResult> {
  const result: ReadResult = { rows: [], problems: [], progress: [], events: [] };
  for await (const event of readSubscriberCsv(chunks(bytes, chunkSize))) {
    result.events.push(event);
    if (event.type === 'row') result.rows.push(event.row);
    else if (event.type === 'problem') result.problems.push(event.problem);
    else result.progress.push(event.bytesRead);
  }
  return result;
}

/** Reads until the error, returning it with the events yielded before it. */
export async function readError(bytes: Uint8Array): Promise<{ error: unknown; events: ImportEvent[] }> {
  const events: ImportEvent[] = [];
  try {
    for await (const event of readSubscriberCsv(chunks(bytes))) events.push(event);
  } catch (error) {
    return { error, events };
  }
  throw new Error('expected readSubscriberCsv to throw');
}
