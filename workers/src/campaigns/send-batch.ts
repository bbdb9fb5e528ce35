// One batch job: claim a chunk (as the pace allows), send each message, record the chunk, repeat.
import type { Logger } from 'pino';
import { claimRecipients, currentRecipientStates, pauseCampaign, recordOutcomes, suppressAddress, suppressedAmong, type ClaimedRecipient, type Db, type RecipientOutcome } from '@crieur/db';
import type { CampaignMessages, RecipientMessage } from './campaign-messages';
import { decideFailure, type RetryPolicy } from './decide-failure';
import { toSendFailure } from './send-failure';
import type { SendPace } from './send-pace';

/** What the batch sender needs of @crieur/mailer's Mailer (a recorder in tests). */
export type RawSender = { sendRaw(input: { envelope: { from: string; to: string }; raw: Buffer | Buffer[]; messageId: string }): Promise<{ response: string }> };

export type BatchSenderDeps = {
  db: Db;
  mailer: RawSender;
  messages: CampaignMessages;
  pace: SendPace;
  workerId: string;
  now: () => Date;
  retry: RetryPolicy;
  /** consecutive server errors (no reply, 4xx) in this process before the campaign is paused */
  pauseAfterErrors: number;
  logger: Logger;
  /** shared by every batch this process runs: the mail server's health is not per batch */
  health: { consecutiveErrors: number };
};

// how old the unsubscribe/suppression check of a chunk's next message may be
const RECHECK_AFTER_MS = 250;

export type BatchResult = { sent: number; failed: number; skipped: number; retried: number; uncertain: number; paused: boolean };

function skipReason(r: ClaimedRecipient, suppressed: Set<string>): string | null {
  if (r.email === null) return 'erased';
  if (r.subscriptionStatus !== 'confirmed') return 'unsubscribed';
  if (suppressed.has(r.email)) return 'suppressed';
  return null;
}

export async function sendBatch(deps: BatchSenderDeps, job: { campaignId: string; batch: number }, stop: () => boolean): Promise<BatchResult> {
  const result: BatchResult = { sent: 0, failed: 0, skipped: 0, retried: 0, uncertain: 0, paused: false };
  const message = await deps.messages.get(job.campaignId);
  if (!message) return result;
  while (!stop()) {
    const allowed = await deps.pace.take(deps.pace.maxChunk, stop);
    if (allowed === 0) break;
    const claimed = await claimRecipients(deps.db, { campaignId: job.campaignId, batch: job.batch, limit: allowed, workerId: deps.workerId, now: deps.now() });
    if (claimed.length === 0) break;
    // checked right before sending: an unsubscribe or suppression since the freeze wins
    let suppressed = await suppressedAmong(deps.db, claimed.flatMap((r) => (r.email ? [r.email] : [])));
    let checkedAt = Date.now();
    const outcomes: RecipientOutcome[] = [];
    for (const [index, claimedRow] of claimed.entries()) {
      let r = claimedRow;
      // a slow chunk (low SEND_RATE, struggling server) reads the remaining rows' state again
      if (Date.now() - checkedAt > RECHECK_AFTER_MS) {
        const rest = claimed.slice(index);
        const states = await currentRecipientStates(deps.db, { subscriberIds: rest.map((x) => x.subscriberId), listIds: rest.map((x) => x.listId) });
        for (const x of rest) Object.assign(x, states.get(x.subscriberId) ?? { email: null, subscriptionStatus: null });
        suppressed = await suppressedAmong(deps.db, rest.flatMap((x) => (x.email ? [x.email] : [])));
        checkedAt = Date.now();
        r = claimed[index]!;
      }
      // stopping, or the server is failing: the rest of the chunk goes back untried, at once
      if (stop() || deps.health.consecutiveErrors >= deps.pauseAfterErrors) {
        outcomes.push({ subscriberId: r.subscriberId, status: 'queued', error: 'not attempted', retryAt: deps.now(), released: true });
        continue;
      }
      const skip = skipReason(r, suppressed);
      if (skip !== null || r.email === null) {
        outcomes.push({ subscriberId: r.subscriberId, status: 'skipped', error: skip ?? 'erased' });
        result.skipped++;
        continue;
      }
      await deps.pace.beforeEach();
      outcomes.push(await sendOne(deps, job.campaignId, message, r, r.email, result));
    }
    await recordOutcomes(deps.db, { campaignId: job.campaignId, workerId: deps.workerId, now: deps.now(), outcomes });
    if (deps.health.consecutiveErrors >= deps.pauseAfterErrors) {
      const reason = `Le serveur d’envoi refuse ou ne répond pas (${deps.health.consecutiveErrors} erreurs de suite, dernière : ${lastError(outcomes)}). Vérifiez-le, puis reprenez l’envoi.`;
      await pauseCampaign(deps.db, { campaignId: job.campaignId, now: deps.now(), reason }).catch(() => undefined);
      deps.logger.warn({ campaignId: job.campaignId, errors: deps.health.consecutiveErrors }, 'campaign paused: mail server errors');
      deps.health.consecutiveErrors = 0;
      result.paused = true;
      break;
    }
  }
  return result;
}

const lastError = (outcomes: RecipientOutcome[]) => {
  const last = [...outcomes].reverse().find((o) => o.status !== 'sent' && o.status !== 'skipped');
  return last && 'error' in last ? last.error : 'inconnue';
};

async function sendOne(deps: BatchSenderDeps, campaignId: string, message: RecipientMessage, r: ClaimedRecipient, email: string, result: BatchResult): Promise<RecipientOutcome> {
  const raw = message.render({ email, name: r.name, messageId: r.messageId, listId: r.listId, unsubscribeToken: r.unsubscribeToken ?? '', preferencesToken: r.preferencesToken ?? '', date: deps.now() });
  try {
    const sent = await deps.mailer.sendRaw({ envelope: { from: message.envelopeFrom, to: email }, raw, messageId: r.messageId });
    deps.health.consecutiveErrors = 0;
    deps.pace.serverFine();
    result.sent++;
    return { subscriberId: r.subscriberId, status: 'sent', response: sent.response };
  } catch (error) {
    const failure = toSendFailure(error);
    const decision = decideFailure(failure, r.attempts, deps.now(), deps.retry);
    if (decision.serverTrouble) {
      deps.health.consecutiveErrors++;
      deps.pace.serverTrouble();
    } else {
      deps.health.consecutiveErrors = 0;
    }
    if (decision.status === 'queued') {
      result.retried++;
      return { subscriberId: r.subscriberId, status: 'queued', error: failure.reason, retryAt: decision.retryAt };
    }
    if (decision.status === 'uncertain') {
      result.uncertain++;
      return { subscriberId: r.subscriberId, status: 'uncertain', error: failure.reason };
    }
    result.failed++;
    if (decision.suppress) await suppressAddress(deps.db, { email, reason: 'hard_bounce', now: deps.now(), source: 'system', campaignId });
    return { subscriberId: r.subscriberId, status: 'failed', error: failure.reason };
  }
}
