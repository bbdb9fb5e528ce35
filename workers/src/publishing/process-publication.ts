import type { Job } from 'bullmq';
import { publishIfDue, type Db } from '@crieur/db';
import { PublishJob } from '@crieur/queue';

export type PublishingDeps = { db: Db; now: () => Date };

/** Publishes a scheduled article when its time has come; a moved or cancelled schedule makes it a no-op. */
export function publicationProcessor(deps: PublishingDeps) {
  return async (job: Job<PublishJob>): Promise<{ published: boolean }> => {
    const data = PublishJob.parse(job.data);
    return { published: await publishIfDue(deps.db, { id: data.articleId, now: deps.now() }) };
  };
}
