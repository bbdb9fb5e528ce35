// Redis only carries work: every few seconds the ledger says what must be queued, what is done, what
// is due, which claims lost their process, and whether a waiting campaign's mail server answers again.
import type { Logger } from 'pino';
import {
  claimRows,
  dueCampaigns,
  endServerWait,
  finishCampaignIfDone,
  holdCampaign,
  inFlightClaims,
  markClaimUncertain,
  pendingBatches,
  postponeServerWait,
  recordOutcomes,
  sendingCampaignIds,
  serverWaitsDue,
  type Db,
} from '@crieur/db';
import { reasonInFrench, toSendFailure } from './decide-failure';
import { decodeEntry, workerIdOf } from './journal-entry';
import { launchCampaign, type LaunchDeps } from './launch-campaign';
import { PreflightBlockedError } from './preflight/launch-check';
import type { SendJournal, Transport } from './ports';

export type ReconcileDeps = LaunchDeps & {
  journal: SendJournal;
  /** probes the mail server of a waiting campaign */
  transport: Pick<Transport, 'probe'>;
  logger: Logger;
  now: () => Date;
  /** how long a process's liveness key lives without renewal */
  livenessTtlMs: number;
  /** a scheduled campaign later than this waits for a human */
  lateMs: number;
  /** the longest wait between two probes of a mail server that does not answer (default 60 s) */
  maxProbeDelayMs?: number;
  /** queues staff emails already written in the database (a held schedule tells its team) */
  notifyStaff?: ((staffMailIds: string[]) => Promise<void>) | undefined;
};

export type ReconcileReport = {
  enqueued: number;
  finished: number;
  uncertain: number;
  released: number;
  started: number;
  held: number;
  probed: number;
};

export async function reconcileCampaigns(deps: ReconcileDeps): Promise<ReconcileReport> {
  const report: ReconcileReport = {
    enqueued: 0,
    finished: 0,
    uncertain: 0,
    released: 0,
    started: 0,
    held: 0,
    probed: 0,
  };
  const now = deps.now();
  const db: Db = deps.db;

  const recovered = await reapDeadClaims(deps, report);
  await startDueCampaigns(deps, report);
  await probeWaitingServers(deps, report);

  const byCampaign = new Map<string, { ready: number[]; later: { batch: number; at: Date }[] }>();
  for (const b of await pendingBatches(db)) {
    const entry = byCampaign.get(b.campaignId) ?? { ready: [], later: [] };
    if (b.nextAt === null || b.nextAt <= now) entry.ready.push(b.batch);
    else entry.later.push({ batch: b.batch, at: b.nextAt });
    byCampaign.set(b.campaignId, entry);
  }
  for (const [campaignId, entry] of byCampaign) {
    const fresh = recovered.get(campaignId) ?? new Set<number>();
    // a dead process's batch job is still "active" in BullMQ until its lock expires: a fresh id takes over now
    const recovery = entry.ready.filter((b) => fresh.has(b));
    if (recovery.length > 0) await deps.queue.enqueue({ campaignId, batches: recovery, recovery: true });
    // same jobId as a waiting or running job: the queue keeps the one it has
    await deps.queue.enqueue({ campaignId, batches: entry.ready.filter((b) => !fresh.has(b)) });
    for (const later of entry.later)
      await deps.queue.enqueue({ campaignId, batches: [later.batch], delayMs: later.at.getTime() - now.getTime() });
    report.enqueued += entry.ready.length + entry.later.length;
  }

  const sending = await sendingCampaignIds(db);
  for (const id of sending) if (await finishCampaignIfDone(db, { campaignId: id, now })) report.finished++;
  await dropStaleHolds(deps, sending);
  return report;
}

/**
 * Claims of processes whose liveness key expired: their journal says which rows were handed to the
 * SMTP server without a reply (uncertain), which got one (recorded), and which were never tried (queued).
 * Returns the batches that got rows back, per campaign.
 */
async function reapDeadClaims(deps: ReconcileDeps, report: ReconcileReport): Promise<Map<string, Set<number>>> {
  const now = deps.now();
  const recovered = new Map<string, Set<number>>();
  const claims = await inFlightClaims(deps.db, { claimedBefore: new Date(now.getTime() - deps.livenessTtlMs) });
  if (claims.length === 0) return recovered;
  const workers = [...new Set(claims.map(workerIdOf))];
  const alive = await deps.journal.alive(workers);
  const dead = new Set(workers.filter((_, i) => !alive[i]));
  for (const claimer of claims.filter((c) => dead.has(workerIdOf(c)))) {
    const rows = await claimRows(deps.db, claimer);
    if (rows.length === 0) continue;
    // taken for good: if its process was only frozen, its next write finds the claim gone and sends nothing
    const journal = await deps.journal.take(claimer);
    if (journal === null) {
      // the journal went with Redis: any row may have been handed over, none is resent on its own
      report.uncertain += await markClaimUncertain(deps.db, { claimer, now });
      continue;
    }
    const outcomes = rows.map((r) => decodeEntry(r.subscriberId, journal.get(r.subscriberId), now));
    await recordOutcomes(deps.db, { campaignId: rows[0]!.campaignId, claimer, now, outcomes });
    for (const o of outcomes) {
      if (o.status === 'uncertain') report.uncertain++;
      if (o.status === 'queued') report.released++;
    }
    const batches = recovered.get(rows[0]!.campaignId) ?? new Set<number>();
    for (const r of rows) batches.add(r.batch);
    recovered.set(rows[0]!.campaignId, batches);
  }
  if (report.uncertain + report.released > 0)
    deps.logger.warn(
      { uncertain: report.uncertain, released: report.released },
      'claims of a stopped process recovered',
    );
  return recovered;
}

// a pause sets its hold just before the ledger changes; older than this on a sending campaign, a resume failed to lift it
const STALE_HOLD_MS = 30_000;

async function dropStaleHolds(deps: ReconcileDeps, sending: string[]): Promise<void> {
  const since = await deps.journal.heldSince(sending);
  const now = deps.now().getTime();
  for (const [i, id] of sending.entries()) {
    const at = since[i];
    if (at !== null && at !== undefined && now - at > STALE_HOLD_MS) await deps.journal.unhold(id);
  }
}

async function startDueCampaigns(deps: ReconcileDeps, report: ReconcileReport): Promise<void> {
  const now = deps.now();
  const db: Db = deps.db;
  for (const due of await dueCampaigns(deps.db, { now })) {
    const lateBy = now.getTime() - due.scheduledAt.getTime();
    if (lateBy > deps.lateMs) {
      const minutes = Math.round(lateBy / 60_000);
      const reason = `L’heure prévue est passée depuis ${minutes} min (système arrêté) : vérifiez la campagne, puis envoyez-la ou reprogrammez-la.`;
      const staffMailIds = await holdCampaign(deps.db, { campaignId: due.id, now, reason, audit: { reason } }).catch(
        () => null,
      );
      if (staffMailIds) await notify(deps, due.id, staffMailIds);
      report.held++;
      continue;
    }
    try {
      // only a campaign still scheduled: staff may have unscheduled it since it was listed
      const launched = await launchCampaign(deps, { campaignId: due.id, now, actorId: null, from: ['scheduled'] });
      if (launched.started) report.started++;
    } catch (error) {
      // held, not sent: staff read why on the campaign, fix the letter or the DNS, then send or reschedule
      const blocked = error instanceof PreflightBlockedError ? error : null;
      const reason = blocked ? blocked.message : `Envoi programmé impossible : ${(error as Error).message}`;
      // the hold, its audit entry and the emails to its team in one transaction: none without the others
      const audit = { reason, ...(blocked ? { blocks: blocked.items.map((i) => i.code) } : {}) };
      const staffMailIds = await holdCampaign(db, { campaignId: due.id, now, reason, audit }).catch(() => null);
      if (staffMailIds) {
        report.held++;
        deps.logger.warn({ campaignId: due.id, blocks: blocked?.items.map((i) => i.code) }, 'scheduled campaign held');
        await notify(deps, due.id, staffMailIds);
      }
    }
  }
}

/** A schedule held while nobody watched: its sender and the admins are told by email (rows already committed). */
async function notify(deps: ReconcileDeps, campaignId: string, staffMailIds: string[]): Promise<void> {
  if (staffMailIds.length === 0 || !deps.notifyStaff) return;
  await deps
    .notifyStaff(staffMailIds)
    .catch((error: Error) =>
      deps.logger.warn({ campaignId, reason: error.message }, 'could not queue the hold emails; the mail rebuild will'),
    );
}

/** A waiting campaign's mail server is probed with a bounded backoff; when it answers, claims resume. */
async function probeWaitingServers(deps: ReconcileDeps, report: ReconcileReport): Promise<void> {
  const due = await serverWaitsDue(deps.db, { now: deps.now() });
  if (due.length === 0) return;
  report.probed++;
  let failure: string | null = null;
  try {
    await deps.transport.probe();
  } catch (error) {
    failure = reasonInFrench(toSendFailure(error).reason);
  }
  const now = deps.now();
  for (const wait of due) {
    if (failure === null) {
      await deps.journal.unhold(wait.campaignId).catch(() => undefined);
      await endServerWait(deps.db, { campaignId: wait.campaignId, now });
      deps.logger.info({ campaignId: wait.campaignId }, 'the mail server answers again: sending resumes');
      continue;
    }
    // about half the time waited so far, from 1 s up to the cap: quick after a blip, gentle after an outage
    const delay = Math.min(deps.maxProbeDelayMs ?? 60_000, Math.max(1000, (now.getTime() - wait.since.getTime()) / 2));
    const reason = `Le serveur d’envoi ne répond pas (${failure}) : nouvel essai automatique à ${hhmmss(new Date(now.getTime() + delay))}.`;
    await postponeServerWait(deps.db, {
      campaignId: wait.campaignId,
      seenProbeAt: wait.probeAt,
      probeAt: new Date(now.getTime() + delay),
      reason,
      now,
    });
  }
}

const hhmmss = (d: Date) =>
  d.toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', second: '2-digit' });
