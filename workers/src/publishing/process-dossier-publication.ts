import type { Job } from 'bullmq';
import { publishDossierIfDue, type Db } from '@crieur/db';
import { PublishDossierJob } from '@crieur/queue';

/**
 * Publishes a scheduled dossier when its time has come; a moved or cancelled schedule makes it a no-op.
 * Its review emails are `staff_mail` rows: the mail worker's reconcile queues them.
 */
export async function publishDossierJob(deps: { db: Db; now: () => Date }, job: Job): Promise<{ published: boolean }> {
  const data = PublishDossierJob.parse(job.data);
  const { published } = await publishDossierIfDue(deps.db, { id: data.dossierId, now: deps.now() });
  return { published };
}
