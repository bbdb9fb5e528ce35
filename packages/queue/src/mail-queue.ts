import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { MailJob } from './jobs';
import { QUEUES } from './names';
import { failFastQueueOptions } from './redis';

export type MailQueue = Queue<MailJob>;

export function createMailQueue(connection: Redis, prefix: string): MailQueue {
  return new Queue<MailJob>(QUEUES.mail, {
    connection,
    prefix,
    ...failFastQueueOptions(connection),
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 30_000 },
      removeOnComplete: { age: 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
}

// one job per confirmation email and per welcome: a flood, a double click or the rebuild queues one
export const confirmJobId = (confirmationId: string) => `confirm-${confirmationId}`;
// a confirmation click stamps all its lists with one welcome_due_at: person + instant names that click
export const welcomeJobId = (subscriberId: string, dueAt: string) =>
  `welcome-${subscriberId}-${new Date(dueAt).getTime()}`;
export const staffMailJobId = (staffMailId: string) => `staff-${staffMailId}`;
export const contributionMailJobId = (contributionMailId: string) => `contribution-${contributionMailId}`;
export function mailJobId(job: MailJob): string {
  switch (job.type) {
    case 'confirm':
      return confirmJobId(job.confirmationId);
    case 'welcome':
      return welcomeJobId(job.subscriberId, job.dueAt);
    case 'staff':
      return staffMailJobId(job.staffMailId);
    case 'contribution':
      return contributionMailJobId(job.contributionMailId);
  }
}

export async function enqueueMail(queue: MailQueue, job: MailJob): Promise<void> {
  const data = MailJob.parse(job);
  await queue.add(data.type, data, { jobId: mailJobId(data) });
}

/** Proposers' email rows just written: queued now; the mail reconcile sends any this misses (Redis down). */
export async function enqueueContributionMail(queue: MailQueue, contributionMailIds: readonly string[]): Promise<void> {
  for (const contributionMailId of contributionMailIds)
    await enqueueMail(queue, { type: 'contribution', contributionMailId });
}

/** Staff email rows just written: queued now; the mail reconcile sends any this misses (Redis down). */
export async function enqueueStaffMail(queue: MailQueue, staffMailIds: readonly string[]): Promise<void> {
  for (const staffMailId of staffMailIds) await enqueueMail(queue, { type: 'staff', staffMailId });
}

/**
 * The database says which emails are still owed: each gets its job back unless one with its id
 * exists (waiting, running, done or failed: a failed one is not retried here). Returns how many.
 */
export async function restoreMailJobs(queue: MailQueue, owed: MailJob[]): Promise<number> {
  let created = 0;
  for (const job of owed) {
    if (await queue.getJob(mailJobId(job))) continue;
    await enqueueMail(queue, job);
    created++;
  }
  return created;
}

/** Erasure: no queued job may keep pointing at the person. */
export async function removeSubscriberJobs(queue: MailQueue, subscriberId: string): Promise<number> {
  let removed = 0;
  const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized', 'failed', 'completed', 'wait']);
  for (const job of jobs) {
    if (job?.data && 'subscriberId' in job.data && job.data.subscriberId === subscriberId) {
      await job.remove().catch(() => undefined); // an active job finishes and finds no one
      removed++;
    }
  }
  return removed;
}
