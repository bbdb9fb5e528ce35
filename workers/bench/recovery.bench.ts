// send.recovery_s: seconds from a sending process's kill -9 to the next message accepted, while a
// second process is alive and idle (the first one holds every batch), with production timings
// (liveness 5 s, reconcile every 2.5 s, BullMQ lock 30 s). Also the campaign ends with 0 duplicates.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Redis } from 'ioredis';
import { campaignProgress, openDatabase, startCampaign } from '@crieur/db';
import { createTestCampaign, createTestDatabase } from '@crieur/db/testing';
import { createCampaignQueue, enqueueBatches } from '@crieur/queue';
import { compileCampaign } from '@crieur/sending';
import { BLOCKS, seedSubscribers } from '../test/support/campaign-fixture';
import { startSmtpRecorder } from '../test/support/smtp-recorder';
import type { WorkerProcessSettings } from '../test/support/campaign-worker-process';

const root = path.resolve(import.meta.dirname, '..', '..');
const print = (bench: string, value: number, unit: string) =>
  process.stdout.write(`${JSON.stringify({ bench, value: Math.round(value * 100) / 100, unit })}\n`);
const log = (line: string) => process.stderr.write(`${line}\n`);
const RECIPIENTS = 20_000;

const smtp = await startSmtpRecorder();
const t = await createTestDatabase('recoverybench');
const database = await openDatabase({ databaseUrl: t.url, poolSize: 4 });
await database.migrate();
const redisUrl = 'redis://127.0.0.1:6379';
const prefix = `bench-${randomUUID()}`;
const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
const queue = createCampaignQueue(redis, prefix);
const children: ChildProcess[] = [];

const spawnWorker = async (): Promise<ChildProcess> => {
  // production timings, not the fault tests' shortened ones
  const settings: WorkerProcessSettings = {
    databaseUrl: t.url,
    redisUrl,
    prefix,
    smtpUrl: smtp.url,
    sendRate: 1000,
    concurrency: 5,
    reconcileEveryMs: 2500,
    livenessTtlMs: 5000,
    lockDurationMs: 30_000,
  };
  const child = spawn(
    process.execPath,
    [
      '--max-old-space-size=192',
      '--import',
      'tsx',
      path.join(root, 'workers/test/support/campaign-worker-process.ts'),
      JSON.stringify(settings),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  await new Promise<void>((resolve) =>
    child.stdout!.on('data', (c: Buffer) => c.toString().includes('ready') && resolve()),
  );
  return child;
};

try {
  await seedSubscribers(database.db, {
    list: 'democraties',
    count: RECIPIENTS,
    domain: 'recovery.example',
    now: new Date(),
  });
  const id = await createTestCampaign(database.db, {
    slug: 'bench-recovery',
    lists: ['democraties'],
    subject: 'La lettre',
    preheader: 'Au sommaire',
    blocks: BLOCKS,
  });
  const compiled = await compileCampaign(
    {
      kind: 'membres',
      subject: 'La lettre',
      preheader: 'Au sommaire',
      blocks: BLOCKS,
      lists: [{ name: 'démocratieS' }],
    },
    { publicUrl: 'https://democraties.example' },
  );
  // five batches for five connections: the first process takes every one of them
  const frozen = await startCampaign(database.db, {
    campaignId: id,
    now: new Date(),
    html: compiled.html,
    text: compiled.text,
    batchSize: RECIPIENTS / 5,
    messageIdDomain: 'lettre.example.org',
    actorId: null,
    expect: { statuses: ['draft'], version: 1 },
  });
  const holder = await spawnWorker();
  await enqueueBatches(queue, { campaignId: id, batches: Array.from({ length: frozen.batches }, (_, i) => i) });
  await smtp.waitUntil(() => smtp.messages.length >= 3000, 60_000, '3,000 messages');
  await spawnWorker();
  await new Promise((r) => setTimeout(r, 1500));
  holder.kill('SIGKILL');
  const killedAt = Date.now();
  await smtp.waitUntil(() => smtp.messages.some((m) => m.at > killedAt), 60_000, 'a message after the kill');
  const recovery = (Math.min(...smtp.messages.filter((m) => m.at > killedAt).map((m) => m.at)) - killedAt) / 1000;
  log(`first message ${recovery.toFixed(2)} s after the kill`);
  for (;;) {
    const p = await campaignProgress(database.db, { campaignId: id, now: new Date() });
    if (p.status === 'sent') {
      const counts = new Map<string, number>();
      for (const m of smtp.messages) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
      log(
        `sent ${p.counts.sent}, uncertain ${p.counts.uncertain}, most messages to one address: ${Math.max(...counts.values())}`,
      );
      break;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  print('send.recovery_s', recovery, 's');
} finally {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await queue.close();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  await smtp.close();
  await database.close();
  await t.drop();
}
