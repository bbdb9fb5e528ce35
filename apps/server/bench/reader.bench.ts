// `pnpm bench`: /articles/:slug throughput on loopback (PostgreSQL), and the studio's first-load JavaScript.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { loadConfig } from '@crieur/config';
import { createMailer } from '@crieur/mailer';
import { createArticle, listRubriques, openDatabase, setArticleStatus } from '@crieur/db';
import { createTestDatabase } from '@crieur/db/testing';
import { createCampaignQueue, createMailQueue, createPublishingQueue } from '@crieur/queue';
import { buildServer } from '../src';

const emit = (bench: string, value: number, unit: string) => process.stdout.write(`${JSON.stringify({ bench, value: Number(value.toFixed(1)), unit })}\n`);

// a realistic piece: about 1,200 words in twelve paragraphs with headings, links and a quote
const paragraph = (i: number) => ({
  type: 'paragraph',
  content: [
    { type: 'text', text: `Dans cette commune, la participation n'est plus un rituel mais une méthode (${i}). `.repeat(6) },
    { type: 'text', text: 'un lien', marks: [{ type: 'link', attrs: { href: 'https://example.org/source' } }] },
    { type: 'text', text: ' et une phrase en gras.', marks: [{ type: 'bold' }] },
  ],
});
const body = { type: 'doc', content: Array.from({ length: 12 }, (_, i) => (i % 4 === 1 ? { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `Partie ${i}` }] } : i === 6 ? { type: 'blockquote', content: [paragraph(i)] } : paragraph(i))) };

const prefix = `bench-${randomUUID()}`;
const t = await createTestDatabase('bench');
const database = await openDatabase({ databaseUrl: t.url, poolSize: 10 });
await database.migrate();
const [rubrique] = await listRubriques(database.db);
const now = new Date();
const id = await createArticle(database.db, { title: 'Les communes sauveront-elles la démocratie ?', slug: 'les-communes', rubriqueId: rubrique!.id, dossierId: null, body, authors: ['Camille Roux'], userId: null, now });
await setArticleStatus(database.db, { id, from: 'draft', to: 'published', publishedAt: new Date(now.getTime() - 1000), userId: null, now });
const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
const queueRedis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
const app = await buildServer({
  config: loadConfig({ REDIS_PREFIX: prefix }),
  appSecret: 'bench-secret-bench-secret-bench-secret',
  database,
  redis,
  mailQueue: createMailQueue(queueRedis, prefix),
  publishingQueue: createPublishingQueue(queueRedis, prefix),
  campaignQueue: createCampaignQueue(queueRedis, prefix),
  logger: pino({ level: 'silent' }),
  studioDir: '/nonexistent',
  // never used here: the outbox folder is only created on a first send
  mailer: createMailer({ outboxDir: path.join('/tmp', `${prefix}-outbox`) }),
});
await app.listen({ host: '127.0.0.1', port: 0 });
const { port } = app.server.address() as { port: number };
try {
  const result = await autocannon({ url: `http://127.0.0.1:${port}/articles/les-communes`, connections: 10, duration: 8 });
  if (result.non2xx > 0) throw new Error(`${result.non2xx} answers were not 2xx`);
  emit('reader.article_requests_per_second', result.requests.average, 'req/s');
  emit('reader.article_latency_p99', result.latency.p99, 'ms');
} finally {
  await app.close();
  for (const key of await redis.keys(`${prefix}:*`)) await redis.del(key);
  redis.disconnect();
  queueRedis.disconnect();
  await database.close();
  await t.drop();
}

// the studio's first load: index.html's entry script and the chunks it preloads, gzipped
const dist = path.resolve(import.meta.dirname, '..', '..', 'studio', 'dist');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const files = [...html.matchAll(/(?:src|href)="\/studio\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
const gzipKb = files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(dist, f))).length, 0) / 1024;
emit('studio.first_load_js_gzip', gzipKb, 'KiB');
