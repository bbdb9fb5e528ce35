// TEMPORARY (growth helper): old vs new dashboard, interleaved on the same database and load.
import { openDatabase } from '@crieur/db';
import { createTestDatabase, seedGrowthBenchLedger } from '@crieur/db/testing';
import { growthDashboard, openDays, takeSnapshots } from '../src';
import { growthDashboard as oldDashboard } from './tmp-old-dashboard';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const t = process.env.CMP_URL ? { url: process.env.CMP_URL, drop: async () => undefined } : await createTestDatabase('growthcmp');
const database = await openDatabase({ databaseUrl: t.url, poolSize: 4 });
try {
  const db = database.db;
  let ids: Record<string, number> = { membres: 1, adherents: 2, democraties: 3 };
  const now = new Date();
  if (!process.env.CMP_URL) {
    await database.migrate();
    ({ ids } = await seedGrowthBenchLedger(db, (m) => process.stderr.write(`${m}\n`)));
    await takeSnapshots(db, { now });
    console.log(`keep: ${t.url}`);
  }
  const listIds = [ids.membres!, ids.democraties!, ids.adherents!];
  const today = now.toISOString().slice(0, 10);
  const from = new Date(now.getTime() - 364 * 86_400_000).toISOString().slice(0, 10);
  const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  const times = { old: [] as number[], new: [] as number[], open: [] as number[] };
  for (let i = 0; i < 25; i++) {
    let s = performance.now();
    await oldDashboard(db, { listIds, from, to: yesterday, now });
    times.old.push(performance.now() - s);
    s = performance.now();
    await growthDashboard(db, { listIds, from, to: today, now });
    times.new.push(performance.now() - s);
    s = performance.now();
    await openDays(db, { now });
    times.open.push(performance.now() - s);
  }
  console.log(
    JSON.stringify({
      old_ms: median(times.old.slice(1)),
      new_ms: median(times.new.slice(1)),
      openDays_ms: median(times.open.slice(1)),
    }),
  );
} finally {
  await database.close();
  if (process.env.CMP_DROP) await t.drop();
}
