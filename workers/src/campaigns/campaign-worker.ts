// The campaigns queue's worker (BullMQ wiring only): batch jobs, the process's liveness key, the reconcile.
import { randomUUID } from 'node:crypto';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { linkTokens } from '@crieur/auth';
import type { Db } from '@crieur/db';
import type { DkimSettings } from '@crieur/mailer';
import type { NewsletterTemplates } from '@crieur/newsletter';
import {
  batchQueue,
  CampaignJob,
  createCampaignQueue,
  createMailQueue,
  createSendJournal,
  enqueueStaffMail,
  promptly,
  QUEUES,
  senderLivenessKey,
} from '@crieur/queue';
import {
  createCampaignMessages,
  createDnsResolve,
  createSendLedger,
  newSenderHealth,
  reconcileCampaigns,
  retryUnrecorded,
  sendBatch,
  type BouncePauseRule,
  type ProviderGroup,
  type ProviderPolicy,
  type RetryPolicy,
  type Transport,
} from '@crieur/sending';
import { redactAddresses, scrubError } from '../redact';
import { createSendPace } from './send-pace';

export type CampaignWorkerOptions = {
  db: Db;
  /** derived from APP_SECRET: unsubscribe and preferences links are signed, never stored */
  linkKey: Buffer;
  transport: Transport;
  publicUrl: string;
  mailFrom: string;
  /** DKIM_* settings: each campaign message is signed as it is rendered */
  dkim?: DkimSettings | undefined;
  /** DNS_SERVERS: where a schedule coming due asks the DKIM record again before it starts (absent: the system's) */
  dnsServers?: readonly string[] | undefined;
  templates?: NewsletterTemplates;
  /** messages per second for the whole cluster (SEND_RATE) */
  sendRate: number;
  /** SEND_PROVIDERS: destination domain groups, each paced on its own (absent: every domain is 'autres') */
  providers?: ProviderGroup[];
  /** SEND_BOUNCE_PAUSE: a campaign with too many hard bounces early pauses itself (absent or null: never) */
  bouncePause?: BouncePauseRule | null;
  /** how a throttled provider slows and recovers (default PROVIDER_POLICY: 30 s doubling to 10 min, +50 % a minute) */
  providerPolicy?: ProviderPolicy;
  /** batches (so SMTP connections) this process works on at once (SEND_CONCURRENCY) */
  concurrency: number;
  lateMinutes: number;
  /** recipients per batch job (default: about 40 batches a campaign, see BATCHING) */
  batchSize?: number;
  /** rows claimed per round trip (default 100; the pace window caps it) */
  chunkSize?: number;
  retry?: RetryPolicy;
  /** consecutive server errors before the campaign waits for the mail server (default 10) */
  waitAfterErrors?: number;
  /** the longest wait between two probes of a silent mail server (default 60 s) */
  maxProbeDelayMs?: number;
  /** default 2.5 s: with the liveness below, a crashed process's batches go on within about 8 s */
  reconcileEveryMs?: number;
  /** default 5 s, renewed every quarter of it */
  livenessTtlMs?: number;
  /** BullMQ lock of a running batch; the reconcile takes over a dead process's batches well before it expires */
  lockDurationMs?: number;
};

export type CampaignWorker = { close(force?: boolean): Promise<void> };

export async function startCampaignWorker(
  options: CampaignWorkerOptions & { connection: Redis; prefix: string; logger: Logger; now: () => Date },
): Promise<CampaignWorker> {
  const { connection, prefix, logger, now } = options;
  const workerId = randomUUID();
  const livenessTtlMs = options.livenessTtlMs ?? 5_000;
  const queue = createCampaignQueue(connection, prefix);
  // Redis going away is expected (restart, failover): logged, and the reconcile catches up after
  queue.on('error', (error) =>
    logger.warn({ queue: QUEUES.campaigns, reason: redactAddresses(error.message) }, 'campaign queue error'),
  );
  const pace = createSendPace({
    redis: connection,
    prefix,
    rate: options.sendRate,
    maxChunk: options.chunkSize ?? 100,
    ...(options.providers ? { providers: options.providers } : {}),
    ...(options.providerPolicy ? { policy: options.providerPolicy } : {}),
  });
  const messages = createCampaignMessages({
    db: options.db,
    publicUrl: options.publicUrl,
    mailFrom: options.mailFrom,
    dkim: options.dkim,
  });
  // a send that stops while nobody watches (held at launch, paused by its bounces) emails its team
  const mailQueue = createMailQueue(connection, prefix);
  mailQueue.on('error', (error) =>
    logger.warn({ queue: QUEUES.mail, reason: redactAddresses(error.message) }, 'mail queue error'),
  );
  const notifyStaff = (staffMailIds: string[]) => promptly(enqueueStaffMail(mailQueue, staffMailIds));
  const journal = createSendJournal(connection, prefix);
  const ledger = createSendLedger(options.db);
  const health = newSenderHealth();
  let stopping = false;

  const beat = () =>
    connection.set(senderLivenessKey(prefix, workerId), '1', 'PX', livenessTtlMs).catch(() => undefined);
  await beat();
  const liveness = setInterval(() => void beat(), Math.max(250, Math.floor(livenessTtlMs / 4)));

  const batchDeps = {
    ledger,
    journal,
    transport: options.transport,
    messages,
    pace,
    links: linkTokens(options.linkKey),
    workerId,
    now,
    retry: options.retry ?? { maxAttempts: 5, baseDelayMs: 60_000, maxDelayMs: 30 * 60_000 },
    waitAfterErrors: options.waitAfterErrors ?? 10,
    logger,
    health,
    bouncePause: options.bouncePause ?? null,
    notifyStaff,
  };
  const processor = async (job: Job<CampaignJob>) => {
    const parsed = CampaignJob.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('invalid campaign job');
    try {
      return await sendBatch(batchDeps, parsed.data, () => stopping);
    } catch (error) {
      throw scrubError(error);
    }
  };
  const worker = new Worker<CampaignJob>(QUEUES.campaigns, processor, {
    connection,
    prefix,
    concurrency: options.concurrency,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: options.lockDurationMs ?? 30_000,
  });
  worker.on('failed', (job, error) =>
    logger.warn(
      { queue: QUEUES.campaigns, jobId: job?.id, reason: redactAddresses(error.message) },
      'campaign batch ended on an error; the reconcile takes it up again',
    ),
  );
  worker.on('error', (error) =>
    logger.error({ queue: QUEUES.campaigns, reason: redactAddresses(error.message) }, 'campaign worker error'),
  );

  const launchCheck = { dkim: options.dkim, resolve: createDnsResolve({ servers: options.dnsServers }) };
  let running: Promise<void> | undefined;
  const reconcileNow = async () => {
    // one reconcile at a time per process
    running ??= (async () => {
      await retryUnrecorded(batchDeps);
      await reconcileCampaigns({
        db: options.db,
        queue: batchQueue(queue),
        journal,
        transport: options.transport,
        logger,
        now,
        templates: options.templates,
        publicUrl: options.publicUrl,
        mailFrom: options.mailFrom,
        providers: options.providers,
        // a schedule coming due is checked again: what blocks a send now holds it with the reason
        preflight: launchCheck,
        ...(options.batchSize ? { batchSize: options.batchSize } : {}),
        ...(options.maxProbeDelayMs ? { maxProbeDelayMs: options.maxProbeDelayMs } : {}),
        livenessTtlMs,
        lateMs: options.lateMinutes * 60_000,
        notifyStaff,
      });
    })()
      .catch((error: unknown) =>
        logger.warn({ reason: redactAddresses((error as Error).message) }, 'campaign reconcile failed; will retry'),
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  await reconcileNow();
  const timer = setInterval(() => void reconcileNow(), options.reconcileEveryMs ?? 2_500);

  return {
    close: async (force = false) => {
      stopping = true;
      clearInterval(timer);
      await worker.close(force);
      await running;
      await retryUnrecorded(batchDeps).catch(() => undefined);
      clearInterval(liveness);
      await connection.del(senderLivenessKey(prefix, workerId)).catch(() => undefined);
      await queue.close();
      await mailQueue.close();
    },
  };
}
