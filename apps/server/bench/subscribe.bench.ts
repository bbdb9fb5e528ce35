// `pnpm bench`: POST /subscribe requests per second on loopback, rate limits off, on PostgreSQL and Redis.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { loadConfig } from '@crieur/config';
import { createMailer } from '@crieur/mailer';
import { openDatabase } from '@crieur/db';
import { createTestDatabase } from '@crieur/db/testing';
import { createCampaignQueue, createMailQueue, createPublishingQueue } from '@crieur/queue';
import { buildServer } from '../src';

const emit = (bench: string, value: number, unit: string) => process.stdout.write(`${JSON.stringify({ bench, value: Number(value.toFixed(1)), unit })}\n`);

const prefix = `bench-${randomUUID()}`;
const t = await createTestDatabase('bench');
const database = await openDatabase({ databaseUrl: t.url, poolSize: 10 });
await database.migrate();
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
  subscribe: { perIpPerMinute: 10_000_000, perAddressPerHour: 10_000_000 },
  // never used here: the outbox folder is only created on a first send
  mailer: createMailer({ outboxDir: `/tmp/${prefix}-outbox` }),
});
await app.listen({ host: '127.0.0.1', port: 0 });
const { port } = app.server.address() as { port: number };
try {
  let n = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/subscribe`,
    connections: 10,
    duration: 8,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // a new reader each time: the full path, confirmation job included
        setupRequest: (req) => ({ ...req, body: JSON.stringify({ email: `lecteur.${n++}@exemple-asso.fr`, lists: ['democraties'], consent: true }) }),
      },
    ],
  });
  if (result.non2xx > 0) throw new Error(`${result.non2xx} answers were not 2xx`);
  emit('subscribe.requests_per_second', result.requests.average, 'req/s');
  emit('subscribe.latency_p99', result.latency.p99, 'ms');
  emit('subscribe.confirmations_queued', await mailQueue.count(), 'jobs');
} finally {
  await app.close();
  await mailQueue.obliterate({ force: true });
  await mailQueue.close();
  for (const key of await redis.keys(`${prefix}:*`)) await redis.del(key);
  redis.disconnect();
  queueRedis.disconnect();
  await database.close();
  await t.drop();
}
