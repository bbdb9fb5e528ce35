// The whole sending pipeline (ledger, BullMQ, SMTP) against Postfix's smtp-sink, beside Postfix's
// smtp-source blasting the same message to the same sink: send.ratio compares the two in one run.
// Also: freezing 100,000 recipients, and the worker's peak memory at 10,000 vs 100,000 recipients.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { campaignProgress, openDatabase, startCampaign } from '@crieur/db';
import { createTestCampaign, createTestDatabase } from '@crieur/db/testing';
import { compileNewsletter } from '@crieur/newsletter';
import { createCampaignQueue, enqueueBatches } from '@crieur/queue';
import { blocks, content, membresNewsletter } from '../../packages/newsletter/test/fixtures';
import { seedSubscribers } from '../test/support/campaign-fixture';

const root = path.resolve(import.meta.dirname, '..', '..');
const print = (bench: string, value: number, unit: string) =>
  process.stdout.write(`${JSON.stringify({ bench, value: Math.round(value * 100) / 100, unit })}\n`);
const log = (line: string) => process.stderr.write(`${line}\n`);
const BIG = Number(process.env.SEND_BENCH_RECIPIENTS ?? 100_000);
const SMALL = Math.round(BIG / 10);
const WORKERS = Number(process.env.SEND_BENCH_WORKERS ?? 2);
const CONCURRENCY = Number(process.env.SEND_BENCH_CONCURRENCY ?? 5);
const CHUNK = Number(process.env.SEND_BENCH_CHUNK ?? 100);
// as `pnpm start:workers` runs them: a bounded old space keeps a long send's memory flat
const WORKER_NODE_FLAGS = (process.env.SEND_BENCH_NODE_FLAGS ?? '--max-old-space-size=192').split(' ').filter(Boolean);

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

function ensurePostfixTools(): void {
  try {
    execFileSync('smtp-sink', ['-h'], { stdio: 'ignore' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return; // present: it just dislikes -h
    log('installing postfix for smtp-sink and smtp-source (the postfix daemon is never started)…');
    execFileSync('apt-get', ['install', '-y', '-q', 'postfix'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
}

const peakRssMb = (pid: number) =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

ensurePostfixTools();
const sinkPort = await freePort();
// -c counts, -u nobody drops root; 1000 backlog. The sink stays up for both measurements.
const sink = spawn(
  'smtp-sink',
  ['-c', ...(process.getuid?.() === 0 ? ['-u', 'nobody'] : []), `127.0.0.1:${sinkPort}`, '1000'],
  { stdio: 'ignore' },
);
await new Promise((r) => setTimeout(r, 300));

const t = await createTestDatabase('sendbench');
const database = await openDatabase({ databaseUrl: t.url, poolSize: 6 });
await database.migrate();
const redisUrl = 'redis://127.0.0.1:6379';
const prefix = `bench-${randomUUID()}`;
const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
const queue = createCampaignQueue(redis, prefix);
const workers: ChildProcess[] = [];

try {
  const newsletter = content('membres', [...membresNewsletter.blocks, blocks.dossier, blocks.image, blocks.richText]);
  const compiled = await compileNewsletter(newsletter, {
    publicUrl: 'https://democraties.example',
    listName: 'Lettre des membres',
  });
  log(`newsletter: ${(compiled.bytes / 1024).toFixed(1)} KB of HTML`);

  log(`seeding ${BIG.toLocaleString('fr-FR')} + ${SMALL.toLocaleString('fr-FR')} subscribers…`);
  await seedSubscribers(database.db, { list: 'membres', count: BIG, domain: 'big.example', now: new Date() });
  await seedSubscribers(database.db, { list: 'adherents', count: SMALL, domain: 'small.example', now: new Date() });

  const runCampaign = async (list: string, count: number) => {
    const id = await createTestCampaign(database.db, {
      slug: `bench-${list}`,
      lists: [list],
      subject: newsletter.subject,
      preheader: newsletter.preheader,
      blocks: newsletter.blocks,
    });
    const started = performance.now();
    const frozen = await startCampaign(database.db, {
      campaignId: id,
      now: new Date(),
      html: compiled.html,
      text: compiled.text,
      batchSize: 1000,
      messageIdDomain: 'lettre.example.org',
      actorId: null,
      expect: { statuses: ['draft'], version: 1 },
    });
    const freezeMs = performance.now() - started;
    if (frozen.recipientCount !== count) throw new Error(`froze ${frozen.recipientCount}, expected ${count}`);
    // fresh worker processes per campaign, so each one's peak memory is its own
    const settings = {
      databaseUrl: t.url,
      redisUrl,
      prefix,
      smtpUrl: `smtp://127.0.0.1:${sinkPort}`,
      sendRate: 10_000,
      concurrency: CONCURRENCY,
      batchSize: 1000,
      lockDurationMs: 30_000,
      reconcileEveryMs: 2500,
      livenessTtlMs: 5000,
      chunkSize: CHUNK,
    };
    const procs = await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        const child = spawn(
          process.execPath,
          [
            ...WORKER_NODE_FLAGS,
            ...(process.env.SEND_BENCH_PROFILE
              ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SEND_BENCH_PROFILE}`]
              : []),
            '--import',
            'tsx',
            path.join(root, 'workers/test/support/campaign-worker-process.ts'),
            JSON.stringify(settings),
          ],
          { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
        );
        await new Promise<void>((resolve) =>
          child.stdout!.on('data', (c: Buffer) => c.toString().includes('ready') && resolve()),
        );
        workers.push(child);
        return child;
      }),
    );
    const sendStart = Date.now();
    await enqueueBatches(queue, { campaignId: id, batches: Array.from({ length: frozen.batches }, (_, i) => i) });
    let lastSentAt: Date | null;
    // polled once a second: the progress query must not take CPU from what it measures
    for (;;) {
      await new Promise((r) => setTimeout(r, 1000));
      const p = await campaignProgress(database.db, { campaignId: id, now: new Date() });
      if (p.counts.sent + p.counts.failed + p.counts.skipped + p.counts.uncertain === count) {
        if (p.counts.sent !== count) throw new Error(`sent ${p.counts.sent} of ${count}: ${JSON.stringify(p.counts)}`);
        lastSentAt = p.lastSentAt;
        break;
      }
    }
    // from the first job queued to the last message accepted, as the ledger recorded it
    const seconds = ((lastSentAt?.getTime() ?? Date.now()) - sendStart) / 1000;
    const peak = Math.max(...procs.map((p) => peakRssMb(p.pid!)));
    for (const p of procs) p.kill('SIGTERM');
    await Promise.all(procs.map((p) => new Promise((r) => p.once('exit', r))));
    return { freezeMs, rate: count / seconds, peak };
  };

  const small = await runCampaign('adherents', SMALL);
  log(`${SMALL} recipients: ${small.rate.toFixed(0)} msgs/s, worker peak RSS ${small.peak.toFixed(0)} MB`);
  const big = await runCampaign('membres', BIG);
  log(
    `${BIG} recipients: ${big.rate.toFixed(0)} msgs/s, worker peak RSS ${big.peak.toFixed(0)} MB, freeze ${big.freezeMs.toFixed(0)} ms`,
  );

  // the same message, as one recipient got it, blasted by smtp-source: 20 sessions, several messages each
  const dir = mkdtempSync(path.join(tmpdir(), 'crieur-send-bench-'));
  const sample = path.join(dir, 'message.eml');
  writeFileSync(
    sample,
    `Subject: ${newsletter.subject}\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${compiled.html}\r\n`,
  );
  const blast = 20_000;
  const sourceStart = performance.now();
  execFileSync(
    'smtp-source',
    [
      '-c',
      '-d',
      '-s',
      '20',
      '-m',
      String(blast),
      '-F',
      sample,
      '-f',
      'lettre@lettre.example.org',
      '-t',
      'sink@example.org',
      `127.0.0.1:${sinkPort}`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const limit = blast / ((performance.now() - sourceStart) / 1000);

  print('send.msgs_per_s', big.rate, 'msgs/s');
  print('send.limit_msgs_per_s', limit, 'msgs/s');
  print('send.ratio', big.rate / limit, 'ratio');
  print('send.freeze_100k_ms', big.freezeMs, 'ms');
  print('send.worker_peak_rss_small_mb', small.peak, 'MB');
  print('send.worker_peak_rss_big_mb', big.peak, 'MB');
  print('send.worker_rss_growth', big.peak / small.peak - 1, 'ratio');
} finally {
  for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
  sink.kill('SIGTERM');
  await queue.close();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  await database.close();
  await t.drop();
}
