import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { MailJob } from './jobs';
import { QUEUES } from './names';

export type MailQueue = Queue<MailJob>;

export function createMailQueue(connection: Redis, prefix: string): MailQueue {
  return new Queue<MailJob>(QUEUES.mail, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 30_000 },
      removeOnComplete: { age: 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
}

export async function enqueueMail(queue: MailQueue, job: MailJob): Promise<void> {
  const data = MailJob.parse(job);
  // welcome mails are idempotent per subscription: a double click queues one
  const jobId = data.type === 'welcome' ? `welcome-${data.subscriptionId}` : undefined;
  await queue.add(data.type, data, jobId ? { jobId } : {});
}

/** Erasure: no queued job may keep pointing at the person. */
export async function removeSubscriberJobs(queue: MailQueue, subscriberId: string): Promise<number> {
  let removed = 0;
  const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized', 'failed', 'completed', 'wait']);
  for (const job of jobs) {
    if (job?.data?.subscriberId === subscriberId) {
      await job.remove().catch(() => undefined); // an active job finishes and finds no one
      removed++;
    }
  }
  return removed;
}
