import { describe, expect, it } from 'vitest';
import type { ImportRow } from './import-types';
import { runImport, type ImportStore } from './run-import';

async function* file(text: string) {
  yield Buffer.from(text);
}

// A recording store: pure unit, no database.
function recorder(refuse: (row: ImportRow) => string | null, delayMs = 0) {
  const batches: number[] = [];
  const progress: { rows: number; problems: number[] }[] = [];
  const store: ImportStore = {
    importBatch: async (rows) => {
      batches.push(rows.length);
      await new Promise((r) => setTimeout(r, delayMs * (rows[0]!.line % 3)));
      const problems = rows.flatMap((r) => (refuse(r) ? [{ line: r.line, reason: refuse(r)!, value: r.email }] : []));
      return { imported: rows.length - problems.length, alreadySubscribed: 0, problems };
    },
    recordProgress: async (p) => {
      progress.push({ rows: p.rows, problems: p.newProblems.map((x) => x.line) });
    },
  };
  return { store, batches, progress };
}

describe('runImport', () => {
  it('batches rows, merges parsing and storage problems in line order, and totals them', async () => {
    const lines = ['Email'];
    for (let i = 0; i < 25; i++) lines.push(i % 7 === 3 ? 'not-an-address' : `p${i}@example.org`);
    const r = recorder((row) => (row.email.startsWith('p1') ? 'unsubscribed' : null), 5);
    const totals = await runImport({ input: file(lines.join('\n')), store: r.store, batchSize: 4, concurrency: 3 });
    expect(totals.rows).toBe(25);
    const refused = lines.filter((l) => l.startsWith('p1')).length;
    const invalid = lines.filter((l) => l === 'not-an-address').length;
    expect(totals.imported).toBe(25 - refused - invalid);
    expect(totals.problems).toBe(refused + invalid);
    const order = r.progress.flatMap((p) => p.problems);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(Math.max(...r.batches)).toBeLessThanOrEqual(4);
  });

  it('stores nothing when the file is not a subscriber CSV', async () => {
    const r = recorder(() => null);
    let started = false;
    await expect(
      runImport({ input: file('Ville;Pays\nNantes;France\n'), store: r.store, onStarted: () => void (started = true) }),
    ).rejects.toMatchObject({ code: 'NO_EMAIL_COLUMN' });
    expect(started).toBe(false);
    expect(r.batches).toEqual([]);
  });

  it('surfaces a storage failure', async () => {
    const store: ImportStore = {
      importBatch: async () => Promise.reject(new Error('database down')),
      recordProgress: async () => undefined,
    };
    await expect(runImport({ input: file('Email\na@example.org\n'), store })).rejects.toThrow('database down');
  });

  it('surfaces the failure of several batches in flight (the database went away) without an unhandled rejection', async () => {
    const store: ImportStore = {
      importBatch: async () => Promise.reject(new Error('connection lost')),
      recordProgress: async () => undefined,
    };
    const input = file('Email\na@example.org\nb@example.org\nc@example.org\nd@example.org\n');
    await expect(runImport({ input, store, batchSize: 1, concurrency: 2 })).rejects.toThrow('connection lost');
    await new Promise((r) => setTimeout(r, 50));
  });
});
