// Fault tests of campaign sending against real PostgreSQL, Redis and SMTP: two processes at once,
// FLUSHALL and restart of Redis mid-campaign. Each recipient gets exactly one message; nothing is lost.
// (Mail server faults: campaign-smtp-faults.test.ts; process faults: campaign-process-faults.test.ts.)
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignProgress, openDatabase, type Database } from '@crieur/db';
import { createTestDatabase } from '@crieur/db/testing';
import { createMailer, type Mailer } from '@crieur/mailer';
import { batchQueue, createCampaignQueue, startEmbeddedRedis, type CampaignQueue, type EmbeddedRedis } from '@crieur/queue';
import { launchCampaign } from '@crieur/sending';
import { startCampaignWorker } from '../src';
import { createDraftCampaign, seedSubscribers } from './support/campaign-fixture';
import { startSmtpRecorder, type SmtpRecorder } from './support/smtp-recorder';

const root = path.resolve(import.meta.dirname, '..', '..');
const MAIL_FROM = 'démocratieS <lettre@lettre.example.org>';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe('campaign sending under faults', () => {
  let database: Database;
  let dropDb: () => Promise<void>;
  let databaseUrl: string;
  let smtp: SmtpRecorder;
  let redisServer: EmbeddedRedis;
  let redisUrl: string;
  let redisPort: number;
  let redisDir: string;
  let client: Redis;
  let queue: CampaignQueue;
  const prefix = `test-${randomUUID()}`;

  beforeAll(async () => {
    const t = await createTestDatabase('faults');
    database = await openDatabase({ databaseUrl: t.url, poolSize: 6 });
    dropDb = t.drop;
    databaseUrl = t.url;
    await database.migrate();
    smtp = await startSmtpRecorder();
    // a Redis of our own: FLUSHALL and restarts must not touch other tests' keys
    redisPort = await freePort();
    redisDir = mkdtempSync(path.join(tmpdir(), 'crieur-faults-redis-'));
    redisServer = await startEmbeddedRedis({ dataDir: redisDir, port: redisPort });
    redisUrl = `redis://127.0.0.1:${redisPort}`;
    client = new Redis(redisUrl, { maxRetriesPerRequest: null });
    client.on('error', () => undefined);
    queue = createCampaignQueue(client, prefix);
    queue.on('error', () => undefined);
  }, 60_000);

  afterAll(async () => {
    await queue.close();
    client.disconnect();
    await redisServer.stop();
    rmSync(redisDir, { recursive: true, force: true });
    await smtp.close();
    await database.close();
    await dropDb();
  });

  const launch = async (lists: string[]) => {
    const id = await createDraftCampaign(database.db, { lists });
    const result = await launchCampaign({ db: database.db, queue: batchQueue(queue), publicUrl: 'https://democraties.example', mailFrom: MAIL_FROM, batchSize: 250 }, { campaignId: id, now: new Date(), actorId: null });
    expect(result.started).toBe(true);
    return { id, recipients: result.recipientCount };
  };

  const waitSent = async (id: string, ms: number) => {
    const end = Date.now() + ms;
    for (;;) {
      const p = await campaignProgress(database.db, { campaignId: id, now: new Date() });
      if (p.status === 'sent') return p;
      if (Date.now() > end) throw new Error(`campaign still ${p.status}: ${JSON.stringify(p.counts)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  // our Message-IDs start with the campaign's id: what each campaign delivered, per address
  const receivedFor = (campaignId: string) => {
    const counts = new Map<string, number>();
    for (const m of smtp.messages) if (m.messageId?.startsWith(`${campaignId}.`)) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
    return counts;
  };

  const spawnWorker = async (): Promise<ChildProcess> => {
    const settings = { databaseUrl, redisUrl, prefix, smtpUrl: smtp.url, sendRate: 2000, concurrency: 3 };
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'workers/test/support/campaign-worker-process.ts'), JSON.stringify(settings)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
    });
    return child;
  };

  it('two worker processes on one campaign at once: each recipient gets exactly one message', async () => {
    await seedSubscribers(database.db, { list: 'adherents', count: 2000, domain: 'two.example', now: new Date() });
    const [a, b] = await Promise.all([spawnWorker(), spawnWorker()]);
    const { id } = await launch(['adherents']);
    const done = await waitSent(id, 90_000);
    for (const child of [a, b]) child.kill('SIGTERM');
    await Promise.all([a, b].map((child) => new Promise((resolve) => child.once('exit', resolve))));
    const counts = receivedFor(id);
    expect(done.counts).toMatchObject({ sent: 2000, uncertain: 0, failed: 0 });
    expect(counts.size).toBe(2000);
    expect(Math.max(...counts.values())).toBe(1);
  }, 120_000);

  it.each(['flushall', 'restart'] as const)('Redis %s mid-campaign: the campaign completes, nothing lost, nothing doubled', async (fault) => {
    const domain = `${fault}.example`;
    const list = fault === 'flushall' ? 'democraties' : 'adherents';
    await seedSubscribers(database.db, { list, count: 1500, domain, now: new Date() });
    const mailer: Mailer = createMailer({ smtpUrl: smtp.url, outboxDir: '/nonexistent', pool: true, maxConnections: 3 });
    const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
    connection.on('error', () => undefined);
    const worker = await startCampaignWorker({
      db: database.db, transport: mailer, publicUrl: 'https://democraties.example', mailFrom: MAIL_FROM, sendRate: 600, concurrency: 3, lateMinutes: 60,
      batchSize: 250, reconcileEveryMs: 200, livenessTtlMs: 1500, lockDurationMs: 2000, connection, prefix, logger: pino({ level: 'silent' }), now: () => new Date(),
    });
    const { id, recipients } = await launch([list]);
    await smtp.waitUntil(() => receivedFor(id).size >= 400, 30_000, '400 messages');
    if (fault === 'flushall') await client.flushall();
    else {
      await redisServer.stop();
      await new Promise((r) => setTimeout(r, 500));
      redisServer = await startEmbeddedRedis({ dataDir: redisDir, port: redisPort });
    }
    const done = await waitSent(id, 90_000);
    await worker.close();
    await mailer.close();
    connection.disconnect();
    const counts = receivedFor(id);
    expect(Math.max(...counts.values())).toBe(1);
    expect(done.counts.sent + done.counts.uncertain).toBe(recipients);
    // a live worker's rows are never orphaned by a flush: its liveness key comes back within a beat
    expect(done.counts.uncertain).toBe(0);
    expect(counts.size).toBe(recipients);
  }, 120_000);
});
