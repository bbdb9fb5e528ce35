import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { QUEUES } from './names';
import { failFastQueueOptions } from './redis';

// Campaign jobs carry ids only; the ledger in PostgreSQL says who is left to send.
// (scheduled starts need no job: the reconcile, every few seconds, starts what is due from the database)
export const CampaignJob = z.object({ type: z.literal('batch'), campaignId: z.uuid(), batch: z.number().int().min(0) });
export type CampaignJob = z.infer<typeof CampaignJob>;

export type CampaignQueue = Queue<CampaignJob>;

export function createCampaignQueue(connection: Redis, prefix: string): CampaignQueue {
  return new Queue<CampaignJob>(QUEUES.campaigns, {
    connection,
    prefix,
    ...failFastQueueOptions(connection),
    // a failed batch job is not retried by BullMQ, nor kept: the reconcile re-adds it from the ledger,
    // and a kept failure under the same id would make that re-add a silent no-op
    defaultJobOptions: { attempts: 1, removeOnComplete: true, removeOnFail: true },
  });
}

// deterministic: adding a batch twice (reconcile, second click) keeps one job
export const batchJobId = (campaignId: string, batch: number) => `batch-${campaignId}-${batch}`;

/**
 * One job per batch. `recovery`: the batch's job is still active in BullMQ for a process that died (until its
 * lock expires), so a job under a fresh id takes over now; two jobs on one batch share it (SKIP LOCKED claims).
 */
export async function enqueueBatches(
  queue: CampaignQueue,
  input: { campaignId: string; batches: number[]; delayMs?: number; recovery?: boolean },
): Promise<void> {
  if (input.batches.length === 0) return;
  const suffix = input.recovery ? `-r${Date.now()}` : '';
  await queue.addBulk(
    input.batches.map((batch) => ({
      name: 'batch',
      data: CampaignJob.parse({ type: 'batch', campaignId: input.campaignId, batch }),
      opts: {
        jobId: `${batchJobId(input.campaignId, batch)}${suffix}`,
        ...(input.delayMs ? { delay: input.delayMs } : {}),
      },
    })),
  );
}

/** The campaigns queue as @crieur/sending's BatchQueue. */
export const batchQueue = (queue: CampaignQueue) => ({
  enqueue: (input: { campaignId: string; batches: number[]; delayMs?: number; recovery?: boolean }) =>
    enqueueBatches(queue, input),
});

/** Key of a sending process's liveness: while it exists, that process's in-flight rows are not orphans. */
export const senderLivenessKey = (prefix: string, workerId: string) => `${prefix}:sender:${workerId}`;
/** The cluster-wide send pace is counted under this key. */
export const sendRateKey = (prefix: string) => `${prefix}:send-rate`;
