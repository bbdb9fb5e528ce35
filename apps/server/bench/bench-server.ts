// One server for the HTTP benches: a fresh PostgreSQL database, a Redis prefix of its own, the real
// buildServer; close() leaves nothing behind.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { loadConfig } from '@crieur/config';
import { openDatabase, type Database } from '@crieur/db';
import { createTestDatabase } from '@crieur/db/testing';
import { createMailer } from '@crieur/mailer';
import { createCampaignQueue, createMailQueue, createPublishingQueue, type MailQueue } from '@crieur/queue';
import { buildServer, type ServerDeps } from '../src';

export type BenchServer = {
  app: Awaited<ReturnType<typeof buildServer>>;
  database: Database;
  mailQueue: MailQueue;
  close(): Promise<void>;
};

/** `seed` fills the database before the server starts (articles, a large ledger…). */
export async function startBenchServer(options: {
  label: string;
  seed?: (database: Database) => Promise<void>;
  deps?: Partial<ServerDeps>;
}): Promise<BenchServer> {
  const prefix = `bench-${randomUUID()}`;
  const t = await createTestDatabase(options.label);
  const database = await openDatabase({ databaseUrl: t.url, poolSize: 10 });
  await database.migrate();
  await options.seed?.(database);
  const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  const queueRedis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const mailQueue = createMailQueue(queueRedis, prefix);
  const app = await buildServer({
    config: loadConfig({ REDIS_PREFIX: prefix }),
    appSecret: 'bench-secret-bench-secret-bench-secret',
    database,
    redis,
    mailQueue,
    publishingQueue: createPublishingQueue(queueRedis, prefix),
    campaignQueue: createCampaignQueue(queueRedis, prefix),
    logger: pino({ level: 'silent' }),
    studioDir: '/nonexistent',
    // never used here: the outbox folder is only created on a first send
    mailer: createMailer({ outboxDir: path.join('/tmp', `${prefix}-outbox`) }),
    ...options.deps,
  });
  return {
    app,
    database,
    mailQueue,
    close: async () => {
      await app.close();
      await mailQueue.close();
      for (const key of await redis.keys(`${prefix}:*`)) await redis.del(key);
      redis.disconnect();
      queueRedis.disconnect();
      await database.close();
      await t.drop();
    },
  };
}
