import type { Queue } from 'bullmq';
import { z } from 'zod';
import type { PublishingQueue } from './publishing-queue';

// dossiers share the publishing queue with articles; the worker tells them apart by the job's name
export const PUBLISH_DOSSIER = 'publish-dossier';

export const PublishDossierJob = z.object({ dossierId: z.uuid(), at: z.iso.datetime() });
export type PublishDossierJob = z.infer<typeof PublishDossierJob>;

// one job per (dossier, time): scheduling twice or reconciling adds nothing; a moved date is a new job
export const publishDossierJobId = (dossierId: string, at: Date) => `publish-dossier-${dossierId}-${at.getTime()}`;

// the queue is typed for article jobs; this one job kind rides along under its own name
const asDossierQueue = (queue: PublishingQueue) => queue as unknown as Queue<PublishDossierJob>;

export async function scheduleDossierPublication(
  queue: PublishingQueue,
  input: { dossierId: string; at: Date; now: Date },
): Promise<void> {
  const data = PublishDossierJob.parse({ dossierId: input.dossierId, at: input.at.toISOString() });
  await asDossierQueue(queue).add(PUBLISH_DOSSIER, data, {
    jobId: publishDossierJobId(input.dossierId, input.at),
    delay: Math.max(0, input.at.getTime() - input.now.getTime()),
  });
}

/** Every scheduled dossier gets its delayed job back after Redis lost it. Returns how many were re-created. */
export async function reconcileDossierPublications(
  queue: PublishingQueue,
  input: { scheduled: { id: string; scheduledAt: Date }[]; now: Date },
): Promise<number> {
  let created = 0;
  for (const dossier of input.scheduled) {
    const existing = await queue.getJob(publishDossierJobId(dossier.id, dossier.scheduledAt));
    if (existing && !(await existing.isFailed())) continue;
    if (existing) await existing.remove();
    await scheduleDossierPublication(queue, { dossierId: dossier.id, at: dossier.scheduledAt, now: input.now });
    created++;
  }
  return created;
}
