import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { PublishJob } from './jobs';
import { QUEUES } from './names';
import { failFastQueueOptions } from './redis';

export type PublishingQueue = Queue<PublishJob>;

export function createPublishingQueue(connection: Redis, prefix: string): PublishingQueue {
  return new Queue<PublishJob>(QUEUES.publishing, {
    connection,
    prefix,
    ...failFastQueueOptions(connection),
    defaultJobOptions: {
      attempts: 10,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: { age: 24 * 3600 },
      removeOnFail: { age: 30 * 24 * 3600 },
    },
  });
}

// one job per (article, time): scheduling twice or reconciling adds nothing
export const publishJobId = (articleId: string, at: Date) => `publish-${articleId}-${at.getTime()}`;

export async function schedulePublication(
  queue: PublishingQueue,
  input: { articleId: string; at: Date; now: Date },
): Promise<void> {
  const data = PublishJob.parse({ articleId: input.articleId, at: input.at.toISOString() });
  await queue.add('publish', data, {
    jobId: publishJobId(input.articleId, input.at),
    delay: Math.max(0, input.at.getTime() - input.now.getTime()),
  });
}

/**
 * The database holds the truth: every scheduled article gets its delayed job back after Redis
 * lost it (flush, restart without AOF). Returns how many jobs it had to re-create.
 */
export async function reconcilePublications(
  queue: PublishingQueue,
  input: { scheduled: { id: string; scheduledAt: Date }[]; now: Date },
): Promise<number> {
  let created = 0;
  for (const article of input.scheduled) {
    const existing = await queue.getJob(publishJobId(article.id, article.scheduledAt));
    if (existing && !(await existing.isFailed())) continue;
    if (existing) await existing.remove();
    await schedulePublication(queue, { articleId: article.id, at: article.scheduledAt, now: input.now });
    created++;
  }
  return created;
}
