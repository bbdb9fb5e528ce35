// What every fault test of sending needs: its own database, a recording SMTP server, Redis under a
// fresh prefix, worker processes to spawn and kill, and the checks "who got how many messages".
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Redis } from 'ioredis';
import { campaignProgress, openDatabase, type CampaignProgress, type Database } from '@crieur/db';
import { createTestDatabase, recipientRows } from '@crieur/db/testing';
import { batchQueue, createCampaignQueue, type CampaignQueue } from '@crieur/queue';
import { launchCampaign } from '@crieur/sending';
import { createDraftCampaign, seedSubscribers } from './campaign-fixture';
import { startSmtpRecorder, type SmtpRecorder } from './smtp-recorder';
import type { WorkerProcessSettings } from './campaign-worker-process';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
export const MAIL_FROM = 'démocratieS <lettre@lettre.example.org>';

export type FaultWorld = {
  database: Database;
  databaseUrl: string;
  smtp: SmtpRecorder;
  redis: Redis;
  redisUrl: string;
  prefix: string;
  queue: CampaignQueue;
  /** a campaign to `count` new subscribers of `list`, launched */
  launch(input: {
    list: string;
    count: number;
    domain: string;
    batchSize?: number;
  }): Promise<{ id: string; recipients: number; emails: string[] }>;
  spawnWorker(settings?: Partial<WorkerProcessSettings>): Promise<ChildProcess>;
  stopWorker(child: ChildProcess, signal?: NodeJS.Signals): Promise<void>;
  progress(id: string): Promise<CampaignProgress>;
  waitFor(id: string, check: (p: CampaignProgress) => boolean, ms: number, what: string): Promise<CampaignProgress>;
  /** messages the SMTP server received for this campaign, per address */
  receivedFor(id: string): Map<string, number>;
  rows(id: string): ReturnType<typeof recipientRows>;
  close(): Promise<void>;
};

export async function startFaultWorld(label: string, options: { redisUrl?: string } = {}): Promise<FaultWorld> {
  const t = await createTestDatabase(label);
  const database = await openDatabase({ databaseUrl: t.url, poolSize: 6 });
  await database.migrate();
  const smtp = await startSmtpRecorder();
  const redisUrl = options.redisUrl ?? 'redis://127.0.0.1:6379';
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  redis.on('error', () => undefined);
  const prefix = `test-${randomUUID()}`;
  const queue = createCampaignQueue(redis, prefix);
  queue.on('error', () => undefined);
  const children = new Set<ChildProcess>();

  const progress = (id: string) => campaignProgress(database.db, { campaignId: id, now: new Date() });
  const world: FaultWorld = {
    database,
    databaseUrl: t.url,
    smtp,
    redis,
    redisUrl,
    prefix,
    queue,
    async launch({ list, count, domain, batchSize }) {
      const emails = await seedSubscribers(database.db, { list, count, domain, now: new Date() });
      const id = await createDraftCampaign(database.db, { lists: [list] });
      const result = await launchCampaign(
        {
          db: database.db,
          queue: batchQueue(queue),
          publicUrl: 'https://democraties.example',
          mailFrom: MAIL_FROM,
          ...(batchSize ? { batchSize } : {}),
        },
        { campaignId: id, now: new Date(), actorId: null },
      );
      if (!result.started) throw new Error(`campaign did not start: ${result.status}`);
      return { id, recipients: result.recipientCount, emails };
    },
    async spawnWorker(settings = {}) {
      const all: WorkerProcessSettings = {
        databaseUrl: t.url,
        redisUrl,
        prefix,
        smtpUrl: smtp.url,
        sendRate: 2000,
        concurrency: 3,
        ...settings,
      };
      const script = path.join(root, 'workers/test/support/campaign-worker-process.ts');
      const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(all)], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.add(child);
      child.once('exit', () => children.delete(child));
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
        child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
      });
      return child;
    },
    async stopWorker(child, signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    },
    progress,
    async waitFor(id, check, ms, what) {
      const end = Date.now() + ms;
      for (;;) {
        const p = await progress(id);
        if (check(p)) return p;
        if (Date.now() > end) {
          const counts = await queue.getJobCounts().catch(() => ({}));
          const active = (await queue.getActive().catch(() => [])).map((j) => `${j.id}@${j.processedOn ?? 0}`);
          const pace = await redis.pttl(`${prefix}:send-rate:cluster`).catch(() => null);
          const jobs = { ...counts, active, pacePttl: pace, now: Date.now() };
          throw new Error(
            `timed out waiting for ${what}: ${p.status} ${JSON.stringify(p.counts)} wait=${JSON.stringify(p.serverWait)} jobs=${JSON.stringify(jobs)}`,
          );
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    receivedFor(id) {
      // our Message-IDs start with the campaign's id
      const counts = new Map<string, number>();
      for (const m of smtp.messages)
        if (m.messageId?.startsWith(`${id}.`)) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
      return counts;
    },
    rows: (id) => recipientRows(database.db, id),
    async close() {
      for (const child of children) child.kill('SIGKILL');
      await queue.close();
      const keys = await redis.keys(`${prefix}:*`).catch(() => [] as string[]);
      if (keys.length) await redis.del(...keys).catch(() => undefined);
      redis.disconnect();
      await smtp.close();
      await database.close();
      await t.drop();
    },
  };
  return world;
}
