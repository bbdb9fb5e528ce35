// The subscribers' retention as the worker process runs it (PostgreSQL, Redis): it runs at start with the workers,
// uses the constants the privacy page states, logs counts and never an address.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPARTED_SUBSCRIBER_ERASE_YEARS, UNCONFIRMED_SUBSCRIBER_ERASE_DAYS } from '@crieur/api/enums/subscribers';
import { findSuppression, openDatabase, requestSubscription, type Database } from '@crieur/db';
import { createTestDatabase, dumpAllRows } from '@crieur/db/testing';
import { startWorkers } from '../src';
import { runSubscriberRetention, yearsBefore } from '../src/subscribers/subscriber-retention';

const REDIS_URL = 'redis://127.0.0.1:6379';
const DAY = 86_400_000;

describe('subscriber retention in the worker process (PostgreSQL)', () => {
  let database: Database;
  let drop: () => Promise<void>;
  const redis = new Redis(REDIS_URL);
  const prefix = `test-${randomUUID()}`;

  beforeAll(async () => {
    const t = await createTestDatabase('retentionjob');
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
    await drop?.();
  });

  const ask = (email: string, now: Date) =>
    requestSubscription(database.db, {
      email,
      name: 'Dominique Secret',
      listSlugs: ['membres'],
      formId: 'subscribe',
      textVersion: 'v1',
      ip: '198.51.100.9',
      now,
      confirmationTtlMs: 7 * DAY,
      resendAfterMs: DAY,
    });

  it('counts whole calendar years back, 29 February included', () => {
    expect(yearsBefore(new Date('2026-05-04T08:00:00Z'), 3).toISOString()).toBe('2023-05-04T08:00:00.000Z');
    expect(yearsBefore(new Date('2028-02-29T12:00:00Z'), 3).toISOString()).toBe('2025-02-28T12:00:00.000Z');
  });

  it('applies the stated durations: a never-confirmed request stays 29 days, goes at 31', async () => {
    const t0 = new Date();
    await ask('vingt-neuf@exemple.org', t0);
    expect(UNCONFIRMED_SUBSCRIBER_ERASE_DAYS).toBe(30);
    expect(DEPARTED_SUBSCRIBER_ERASE_YEARS).toBe(3);
    expect(
      (await runSubscriberRetention({ db: database.db, now: () => new Date(t0.getTime() + 29 * DAY) })).unconfirmed,
    ).toBe(0);
    expect(await dumpAllRows(database.db)).toContain('vingt-neuf@exemple.org');
    expect(
      (await runSubscriberRetention({ db: database.db, now: () => new Date(t0.getTime() + 31 * DAY) })).unconfirmed,
    ).toBe(1);
    expect(await dumpAllRows(database.db)).not.toContain('vingt-neuf@exemple.org');
  });

  it('runs at start with the workers, and logs counts only', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino({ level: 'info' }, stream);
    const t0 = new Date();
    await ask('secret-retention@exemple.org', t0);
    const workers = await startWorkers({
      redisUrl: REDIS_URL,
      prefix,
      mode: 'test',
      logger,
      now: () => new Date(t0.getTime() + 31 * DAY),
      publishing: { db: database.db },
    });
    try {
      // startWorkers resolves once the first pass is done: the request is already gone
      expect(await dumpAllRows(database.db)).not.toContain('secret-retention@exemple.org');
      expect(await findSuppression(database.db, 'secret-retention@exemple.org')).toBeNull();
    } finally {
      await workers.close(5_000);
    }
    const purged = lines.find((l) => l.includes('subscriber data purged'));
    expect(purged).toBeDefined();
    expect(JSON.parse(purged!)).toMatchObject({ unconfirmed: 1, stalePending: 0, staleRequests: 0, departed: 0 });
    expect(lines.join('')).not.toMatch(/secret-retention|exemple\.org|Dominique|198\.51\.100/);
  });
});
