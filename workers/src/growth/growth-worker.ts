// The growth queue's worker: a nightly job scheduler (00:15 Paris) and a run at start, each taking
// yesterday's snapshot and backfilling the days missed while the system was down.
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Db } from '@crieur/db';
import { takeSnapshots } from '@crieur/growth';
import { createGrowthQueue, GrowthJob, QUEUES, scheduleGrowthSnapshots, type GrowthQueue } from '@crieur/queue';

export type GrowthWorkerOptions = {
  db: Db;
  /** queue a run as soon as the worker starts (default true) */
  runAtStart?: boolean;
};

export type GrowthWorker = { queue: GrowthQueue; worker: Worker<GrowthJob> };

export function growthProcessor(deps: { db: Db; now: () => Date; logger: Logger }) {
  return async (job: Job<GrowthJob>) => {
    const data = GrowthJob.parse(job.data);
    const result = await takeSnapshots(deps.db, { now: deps.now() });
    if (result.days)
      deps.logger.info(
        { reason: data.reason, from: result.from, to: result.to, days: result.days, written: result.written },
        'growth snapshots taken',
      );
    return result;
  };
}

export async function startGrowthWorker(
  options: GrowthWorkerOptions & { connection: Redis; prefix: string; logger: Logger; now: () => Date },
): Promise<GrowthWorker> {
  const { connection, prefix } = options;
  const queue = createGrowthQueue(connection, prefix);
  // one at a time per process: the job is set-based SQL over the whole ledger, and idempotent if two processes race
  const worker = new Worker<GrowthJob>(
    QUEUES.growth,
    growthProcessor({ db: options.db, now: options.now, logger: options.logger }),
    { connection, prefix, concurrency: 1 },
  );
  await scheduleGrowthSnapshots(queue, { runNow: options.runAtStart ?? true });
  return { queue, worker };
}
