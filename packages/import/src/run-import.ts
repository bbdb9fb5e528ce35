import type { ImportRow } from './import-types';
import { readSubscriberCsv } from './read-subscriber-csv';

export type StoredProblem = { line: number; reason: string; value: string };

/** What the import needs from storage; the database package implements it in the app's wiring. */
export type ImportStore = {
  importBatch(rows: ImportRow[]): Promise<{ imported: number; alreadySubscribed: number; problems: StoredProblem[] }>;
  recordProgress(progress: ImportProgress & { newProblems: StoredProblem[] }): Promise<void>;
};

export type ImportProgress = {
  processedBytes: number;
  rows: number;
  imported: number;
  alreadySubscribed: number;
  skipped: number;
  problems: number;
};

/**
 * Streams a CSV into a list in batches: parsing problems and the store's refusals are both
 * reported per line; a file that cannot be a subscriber CSV throws before anything is stored.
 */
export async function runImport(options: {
  input: AsyncIterable<Uint8Array>;
  store: ImportStore;
  batchSize?: number;
  /** batches written at once: the database, not the parser, is the bottleneck */
  concurrency?: number;
  /** called once the header was accepted, before anything is stored */
  onStarted?: () => void | Promise<void>;
}): Promise<ImportProgress> {
  const batchSize = options.batchSize ?? 5000;
  // two writers kept PostgreSQL busy on both cores here; more only added lock waits
  const concurrency = options.concurrency ?? 2;
  const totals: ImportProgress = {
    processedBytes: 0,
    rows: 0,
    imported: 0,
    alreadySubscribed: 0,
    skipped: 0,
    problems: 0,
  };
  let batch: ImportRow[] = [];
  let parseProblems: StoredProblem[] = [];
  let started = false;
  const inFlight: Promise<void>[] = [];
  // progress is recorded one batch at a time, in order, whatever order batches finish in
  let recording: Promise<void> = Promise.resolve();

  const submit = () => {
    const rows = batch;
    const problems = parseProblems;
    const processedBytes = totals.processedBytes;
    batch = [];
    parseProblems = [];
    const stored = rows.length
      ? options.store.importBatch(rows)
      : Promise.resolve({ imported: 0, alreadySubscribed: 0, problems: [] });
    // after an earlier batch failed, nothing awaits this one: its own failure must not crash the process
    stored.catch(() => undefined);
    // batches are written at once, but their progress is recorded in file order
    const done = (recording = recording.then(async () => {
      const outcome = await stored;
      totals.imported += outcome.imported;
      totals.alreadySubscribed += outcome.alreadySubscribed;
      totals.skipped += outcome.problems.length;
      const newProblems = [...problems, ...outcome.problems].sort((a, b) => a.line - b.line);
      totals.problems += newProblems.length;
      await options.store.recordProgress({ ...totals, processedBytes, newProblems });
    }));
    done.catch(() => undefined); // a failure is raised where the batch is awaited, not as an unhandled rejection
    inFlight.push(done);
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
    if (event.type === 'problem') {
      totals.skipped++;
      parseProblems.push({ line: event.problem.line, reason: event.problem.reason, value: event.problem.value });
    } else batch.push(event.row);
    if (batch.length >= batchSize || parseProblems.length >= batchSize) {
      submit();
      if (inFlight.length >= concurrency) await inFlight.shift();
    }
  }
  if (!started) await options.onStarted?.(); // a header and no rows is a valid, empty import
  submit();
  await Promise.all(inFlight);
  return totals;
}
