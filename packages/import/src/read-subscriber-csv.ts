import { detectDelimiter, firstLine } from './detect-delimiter';
import { ImportFileError } from './import-file-error';
import type { ImportEvent } from './import-types';
import { RecordReader, type RecordEvent } from './record-reader';
import { SubscriberRows } from './subscriber-rows';
import { SLICE_BYTES, textChunks, type ByteCounter } from './text-chunks';

export type ReadSubscriberCsvOptions = {
  /** Longest record, in characters, before an unclosed quote is given up on (default 10,000). */
  maxFieldLength?: number;
};

const DEFAULT_MAX_FIELD_LENGTH = 10_000;
// a header line longer than this is not waited for any more
const HEAD_LIMIT = 64 * 1024;
const LF = 0x0a;

/**
 * Streams a staff spreadsheet export into rows, problems and progress.
 * Throws ImportFileError before yielding any row if the file cannot be a subscriber CSV: a bad file changes nothing.
 */
export async function* readSubscriberCsv(
  input: AsyncIterable<Uint8Array>,
  options: ReadSubscriberCsvOptions = {},
): AsyncGenerator<ImportEvent> {
  const maxRecordSize = options.maxFieldLength ?? DEFAULT_MAX_FIELD_LENGTH;
  const counter: ByteCounter = { bytesRead: 0 };
  const rows = new SubscriberRows();
  let reader: RecordReader | undefined;
  let head: Buffer[] = [];
  let headLength = 0;
  let nextProgress = SLICE_BYTES;

  function* accept(events: RecordEvent[]): Generator<ImportEvent> {
    for (const event of events) {
      const out = rows.accept(event);
      if (out !== null) yield out;
    }
  }

  function openReader(final: boolean): RecordReader | undefined {
    const line = firstLine(Buffer.concat(head).toString('utf8'), final || headLength > HEAD_LIMIT);
    return line === null ? undefined : new RecordReader({ delimiter: detectDelimiter(line), maxRecordSize });
  }

  try {
    for await (const buf of textChunks(input, counter)) {
      if (reader === undefined) {
        head.push(buf);
        headLength += buf.length;
        if (buf.indexOf(LF) === -1 && headLength <= HEAD_LIMIT) continue;
        reader = openReader(false);
        if (reader === undefined) continue;
        yield* accept(reader.push(Buffer.concat(head)));
        head = [];
      } else {
        yield* accept(reader.push(buf));
      }
      if (counter.bytesRead >= nextProgress) {
        yield { type: 'progress', bytesRead: counter.bytesRead };
        nextProgress = counter.bytesRead + SLICE_BYTES;
      }
    }
    if (reader === undefined) {
      reader = openReader(true);
      if (reader === undefined) throw new ImportFileError('EMPTY_FILE');
      yield* accept(reader.push(Buffer.concat(head)));
    }
    yield* accept(await reader.end());
    rows.finish();
    yield { type: 'progress', bytesRead: counter.bytesRead };
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError('UNREADABLE', undefined, { cause: error });
  }
}
