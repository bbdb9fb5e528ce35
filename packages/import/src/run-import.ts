import type { ImportProblem, ImportRow } from './import-types';
import { readSubscriberCsv } from './read-subscriber-csv';

export type StoredProblem = { line: number; reason: string; value: string };

/** What the import needs from storage; the database package implements it in the app's wiring. */
export type ImportStore = {
  importBatch(rows: ImportRow[]): Promise<{ imported: number; alreadySubscribed: number; problems: StoredProblem[] }>;
  recordProgress(progress: ImportProgress & { newProblems: StoredProblem[] }): Promise<void>;
};

export type ImportProgress = { processedBytes: number; rows: number; imported: number; alreadySubscribed: number; skipped: number; problems: number };

/**
 * Streams a CSV into a list in batches: parsing problems and the store's refusals are both
 * reported per line; a file that cannot be a subscriber CSV throws before anything is stored.
 */
export async function runImport(options: {
  input: AsyncIterable<Uint8Array>;
  store: ImportStore;
  batchSize?: number;
  /** called with the iterator already started, once the header was accepted */
  onStarted?: () => void | Promise<void>;
}): Promise<ImportProgress> {
  const batchSize = options.batchSize ?? 2000;
  const totals: ImportProgress = { processedBytes: 0, rows: 0, imported: 0, alreadySubscribed: 0, skipped: 0, problems: 0 };
  let batch: ImportRow[] = [];
  let pending: StoredProblem[] = [];
  let started = false;

  const flush = async () => {
    if (batch.length) {
      const outcome = await options.store.importBatch(batch);
      totals.imported += outcome.imported;
      totals.alreadySubscribed += outcome.alreadySubscribed;
      totals.skipped += outcome.problems.length;
      pending.push(...outcome.problems);
      batch = [];
    }
    totals.problems += pending.length;
    // every line of this flush comes after those of the last one: sorting here orders the report
    pending.sort((a, b) => a.line - b.line);
    await options.store.recordProgress({ ...totals, newProblems: pending });
    pending = [];
  };
  const problem = (p: ImportProblem) => {
    totals.skipped++;
    pending.push({ line: p.line, reason: p.reason, value: p.value });
  };

  for await (const event of readSubscriberCsv(options.input)) {
    if (!started) {
      started = true;
      await options.onStarted?.();
    }
    if (event.type === 'progress') {
      totals.processedBytes = event.bytesRead;
      continue;
    }
    totals.rows++;
    if (event.type === 'problem') problem(event.problem);
    else batch.push(event.row);
    if (batch.length >= batchSize || pending.length >= batchSize) await flush();
  }
  if (!started) await options.onStarted?.(); // a header and no rows is a valid, empty import
  await flush();
  return totals;
}
