// Redis only carries work: every few seconds the ledger says what must be queued, what is done,
// what is due, and which in-flight rows lost their process.
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { dueCampaigns, finishCampaignIfDone, holdCampaign, inFlightWorkers, markOrphansUncertain, pendingBatches, sendingCampaignIds, type Db } from '@crieur/db';
import { enqueueBatches, senderLivenessKey } from '@crieur/queue';
import { launchCampaign, type LaunchDeps } from './launch-campaign';

export type ReconcileDeps = LaunchDeps & {
  redis: Redis;
  prefix: string;
  logger: Logger;
  now: () => Date;
  /** how long a process's liveness key lives without renewal */
  livenessTtlMs: number;
  /** a scheduled campaign later than this waits for a human */
  lateMs: number;
};

export type ReconcileReport = { enqueued: number; finished: number; uncertain: number; started: number; held: number };

export async function reconcileCampaigns(deps: ReconcileDeps): Promise<ReconcileReport> {
  const report: ReconcileReport = { enqueued: 0, finished: 0, uncertain: 0, started: 0, held: 0 };
  const now = deps.now();
  const db: Db = deps.db;

  const claimers = await inFlightWorkers(db);
  if (claimers.length > 0) {
    const alive = await deps.redis.mget(...claimers.map((id) => senderLivenessKey(deps.prefix, id)));
    const live = claimers.filter((_, i) => alive[i] !== null);
    report.uncertain = await markOrphansUncertain(db, { liveWorkers: live, claimedBefore: new Date(now.getTime() - deps.livenessTtlMs), now });
    if (report.uncertain > 0) deps.logger.warn({ rows: report.uncertain }, 'in-flight rows of a stopped process marked uncertain');
  }

  for (const due of await dueCampaigns(db, { now })) {
    const lateBy = now.getTime() - due.scheduledAt.getTime();
    if (lateBy > deps.lateMs) {
      const minutes = Math.round(lateBy / 60_000);
      await holdCampaign(db, { campaignId: due.id, now, reason: `L’heure prévue est passée depuis ${minutes} min (système arrêté) : vérifiez la campagne, puis envoyez-la ou reprogrammez-la.` }).catch(() => undefined);
      report.held++;
      continue;
    }
    try {
      const launched = await launchCampaign(deps, { campaignId: due.id, now, actorId: null });
      if (launched.started) report.started++;
    } catch (error) {
      await holdCampaign(db, { campaignId: due.id, now, reason: `Envoi programmé impossible : ${(error as Error).message}` }).catch(() => undefined);
      report.held++;
    }
  }

  const byCampaign = new Map<string, { ready: number[]; later: { batch: number; at: Date }[] }>();
  for (const b of await pendingBatches(db)) {
    const entry = byCampaign.get(b.campaignId) ?? { ready: [], later: [] };
    if (b.nextAt === null || b.nextAt <= now) entry.ready.push(b.batch);
    else entry.later.push({ batch: b.batch, at: b.nextAt });
    byCampaign.set(b.campaignId, entry);
  }
  for (const [campaignId, entry] of byCampaign) {
    // same jobId as a waiting or running job: BullMQ keeps the one it has
    await enqueueBatches(deps.queue, { campaignId, batches: entry.ready });
    for (const later of entry.later) await enqueueBatches(deps.queue, { campaignId, batches: [later.batch], delayMs: later.at.getTime() - now.getTime() });
    report.enqueued += entry.ready.length + entry.later.length;
  }

  for (const id of await sendingCampaignIds(db)) if (await finishCampaignIfDone(db, { campaignId: id, now })) report.finished++;
  return report;
}
