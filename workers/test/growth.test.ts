import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRows, listIdsBySlugs, openDatabase, snapshotsBetween, type Database } from '@crieur/db';
import { createTestDatabase } from '@crieur/db/testing';
import { GROWTH_SCHEDULER_ID, QUEUES } from '@crieur/queue';
import { startWorkers } from '../src';

const REDIS_URL = 'redis://127.0.0.1:6379';
const logger = pino({ level: 'silent' });

async function waitFor<T>(fn: () => Promise<T | null | undefined | false>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('growth worker', () => {
  const redis = new Redis(REDIS_URL);
  const prefix = `test-${randomUUID()}`;
  let database: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const t = await createTestDatabase('growthw');
    database = await openDatabase({ databaseUrl: t.url });
    await database.migrate();
    drop = async () => {
      await database.close();
      await t.drop();
    };
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await drop();
  });

  it('backfills at start and schedules the nightly run at 00:15 Paris', async () => {
    const db = database.db;
    const [list] = await listIdsBySlugs(db, ['democraties']);
    // the system was down since 1 November; it comes back on the 5th
    const base = {
      listId: list!.id,
      legalBasis: 'consent' as const,
      consentNote: 'AG',
      actorId: null,
      importId: null,
      dryRun: false,
    };
    await importRows(db, {
      ...base,
      now: new Date('2026-11-01T09:00:00Z'),
      rows: [{ line: 2, email: 'a@example.org', name: '' }],
    });
    await importRows(db, {
      ...base,
      now: new Date('2026-11-03T09:00:00Z'),
      rows: [{ line: 2, email: 'b@example.org', name: '' }],
    });
    const now = () => new Date('2026-11-05T07:00:00Z');
    const workers = await startWorkers({
      redisUrl: REDIS_URL,
      prefix,
      mode: 'test',
      logger,
      heartbeatEveryMs: 60_000,
      now,
      growth: { db },
    });
    try {
      const read = () => snapshotsBetween(db, { listIds: [list!.id], from: '2026-10-01', to: '2026-12-31' });
      const mine = await waitFor(async () => {
        const r = await read();
        return r.length === 4 && r;
      });
      expect(mine.map((r) => [r.day, r.confirmed])).toEqual([
        ['2026-11-01', 1],
        ['2026-11-02', 1],
        ['2026-11-03', 2],
        ['2026-11-04', 2],
      ]);

      const queue = new Queue(QUEUES.growth, { connection: redis, prefix });
      const scheduler = await queue.getJobScheduler(GROWTH_SCHEDULER_ID);
      expect(scheduler).toMatchObject({ pattern: '15 0 * * *', tz: 'Europe/Paris' });
      const next = new Date(scheduler!.next!);
      expect(next.getTime()).toBeGreaterThan(Date.now());
      expect(next.getTime() - Date.now()).toBeLessThanOrEqual(25 * 3_600_000);
      // 00:15 on the Paris clock, whatever the season
      const paris = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Paris',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(next);
      expect(paris).toBe('00:15');
      await queue.close();
    } finally {
      expect(await workers.close(5_000)).toEqual({ graceful: true });
    }
  });
});
