// Growth over 1,000,000 ledger events and 100,000 subscribers on three lists (PostgreSQL): nightly
// snapshot job, full backfill, the dashboard's year of daily points and the yearly report.
import { openDatabase } from '@crieur/db';
import { createTestDatabase, deleteSnapshotsOfDay, seedGrowthBenchLedger } from '@crieur/db/testing';
import { growthDashboard, snapshotDays, takeSnapshots, yearReport } from '../src';

const print = (bench: string, value: number, unit: string) =>
  console.log(JSON.stringify({ bench, value: Number(value.toFixed(2)), unit }));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const log = (message: string) => process.stderr.write(`${message}\n`);

const t = await createTestDatabase('growthbench');
const database = await openDatabase({ databaseUrl: t.url, poolSize: 4 });
try {
  await database.migrate();
  const db = database.db;
  const { ids } = await seedGrowthBenchLedger(db, log);

  const now = new Date('2026-11-23T08:00:00Z');
  let start = performance.now();
  const backfill = await takeSnapshots(db, { now });
  print('growth.backfill_ms', performance.now() - start, 'ms');
  log(`backfill ${backfill.from}..${backfill.to}: ${backfill.days} days, ${backfill.written} rows`);

  // the nightly job: yesterday only, as when the worker ran every night
  await deleteSnapshotsOfDay(db, '2026-11-22');
  const nightly: number[] = [];
  for (let i = 0; i < 3; i++) {
    start = performance.now();
    await snapshotDays(db, { from: '2026-11-22', to: '2026-11-22', now });
    nightly.push(performance.now() - start);
  }
  start = performance.now();
  await takeSnapshots(db, { now });
  print('growth.snapshot_ms', median([...nightly, performance.now() - start]), 'ms');

  const listIds = [ids.membres!, ids.democraties!, ids.adherents!];
  const series: number[] = [];
  let points = 0;
  for (let i = 0; i < 11; i++) {
    start = performance.now();
    const growth = await growthDashboard(db, { listIds, from: '2025-11-23', to: '2026-11-22', now });
    series.push(performance.now() - start);
    points = growth.lists.reduce((sum, g) => sum + g.points.length, 0);
  }
  log(`dashboard: ${points} daily points across three lists`);
  print('growth.series_ms', median(series.slice(1)), 'ms');

  const report: number[] = [];
  let sends = 0;
  for (let i = 0; i < 6; i++) {
    start = performance.now();
    const r = await yearReport(db, { year: 2025, now });
    report.push(performance.now() - start);
    sends = r.campaigns.total;
  }
  log(`yearly report 2025: ${sends} sends`);
  print('growth.report_ms', median(report.slice(1)), 'ms');
} finally {
  await database.close();
  await t.drop();
}
