// `pnpm bench`: import speed and peak memory for 20 000, 100 000 and 300 000 rows on PostgreSQL (memory should level off).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { openDatabase } from '@crieur/db';
import { createTestDatabase } from '@crieur/db/testing';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
// the same V8 flag as `pnpm cli`: a bounded old space keeps an import's memory flat, where V8
// would otherwise grow its heap with each batch's garbage (live heap after an import: ~18 MB at any size)
const NODE_FLAGS = ['--max-old-space-size=128'];
const emit = (bench: string, value: number, unit: string) =>
  process.stdout.write(`${JSON.stringify({ bench, value: Number(value.toFixed(2)), unit })}\n`);

const t = await createTestDatabase('bench');
try {
  const database = await openDatabase({ databaseUrl: t.url });
  await database.migrate();
  await database.close();
  const results: Record<number, { rows: number; seconds: number; maxRssMb: number; heapUsedMb: number }> = {};
  for (const rows of [20_000, 100_000, 300_000]) {
    const out = execFileSync(
      process.execPath,
      [...NODE_FLAGS, '--import', 'tsx', path.join(root, 'apps/cli/bench/import-child.ts'), String(rows), t.url],
      { cwd: root, encoding: 'utf8' },
    );
    results[rows] = JSON.parse(out.trim().split('\n').pop()!);
  }
  const big = results[100_000]!;
  emit('import.rows_per_s', big.rows / big.seconds, 'rows/s');
  emit('import.peak_rss_mb', big.maxRssMb, 'MB');
  emit('import.peak_rss_mb_20k', results[20_000]!.maxRssMb, 'MB');
  emit('import.peak_rss_mb_300k', results[300_000]!.maxRssMb, 'MB');
  emit('import.rows_per_s_300k', 300_000 / results[300_000]!.seconds, 'rows/s');
  // what stays alive at the end (mostly the set of addresses seen, for duplicates): RSS also counts garbage V8 has not returned
  emit('import.heap_used_end_mb_100k', big.heapUsedMb, 'MB');
  emit('import.heap_used_end_mb_300k', results[300_000]!.heapUsedMb, 'MB');
} finally {
  await t.drop();
}
