// Fault tests of campaign sending against real PostgreSQL, Redis and SMTP: two processes sharing a
// campaign, FLUSHALL and restart of Redis mid-campaign. Each recipient gets exactly one message.
// (Mail server faults: campaign-smtp-faults.test.ts; process faults: campaign-process-faults.test.ts.)
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedRedis, type EmbeddedRedis } from '@crieur/queue';
import { startFaultWorld, type FaultWorld } from './support/fault-world';

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
  let w: FaultWorld;
  let redisServer: EmbeddedRedis;
  let redisPort: number;
  let redisDir: string;

  beforeAll(async () => {
    // a Redis of our own: FLUSHALL and restarts must not touch other tests' keys
    redisPort = await freePort();
    redisDir = mkdtempSync(path.join(tmpdir(), 'crieur-faults-redis-'));
    redisServer = await startEmbeddedRedis({ dataDir: redisDir, port: redisPort });
    w = await startFaultWorld('faults', { redisUrl: `redis://127.0.0.1:${redisPort}` });
  }, 60_000);

  afterAll(async () => {
    await w.close();
    await redisServer.stop();
    rmSync(redisDir, { recursive: true, force: true });
  });

  it('two worker processes share one campaign: both send, each recipient gets exactly one message', async () => {
    const [a, b] = await Promise.all([w.spawnWorker(), w.spawnWorker()]);
    // 5,000 recipients make about 40 batches: no process can hold them all
    const { id, recipients } = await w.launch({ list: 'membres', count: 5000, domain: 'two.example' });
    const done = await w.waitFor(id, (p) => p.status === 'sent', 90_000, 'the campaign to finish');
    await Promise.all([w.stopWorker(a), w.stopWorker(b)]);
    const received = w.receivedFor(id);
    expect(done.counts).toMatchObject({ sent: recipients, uncertain: 0, failed: 0 });
    expect(received.size).toBe(recipients);
    expect(Math.max(...received.values())).toBe(1);
    // each claim is named after its process: both processes sent a fair share
    const perProcess = new Map<string, number>();
    for (const row of (await w.rows(id)).values()) {
      const worker = row.claimedBy?.split('.')[0] ?? 'none';
      perProcess.set(worker, (perProcess.get(worker) ?? 0) + 1);
    }
    expect(perProcess.size).toBe(2);
    expect(Math.min(...perProcess.values())).toBeGreaterThan(recipients * 0.2);
  }, 120_000);

  it.each(['flushall', 'restart'] as const)(
    'Redis %s mid-campaign: the campaign completes, nothing lost, nothing doubled',
    async (fault) => {
      const list = fault === 'flushall' ? 'democraties' : 'adherents';
      const child = await w.spawnWorker({ sendRate: 600 });
      const { id, recipients } = await w.launch({ list, count: 1500, domain: `${fault}.example` });
      await w.smtp.waitUntil(() => w.receivedFor(id).size >= 400, 30_000, '400 messages');
      if (fault === 'flushall') await w.redis.flushall();
      else {
        await redisServer.stop();
        await new Promise((r) => setTimeout(r, 500));
        redisServer = await startEmbeddedRedis({ dataDir: redisDir, port: redisPort });
      }
      const done = await w.waitFor(id, (p) => p.status === 'sent', 90_000, 'the campaign to finish');
      await w.stopWorker(child);
      const received = w.receivedFor(id);
      expect(Math.max(...received.values())).toBe(1);
      expect(done.counts.sent + done.counts.uncertain).toBe(recipients);
      // a live worker's claims are never taken by a flush: what the journal lost, the process records itself
      expect(done.counts.uncertain).toBe(0);
      expect(received.size).toBe(recipients);
    },
    120_000,
  );
});
