import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { QUEUES } from './names';

// The nightly snapshot carries nothing: the worker reads the day from its clock and the ledger.
export const GrowthJob = z.object({ reason: z.enum(['nightly', 'start']).default('nightly') });
export type GrowthJob = z.infer<typeof GrowthJob>;

export type GrowthQueue = Queue<GrowthJob>;

/** 00:15 in Paris, after the day closed: late enough for a midnight send's last events. */
export const GROWTH_CRON = { pattern: '15 0 * * *', tz: 'Europe/Paris' } as const;
export const GROWTH_SCHEDULER_ID = 'growth-nightly';

export function createGrowthQueue(connection: Redis, prefix: string): GrowthQueue {
  return new Queue<GrowthJob>(QUEUES.growth, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 60_000 },
      removeOnComplete: { count: 30 },
      removeOnFail: { age: 30 * 24 * 3600 },
    },
  });
}

/** The nightly job scheduler (upserting it again changes nothing), and one run now. */
export async function scheduleGrowthSnapshots(queue: GrowthQueue, options: { runNow: boolean }): Promise<void> {
  await queue.upsertJobScheduler(GROWTH_SCHEDULER_ID, GROWTH_CRON, { name: 'snapshot', data: { reason: 'nightly' } });
  // after a stop the missed nights are backfilled at once, not at the next 00:15
  if (options.runNow) await queue.add('snapshot', { reason: 'start' });
}
