import { once } from 'node:events';
import { parse, type InfoRecord, type Parser } from 'csv-parse';
import { truncate } from './clean-name';
import { ReplayBuffer } from './replay-buffer';

export type RecordEvent =
  { type: 'record'; line: number; cells: string[] } | { type: 'malformed'; line: number; value: string };

export type RecordReaderOptions = { delimiter: string; maxRecordSize: number };

const LF = 0x0a;
const MAX_VALUE = 200;

/**
 * A relaxed quote closes at the next quote anywhere, so an unclosed quote swallows whole lines;
 * csv-parse then keeps the quote as the cell's first character: that plus a line break is the sign.
 */
function swallowedLines(cells: string[]): boolean {
  return cells.some((cell) => cell.startsWith('"') && cell.includes('\n'));
}

/**
 * csv-parse over UTF-8 bytes with LF line breaks; records carry the file line where they start.
 * A broken record (unclosed quote) is reported as malformed and parsing restarts on its next line,
 * from a replay of the bytes fed since it started: one bad quote costs one line, not the rest of the file.
 */
export class RecordReader {
  private parser: Parser;
  private replay = new ReplayBuffer();
  // file line of the segment's line 0: the parser restarts at line 1 after a broken record
  private lineOffset = 0;
  private nextLine = 1;
  private recordStart = 0;
  private broken = false;
  private skipToNextLine = false;
  private events: RecordEvent[] = [];
  private failure: unknown;

  constructor(private readonly options: RecordReaderOptions) {
    this.parser = this.createParser();
  }

  push(buf: Buffer): RecordEvent[] {
    this.feed(buf);
    return this.take();
  }

  async end(): Promise<RecordEvent[]> {
    for (;;) {
      const parser = this.parser;
      const finished = once(parser, 'finish');
      parser.end();
      await finished;
      if (!this.broken) break;
      const rest = this.restart();
      if (rest !== null) this.feed(rest);
    }
    return this.take();
  }

  private take(): RecordEvent[] {
    if (this.failure !== undefined) throw this.failure;
    const events = this.events;
    this.events = [];
    return events;
  }

  private feed(buf: Buffer): void {
    let pending: Buffer | null = buf;
    while (pending !== null) {
      if (this.skipToNextLine) {
        const lf = pending.indexOf(LF);
        if (lf === -1) return;
        this.skipToNextLine = false;
        pending = pending.subarray(lf + 1);
      }
      this.replay.append(pending);
      this.parser.write(pending);
      pending = this.broken ? this.restart() : null;
    }
  }

  /** Reports the broken record's first line, starts a fresh parser after it and returns the bytes to read again. */
  private restart(): Buffer | null {
    const rest = this.replay.from(this.recordStart);
    const lf = rest.indexOf(LF);
    const firstLine = rest.subarray(0, Math.min(lf === -1 ? rest.length : lf, MAX_VALUE * 4));
    this.events.push({
      type: 'malformed',
      line: this.nextLine,
      value: truncate(firstLine.toString('utf8'), MAX_VALUE),
    });
    this.parser.destroy();
    this.lineOffset = this.nextLine;
    this.nextLine += 1;
    this.recordStart = 0;
    this.replay = new ReplayBuffer();
    this.broken = false;
    this.parser = this.createParser();
    if (lf !== -1) return rest.subarray(lf + 1);
    this.skipToNextLine = true;
    return null;
  }

  private onRecord(cells: string[], context: InfoRecord): null {
    if (this.broken) return null;
    if (swallowedLines(cells)) {
      this.broken = true;
      return null;
    }
    this.events.push({ type: 'record', line: this.nextLine, cells });
    this.nextLine = this.lineOffset + context.lines + 1;
    this.recordStart = context.bytes;
    this.replay.dropBefore(context.bytes);
    return null;
  }

  private createParser(): Parser {
    const parser = parse({
      delimiter: this.options.delimiter,
      quote: '"',
      escape: '"',
      record_delimiter: '\n',
      // the decoder already removed any BOM; offsets must match the bytes we feed
      bom: false,
      // stray quotes inside a cell (Jean "JJ" Dupont) are kept as typed, not an error
      relax_quotes: true,
      // Excel drops trailing empty cells and old tools add some: column count never rejects a row
      relax_column_count: true,
      // an unclosed quote is reported through on_skip instead of failing the stream
      skip_records_with_error: true,
      // bounds how far an unclosed quote can run before we give up on its record
      max_record_size: this.options.maxRecordSize,
      // every line yields a record, so context.lines gives each record's last line
      skip_empty_lines: false,
      on_record: (cells: string[], context: InfoRecord) => this.onRecord(cells, context),
      on_skip: () => {
        this.broken = true;
        return undefined;
      },
    });
    parser.on('error', (error: unknown) => {
      this.failure = error;
    });
    return parser;
  }
}
