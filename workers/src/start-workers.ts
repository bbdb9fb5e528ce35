import { Queue, Worker } from 'bullmq';
import type { Logger } from 'pino';
import {
  createMailQueue,
  createPublishingQueue,
  createRedis,
  QUEUES,
  reconcilePublications,
  reconcileDossierPublications,
  type MailJob,
  type MailQueue,
  type PublishJob,
} from '@crieur/queue';
import { scheduledArticles, scheduledDossiers, type Db } from '@crieur/db';
import { publicationProcessor } from './publishing/process-publication';
import { checkRedisPolicy } from './check-redis';
import { heartbeatProcessor } from './heartbeat';
import { mailProcessor, type MailDeps } from './mail/process-mail';
import { startMailReconcile } from './mail/reconcile-mail';
import { redactAddresses } from './redact';
import { startCampaignWorker, type CampaignWorker, type CampaignWorkerOptions } from './campaigns/campaign-worker';
import { startGrowthWorker, type GrowthWorkerOptions } from './growth/growth-worker';
import { startContributionUpkeep } from './contributions/contribution-upkeep';
import { startSubscriberRetention } from './subscribers/subscriber-retention';

export type WorkersOptions = {
  redisUrl: string;
  prefix: string;
  mode: 'development' | 'production' | 'test';
  logger: Logger;
  now?: () => Date;
  heartbeatEveryMs?: number;
  /** Transactional mail (confirmations, welcomes); absent in processes that do not send. */
  mail?: Omit<MailDeps, 'now'> & { concurrency?: number; reconcileEveryMs?: number };
  /** Scheduled publication; reconciles the queue with the database at start and every `reconcileEveryMs`. */
  publishing?: { db: Db; reconcileEveryMs?: number; contributionsEveryMs?: number; retentionEveryMs?: number };
  /** Campaign sending (batch jobs, pace, reconcile from the send ledger). */
  campaigns?: CampaignWorkerOptions;
  /** Daily list snapshots (growth): nightly at 00:15 Paris and once at start. */
  growth?: GrowthWorkerOptions;
};

export type RunningWorkers = {
  /** Lets running jobs finish, up to `timeoutMs`, then closes everything. */
  close(timeoutMs?: number): Promise<{ graceful: boolean }>;
};

export async function startWorkers(options: WorkersOptions): Promise<RunningWorkers> {
  const { logger, prefix } = options;
  const connection = createRedis(options.redisUrl, 'worker');
  connection.on('error', (error) => logger.error({ err: error }, 'Redis connection error'));
  try {
    await checkRedisPolicy(connection, options.mode, logger);
  } catch (error) {
    connection.disconnect();
    throw error;
  }

  const everyMs = options.heartbeatEveryMs ?? 30_000;
  const queue = new Queue(QUEUES.heartbeat, { connection, prefix });
  await queue.upsertJobScheduler(
    'heartbeat',
    { every: everyMs },
    { name: 'heartbeat', opts: { removeOnComplete: 10, removeOnFail: 50 } },
  );

  const beat = heartbeatProcessor({
    redis: connection,
    prefix,
    now: options.now ?? (() => new Date()),
    ttlSeconds: Math.ceil((everyMs * 3) / 1000),
  });
  await beat(); // alive from the first second, not after the first interval
  const now = options.now ?? (() => new Date());
  const workers: Worker[] = [new Worker(QUEUES.heartbeat, beat, { connection, prefix, concurrency: 1 })];
  if (options.mail) {
    workers.push(
      new Worker<MailJob>(QUEUES.mail, mailProcessor({ ...options.mail, now }), {
        connection,
        prefix,
        concurrency: options.mail.concurrency ?? 4,
      }),
    );
  }
  // owed confirmations and welcomes get their job back from the database at start and every minute
  let mailQueue: MailQueue | undefined;
  let mailReconcile: { stop(): void } | undefined;
  if (options.mail) {
    mailQueue = createMailQueue(connection, prefix);
    const { db, reconcileEveryMs } = options.mail;
    mailReconcile = await startMailReconcile({ db, queue: mailQueue, logger, now, everyMs: reconcileEveryMs });
  }
  const publishingQueue = options.publishing ? createPublishingQueue(connection, prefix) : undefined;
  let reconcileTimer: NodeJS.Timeout | undefined;
  let contributionUpkeep: { stop(): Promise<void> } | undefined;
  let subscriberRetention: { stop(): Promise<void> } | undefined;
  if (options.publishing && publishingQueue) {
    const { db } = options.publishing;
    workers.push(
      new Worker<PublishJob>(QUEUES.publishing, publicationProcessor({ db, now }), {
        connection,
        prefix,
        concurrency: 2,
      }),
    );
    const reconcile = async () => {
      try {
        const created = await reconcilePublications(publishingQueue, {
          scheduled: await scheduledArticles(db),
          now: now(),
        });
        if (created) logger.info({ created }, 'publication jobs re-created from the database');
        const dossiers = await reconcileDossierPublications(publishingQueue, {
          scheduled: await scheduledDossiers(db),
          now: now(),
        });
        if (dossiers) logger.info({ created: dossiers }, 'dossier publication jobs re-created from the database');
      } catch (error) {
        logger.warn({ reason: redactAddresses((error as Error).message) }, 'publication reconcile failed; will retry');
      }
    };
    await reconcile();
    // not a BullMQ scheduler: it must survive Redis losing its keys
    reconcileTimer = setInterval(() => void reconcile(), options.publishing.reconcileEveryMs ?? 60_000);
    // contributions: ended events and closed offers expire, refused and unconfirmed ones are erased in time
    contributionUpkeep = await startContributionUpkeep({
      db,
      logger,
      now,
      everyMs: options.publishing.contributionsEveryMs,
    });
    // subscribers: never-confirmed requests and people long gone are erased when their time is up (RGPD)
    subscriberRetention = await startSubscriberRetention({
      db,
      logger,
      now,
      everyMs: options.publishing.retentionEveryMs,
    });
  }
  const campaignWorker: CampaignWorker | undefined = options.campaigns
    ? await startCampaignWorker({ ...options.campaigns, connection, prefix, logger, now })
    : undefined;
  const growth = options.growth
    ? await startGrowthWorker({ ...options.growth, connection, prefix, logger, now })
    : undefined;
  if (growth) workers.push(growth.worker as Worker);
  for (const worker of workers) {
    // the job id and the error as describeError tells it (class, code, scrubbed message): never the job's data
    worker.on('failed', (job, error) =>
      logger.error({ queue: worker.name, jobId: job?.id, attempts: job?.attemptsMade, err: error }, 'job failed'),
    );
    worker.on('error', (error) => logger.error({ queue: worker.name, err: error }, 'worker error'));
  }
  logger.info(
    { queues: [...workers.map((w) => w.name), ...(campaignWorker ? [QUEUES.campaigns] : [])] },
    'workers started',
  );

  return {
    close: async (timeoutMs = 10_000) => {
      clearInterval(reconcileTimer);
      mailReconcile?.stop();
      await contributionUpkeep?.stop();
      await subscriberRetention?.stop();
      let timer: NodeJS.Timeout | undefined;
      const graceful = Promise.all([...workers.map((w) => w.close()), campaignWorker?.close()]).then(() => true);
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const finished = await Promise.race([graceful, timeout]);
      clearTimeout(timer);
      if (!finished) {
        logger.warn({ timeoutMs }, 'workers did not finish in time: forcing close');
        await Promise.all([...workers.map((w) => w.close(true)), campaignWorker?.close(true)]);
      }
      await queue.close();
      await publishingQueue?.close();
      await mailQueue?.close();
      await growth?.queue.close();
      connection.disconnect();
      return { graceful: finished };
    },
  };
}
