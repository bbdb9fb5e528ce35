import type { Job } from 'bullmq';
import { publishIfDue, queueReviewMail, type Db } from '@crieur/db';
import { PUBLISH_DOSSIER, PublishJob } from '@crieur/queue';
import { publishDossierJob } from './process-dossier-publication';

export type PublishingDeps = { db: Db; now: () => Date };

/**
 * Publishes a scheduled article when its time has come (its working version becomes the live one); a moved or
 * cancelled schedule makes it a no-op. The owner's email is written with it, in the name of whoever scheduled it;
 * the mail reconcile sends it within a minute (this worker holds no mail queue).
 */
export function publicationProcessor(deps: PublishingDeps) {
  return async (job: Job<PublishJob>): Promise<{ published: boolean }> => {
    if (job.name === PUBLISH_DOSSIER) return publishDossierJob(deps, job);
    const data = PublishJob.parse(job.data);
    const published = await publishIfDue(deps.db, {
      id: data.articleId,
      now: deps.now(),
      notify: async (tx, scheduledBy) =>
        scheduledBy && queueReviewMail(tx, { event: 'published', actorId: scheduledBy, articleId: data.articleId }),
    });
    return { published };
  };
}
