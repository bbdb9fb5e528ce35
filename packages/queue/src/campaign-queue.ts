import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { QUEUES } from './names';

// Campaign jobs carry ids only; the ledger in PostgreSQL says who is left to send.
// (scheduled starts need no job: the reconcile, every few seconds, starts what is due from the database)
export const CampaignJob = z.object({ type: z.literal('batch'), campaignId: z.uuid(), batch: z.number().int().min(0) });
export type CampaignJob = z.infer<typeof CampaignJob>;

export type CampaignQueue = Queue<CampaignJob>;

export function createCampaignQueue(connection: Redis, prefix: string): CampaignQueue {
  return new Queue<CampaignJob>(QUEUES.campaigns, {
    connection,
    prefix,
    // a failed batch job is not retried by BullMQ: the reconcile re-adds it from the ledger
    defaultJobOptions: { attempts: 1, removeOnComplete: true, removeOnFail: { age: 7 * 24 * 3600, count: 1000 } },
  });
}

// deterministic: adding a batch twice (reconcile, second click) keeps one job
export const batchJobId = (campaignId: string, batch: number) => `batch-${campaignId}-${batch}`;

export async function enqueueBatches(queue: CampaignQueue, input: { campaignId: string; batches: number[]; delayMs?: number }): Promise<void> {
  if (input.batches.length === 0) return;
  await queue.addBulk(
    input.batches.map((batch) => ({
      name: 'batch',
      data: CampaignJob.parse({ type: 'batch', campaignId: input.campaignId, batch }),
      opts: { jobId: batchJobId(input.campaignId, batch), ...(input.delayMs ? { delay: input.delayMs } : {}) },
    })),
  );
}

/** Key of a sending process's liveness: while it exists, that process's in-flight rows are not orphans. */
export const senderLivenessKey = (prefix: string, workerId: string) => `${prefix}:sender:${workerId}`;
/** The cluster-wide send pace is counted under this key. */
export const sendRateKey = (prefix: string) => `${prefix}:send-rate`;
