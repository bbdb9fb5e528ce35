// Reads a generated subscriber CSV and prints JSON lines for `pnpm bench`: rows per second and peak heap.
// Usage: npx tsx packages/import/bench/read-csv.bench.ts [rows=100000]
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readSubscriberCsv } from '../src/index';

const ROWS = Number(process.argv[2] ?? 100_000);
const CHUNK = 64 * 1024;

/** The file as French Excel writes it, produced chunk by chunk so the input itself costs no memory. */
async function* generatedCsv(rows: number): AsyncGenerator<Uint8Array> {
  let pending = '\ufeffPrénom;Nom;Adresse e-mail;Ville;Notes\r\n';
  for (let i = 0; i < rows; i++) {
    const note = i % 10 === 0 ? `"Adhérent·e depuis ${2000 + (i % 25)};\r\nrelance ""été"""` : '';
    pending += `Hélène${i};Lefèvre-Cœur ${i};helene.${i}@exemple-asso.fr;Besançon;${note}\r\n`;
    if (pending.length >= CHUNK) {
      yield Buffer.from(pending, 'utf8');
      pending = '';
    }
  }
  yield Buffer.from(pending, 'utf8');
}

// live heap needs a collection before each sample; this exposes gc without a command-line flag
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function rowsPerSecond(rows: number): Promise<number> {
  let count = 0;
  const started = performance.now();
  for await (const event of readSubscriberCsv(generatedCsv(rows))) if (event.type === 'row') count++;
  if (count !== rows) throw new Error(`expected ${rows} rows, read ${count}`);
  return Math.round(count / ((performance.now() - started) / 1000));
}

/** Peak live heap (after a collection) sampled every ~640 KB read, and its growth over the start. */
async function heap(rows: number): Promise<{ peakMb: number; growthMb: number }> {
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  let progress = 0;
  for await (const event of readSubscriberCsv(generatedCsv(rows))) {
    if (event.type === 'progress' && ++progress % 10 === 0) {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
  }
  return { peakMb: mb(peak), growthMb: mb(peak - baseline) };
}

// a first pass warms up the JIT
await rowsPerSecond(Math.min(ROWS, 20_000));
const speed = await rowsPerSecond(ROWS);
const memory = await heap(ROWS);
const print = (bench: string, value: number, unit: string): void => console.log(JSON.stringify({ bench, value, unit }));
print('import.parse_rows_per_s', speed, 'rows/s');
print('import.parse_peak_heap_mb', memory.peakMb, 'MB');
print('import.parse_heap_growth_mb', memory.growthMb, 'MB');
