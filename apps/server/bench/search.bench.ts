// `pnpm bench`: French search over 10,000 published articles, on PostgreSQL and on PGlite (`pnpm start`'s
// database), per kind of query; then the whole /recherche request on the server (PostgreSQL). Goal: ≤ 50 ms.
import { openDatabase, searchArticles, type Database } from '@crieur/db';
import { createTestDatabase, RARE_WORD, referenceQuery, seedSearchArticles } from '@crieur/db/testing';
import { startBenchServer } from './bench-server';

const emit = (bench: string, value: number, unit: string) =>
  process.stdout.write(`${JSON.stringify({ bench, value: Number(value.toFixed(2)), unit })}\n`);
const log = (message: string) => process.stderr.write(`search.bench: ${message}\n`);

const ARTICLES = 10_000;
// about the length of a démocratieS piece
const WORDS = 900;
const RUNS = 50;
const QUERIES: Record<string, string> = {
  common: 'démocratie', // in nearly every article
  rare: RARE_WORD, // in one article in a thousand
  two_words: 'budget participatif',
  unaccented: 'elus municipale',
  phrase: '"assemblée citoyenne"', // side by side in nearly every article
  // both words in nearly every article, never side by side in this order: every article's positions are read
  phrase_absent: '"citoyenne assemblée"',
  excluded: 'forêt -climat',
};
const now = new Date();

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

// the machine is shared: a fixed query that reads no table, timed in the same run, tells a busy run from a slow search
async function timeReference(database: Database, name: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const t0 = performance.now();
    await referenceQuery(database.db);
    if (i >= 3) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  emit(name, quantile(times, 0.5), 'ms');
  return quantile(times, 0.5);
}

async function timeQueries(database: Database, backend: string) {
  const before = await timeReference(database, `search.${backend}.reference_before.p50_ms`);
  let worst = 0;
  for (const [kind, q] of Object.entries(QUERIES)) {
    // warm up: plans, caches
    for (let i = 0; i < 3; i++) await searchArticles(database.db, { q, now, page: 1, pageSize: 10 });
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      // every fifth run asks for another page, as readers do
      total = (await searchArticles(database.db, { q, now, page: 1 + (i % 5 === 4 ? 2 : 0), pageSize: 10 })).total;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const ratio = (quantile(times, 0.95) / before).toFixed(1);
    log(`${backend} ${kind} (${JSON.stringify(q)}): ${total} hits, p95 ${ratio}× the reference`);
    emit(`search.${backend}.${kind}.p50_ms`, quantile(times, 0.5), 'ms');
    emit(`search.${backend}.${kind}.p95_ms`, quantile(times, 0.95), 'ms');
    worst = Math.max(worst, quantile(times, 0.95));
  }
  emit(`search.${backend}.p95_ms`, worst, 'ms');
  const after = await timeReference(database, `search.${backend}.reference_after.p50_ms`);
  log(`${backend}: reference p50 ${before.toFixed(1)} ms before the searches, ${after.toFixed(1)} ms after`);
}

async function seed(database: Database, backend: string) {
  const t0 = performance.now();
  await seedSearchArticles(database.db, { count: ARTICLES, now, words: WORDS });
  log(`${backend}: ${ARTICLES} articles of about ${WORDS} words in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

// PostgreSQL
{
  const t = await createTestDatabase('searchbench');
  const database = await openDatabase({ databaseUrl: t.url });
  try {
    await database.migrate();
    await seed(database, 'pg');
    await timeQueries(database, 'pg');
  } finally {
    await database.close();
    await t.drop();
  }
}

// PGlite, in memory as tests run it (`pnpm start` keeps the same engine on disk)
{
  const database = await openDatabase({ inMemory: true });
  try {
    await database.migrate();
    await seed(database, 'pglite');
    await timeQueries(database, 'pglite');
  } finally {
    await database.close();
  }
}

// the whole request: parse, search, covers, render; distinct pages so that no cached page answers
{
  const { app, close } = await startBenchServer({ label: 'searchhttp', seed: (database) => seed(database, 'http') });
  try {
    const times: number[] = [];
    for (let i = 0; i < RUNS + 3; i++) {
      const url = `/recherche?q=${encodeURIComponent(QUERIES.common!)}&page=${i + 1}`;
      const t0 = performance.now();
      const res = await app.inject({ method: 'GET', url });
      if (i >= 3) times.push(performance.now() - t0);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
    }
    times.sort((a, b) => a - b);
    emit('search.http.common.p50_ms', quantile(times, 0.5), 'ms');
    emit('search.http.common.p95_ms', quantile(times, 0.95), 'ms');
  } finally {
    await close();
  }
}
