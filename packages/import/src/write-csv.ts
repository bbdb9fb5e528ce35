import { stringify } from 'csv-stringify/sync';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
// rows per output chunk: few enough to keep memory flat, enough to amortise stringify
const BATCH = 500;
// a spreadsheet runs a cell starting with one of these as a formula (CSV injection)
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a cell that a spreadsheet would run as a formula with a quote, which shows it as text. */
export function neutraliseCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function toCsv(rows: string[][]): Buffer {
  const text = stringify(
    rows.map((row) => row.map(neutraliseCell)),
    // csv-stringify only quotes the record delimiter itself, so a lone LF or CR in a cell is quoted explicitly
    { delimiter: ';', record_delimiter: '\r\n', quoted_match: /[\r\n]/ },
  );
  return Buffer.from(text, 'utf8');
}

/** UTF-8 with BOM, ';' separated, CRLF: what French Excel opens right; formula cells are neutralised. */
export async function* writeCsv(
  header: string[],
  rows: AsyncIterable<string[]> | Iterable<string[]>,
): AsyncGenerator<Buffer> {
  yield Buffer.concat([BOM, toCsv([header])]);
  let batch: string[][] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= BATCH) {
      yield toCsv(batch);
      batch = [];
    }
  }
  if (batch.length > 0) yield toCsv(batch);
}
