// The campaigns queue's worker: batch jobs, the process's liveness key, and the periodic reconcile.
import { randomUUID } from 'node:crypto';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Db } from '@crieur/db';
import type { DkimSettings } from '@crieur/mailer';
import type { NewsletterTemplates } from '@crieur/newsletter';
import { CampaignJob, createCampaignQueue, QUEUES, senderLivenessKey } from '@crieur/queue';
import { redactAddresses } from '../redact';
import { createCampaignMessages } from './campaign-messages';
import type { RetryPolicy } from './decide-failure';
import { reconcileCampaigns } from './reconcile-campaigns';
import { sendBatch, type RawSender } from './send-batch';
import { createSendPace } from './send-pace';

export type CampaignWorkerOptions = {
  db: Db;
  mailer: RawSender;
  publicUrl: string;
  mailFrom: string;
  /** DKIM_* settings: each campaign message is signed as it is rendered */
  dkim?: DkimSettings | undefined;
  templates?: NewsletterTemplates;
  /** messages per second for the whole cluster (SEND_RATE) */
  sendRate: number;
  /** batches (so SMTP connections) this process works on at once (SEND_CONCURRENCY) */
  concurrency: number;
  lateMinutes: number;
  batchSize?: number;
  /** rows claimed per round trip (default 100; the pace window caps it) */
  chunkSize?: number;
  retry?: RetryPolicy;
  pauseAfterErrors?: number;
  reconcileEveryMs?: number;
  livenessTtlMs?: number;
  /** BullMQ lock of a running batch; a killed process's job is picked up again after it */
  lockDurationMs?: number;
};

export type CampaignWorker = { close(force?: boolean): Promise<void> };

export async function startCampaignWorker(options: CampaignWorkerOptions & { connection: Redis; prefix: string; logger: Logger; now: () => Date }): Promise<CampaignWorker> {
  const { connection, prefix, logger, now } = options;
  const workerId = randomUUID();
  const livenessTtlMs = options.livenessTtlMs ?? 15_000;
  const queue = createCampaignQueue(connection, prefix);
  // Redis going away is expected (restart, failover): logged, and the reconcile catches up after
  queue.on('error', (error) => logger.warn({ queue: QUEUES.campaigns, reason: redactAddresses(error.message) }, 'campaign queue error'));
  const pace = createSendPace({ redis: connection, prefix, rate: options.sendRate, maxChunk: options.chunkSize ?? 100 });
  const messages = createCampaignMessages({ db: options.db, publicUrl: options.publicUrl, mailFrom: options.mailFrom, dkim: options.dkim });
  const health = { consecutiveErrors: 0 };
  let stopping = false;

  const beat = () => connection.set(senderLivenessKey(prefix, workerId), '1', 'PX', livenessTtlMs).catch(() => undefined);
  await beat();
  const liveness = setInterval(() => void beat(), Math.max(500, Math.floor(livenessTtlMs / 4)));

  const processor = async (job: Job<CampaignJob>) => {
    const parsed = CampaignJob.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('invalid campaign job');
    const result = await sendBatch(
      {
        db: options.db,
        mailer: options.mailer,
        messages,
        pace,
        workerId,
        now,
        retry: options.retry ?? { maxAttempts: 5, baseDelayMs: 60_000, maxDelayMs: 30 * 60_000 },
        pauseAfterErrors: options.pauseAfterErrors ?? 25,
        logger,
        health,
      },
      parsed.data,
      () => stopping,
    );
    return result;
  };
  const worker = new Worker<CampaignJob>(QUEUES.campaigns, processor, {
    connection,
    prefix,
    concurrency: options.concurrency,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: options.lockDurationMs ?? 30_000,
  });
  worker.on('failed', (job, error) => logger.error({ queue: QUEUES.campaigns, jobId: job?.id, reason: redactAddresses(error.message) }, 'campaign batch failed'));
  worker.on('error', (error) => logger.error({ queue: QUEUES.campaigns, reason: redactAddresses(error.message) }, 'campaign worker error'));

  let running: Promise<void> | undefined;
  const reconcileNow = async () => {
    // one reconcile at a time per process
    running ??= reconcileCampaigns({
      db: options.db,
      queue,
      redis: connection,
      prefix,
      logger,
      now,
      templates: options.templates,
      publicUrl: options.publicUrl,
      mailFrom: options.mailFrom,
      batchSize: options.batchSize ?? 1000,
      livenessTtlMs,
      lateMs: options.lateMinutes * 60_000,
    })
      .then(() => undefined)
      .catch((error: unknown) => logger.warn({ reason: redactAddresses((error as Error).message) }, 'campaign reconcile failed; will retry'))
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  await reconcileNow();
  const timer = setInterval(() => void reconcileNow(), options.reconcileEveryMs ?? 5_000);

  return {
    close: async (force = false) => {
      stopping = true;
      clearInterval(timer);
      await worker.close(force);
      await running;
      clearInterval(liveness);
      await connection.del(senderLivenessKey(prefix, workerId)).catch(() => undefined);
      await queue.close();
    },
  };
}
