// One batch job: claim a chunk (as the pace allows), send each message, record the chunk, repeat.
// Before each message is handed to the SMTP connection, the attempt journal says so: after a crash,
// only the message actually in flight can become uncertain, the rest of the chunk is sent later.
import type { Logger } from 'pino';
import type { ClaimedRecipient, RecipientOutcome } from '@crieur/db';
import type { RecipientMessage } from './campaign-messages';
import type { BouncePauseRule } from './bounce-pause';
import { decideFailure, reasonInFrench, toSendFailure, type RetryPolicy } from './decide-failure';
import { encodeEntry, HANDED } from './journal-entry';
import { pauseOnBounces } from './pause-on-bounces';
import type { SendJournal, SendPace, Transport } from './ports';
import { countByProvider, nothingClaimed, providerSlowed } from './provider-claims';
import { OTHER_PROVIDER } from './provider-groups';
import type { SendLedger } from './send-ledger';

export type BatchSenderDeps = {
  ledger: SendLedger;
  journal: SendJournal;
  transport: Transport;
  messages: { get(campaignId: string): Promise<RecipientMessage | null> };
  pace: SendPace;
  /** signed unsubscribe and preferences links (no token is stored) */
  links: { unsubscribe(subscriptionId: string): string; preferences(subscriberId: string): string };
  /** this process's id (its liveness key); each chunk is claimed as `<workerId>.<n>` */
  workerId: string;
  now: () => Date;
  retry: RetryPolicy;
  /** consecutive server errors (no reply, 4xx) in this process before the campaign waits for the server */
  waitAfterErrors: number;
  logger: Logger;
  /** shared by every batch this process runs: the mail server's health is not per batch */
  health: SenderHealth;
  /** SEND_BOUNCE_PAUSE: too many hard bounces early in a send pause the campaign; null or absent: never */
  bouncePause?: BouncePauseRule | null;
  /** queues staff emails already written in the database (a send that paused itself tells its team) */
  notifyStaff?: ((staffMailIds: string[]) => Promise<void>) | undefined;
};

export type SenderHealth = {
  consecutiveErrors: number;
  lastError: string;
  /** when this process saw a campaign go into waiting: its chunks claimed before then stop at once */
  waiting: Map<string, number>;
  /** claims whose recording failed (database gone): retried by the reconcile, never left `sending` */
  unrecorded: Map<string, { campaignId: string; outcomes: RecipientOutcome[] }>;
  chunks: number;
  /** campaigns past their early recipients (or judged already): the bounce rule is not asked again */
  bouncesSettled: Set<string>;
};

export const newSenderHealth = (): SenderHealth => ({
  consecutiveErrors: 0,
  lastError: '',
  waiting: new Map(),
  unrecorded: new Map(),
  chunks: 0,
  bouncesSettled: new Set(),
});

// how old the unsubscribe/suppression check of a chunk's next message may be
const RECHECK_AFTER_MS = 250;

export type BatchResult = {
  sent: number;
  failed: number;
  skipped: number;
  retried: number;
  uncertain: number;
  released: number;
  waiting: boolean;
};

function skipReason(r: ClaimedRecipient, suppressed: Set<string>): string | null {
  if (r.email === null) return 'erased';
  if (r.subscriptionStatus !== 'confirmed') return 'unsubscribed';
  if (suppressed.has(r.email)) return 'suppressed';
  return null;
}

export async function sendBatch(
  deps: BatchSenderDeps,
  job: { campaignId: string; batch: number },
  stop: () => boolean,
): Promise<BatchResult> {
  const result: BatchResult = { sent: 0, failed: 0, skipped: 0, retried: 0, uncertain: 0, released: 0, waiting: false };
  const message = await deps.messages.get(job.campaignId);
  if (!message) return result;
  // provider windows are reserved only for the providers this batch has
  const providers = await deps.ledger.batchProviders(job);
  while (!stop()) {
    const claimer = `${deps.workerId}.${++deps.health.chunks}`;
    const answeredBefore = result.sent + result.failed + result.uncertain;
    const chunk = await sendChunk(
      deps,
      { ...job, claimer, limit: deps.pace.maxChunk, providers },
      message,
      stop,
      result,
    );
    if (chunk === 'empty' || chunk === 'stopped') break;
    if (typeof chunk === 'object') {
      // only providers whose window is spent have rows left: wait for the next window, not for the reconcile
      await pause(chunk.pacedMs, stop);
      continue;
    }
    const answered = result.sent + result.failed + result.uncertain > answeredBefore;
    if (answered && deps.bouncePause && (await pauseOnBounces(deps, deps.bouncePause, job.campaignId).catch(noPause)))
      break;
  }
  return result;
}

/** `pacedMs`: nothing claimed only because the providers left are at their pace; try again then. */
export type ChunkEnd = 'done' | 'empty' | 'stopped' | { pacedMs: number };

// the rule could not be judged now (database away): sending goes on, the next chunk asks again
const noPause = () => false;

async function pause(ms: number, stop: () => boolean): Promise<void> {
  const end = Date.now() + ms;
  // short sleeps so a stop is seen quickly
  while (!stop() && Date.now() < end) await new Promise((r) => setTimeout(r, Math.min(250, end - Date.now())));
}

async function sendChunk(
  deps: BatchSenderDeps,
  job: { campaignId: string; batch: number; claimer: string; limit: number; providers: string[] },
  message: RecipientMessage,
  stop: () => boolean,
  result: BatchResult,
): Promise<ChunkEnd> {
  const { campaignId, claimer } = job;
  const startedAt = Date.now();
  const waitingSinceStart = () => (deps.health.waiting.get(campaignId) ?? 0) >= startedAt;
  // the journal exists before the claim: a crash right after claiming finds it empty, so nothing is uncertain
  await deps.journal.open(claimer);
  const outcomes: RecipientOutcome[] = [];
  let noted = 0;
  let end: ChunkEnd = 'done';
  let reaped = false;
  // providers that said "too fast" during this chunk, and until when their rows wait
  const throttled = new Map<string, number>();
  try {
    const plan = await deps.pace.planClaim(job.limit, job.providers);
    let claimed: ClaimedRecipient[] = [];
    try {
      claimed = await deps.ledger.claim({
        campaignId,
        batch: job.batch,
        limit: job.limit,
        claimer,
        now: deps.now(),
        providers: plan.limits,
      });
    } finally {
      await deps.pace.settleClaim(plan, countByProvider(claimed)).catch(() => undefined);
    }
    if (claimed.length === 0) return (end = await nothingClaimed(deps, job, plan));
    // the pace is taken for rows really claimed: a paused or finished campaign's job costs no window
    if ((await deps.pace.take(claimed.length, stop)) === 0) return (end = 'stopped');
    // checked right before sending: an unsubscribe or suppression since the freeze wins
    let suppressed = await deps.ledger.suppressedAmong(claimed.flatMap((r) => (r.email ? [r.email] : [])));
    let checkedAt = Date.now();
    for (const [index, row] of claimed.entries()) {
      // a slow chunk (low SEND_RATE, struggling server) reads the remaining rows' state again
      if (Date.now() - checkedAt > RECHECK_AFTER_MS) {
        const rest = claimed.slice(index);
        const states = await deps.ledger.currentStates(rest);
        for (const x of rest) Object.assign(x, states.get(x.subscriberId) ?? { email: null, subscriptionStatus: null });
        suppressed = await deps.ledger.suppressedAmong(rest.flatMap((x) => (x.email ? [x.email] : [])));
        checkedAt = Date.now();
      }
      if (stop() || waitingSinceStart()) return (end = 'stopped');
      const skip = skipReason(row, suppressed);
      if (skip !== null || row.email === null) {
        outcomes.push({ subscriberId: row.subscriberId, status: 'skipped', error: skip ?? 'erased' });
        result.skipped++;
        continue;
      }
      const waitUntil = throttled.get(row.provider);
      if (waitUntil !== undefined) {
        // its provider just asked us to slow down: not tried now, due when the provider may go again
        const retryAt = new Date(waitUntil);
        outcomes.push({
          subscriberId: row.subscriberId,
          status: 'queued',
          error: 'not attempted',
          retryAt,
          released: true,
        });
        result.released++;
        continue;
      }
      await deps.pace.beforeEach();
      let raw: Buffer[];
      try {
        raw = renderFor(deps, message, row, row.email);
      } catch (error) {
        // a message that cannot be built for this person never will be: failed, not retried forever
        deps.logger.warn({ campaignId, reason: (error as Error).name }, 'message could not be built for a recipient');
        result.failed++;
        outcomes.push({ subscriberId: row.subscriberId, status: 'failed', error: 'message could not be built' });
        continue;
      }
      // outcomes since the last write, and this message marked handed, in one round trip
      const entries = pendingEntries(outcomes, noted);
      entries.push([row.subscriberId, HANDED]);
      let written = await deps.journal.write({ claimer, campaignId, entries, handing: true });
      if (written === 'lost') {
        // Redis lost the journal: what it said is recorded in the ledger first, then a new journal starts
        await deps.ledger.record({ campaignId, claimer, now: deps.now(), outcomes, final: false });
        await deps.journal.open(claimer);
        written = await deps.journal.write({
          claimer,
          campaignId,
          entries: [[row.subscriberId, HANDED]],
          handing: true,
        });
      }
      if (written === 'reaped') {
        // a reconcile thought this process dead (frozen, cut off) and took the claim: nothing more is sent;
        // replies already in hand may still correct rows it marked uncertain, nothing else is released
        reaped = true;
        deps.logger.warn({ campaignId }, 'claim taken by a reconcile: this process was thought stopped');
        await deps.ledger
          .record({ campaignId, claimer, now: deps.now(), outcomes, final: false })
          .catch(() => undefined);
        return (end = 'stopped');
      }
      if (written !== 'ok') return (end = 'stopped'); // held: paused or cancelled
      noted = outcomes.length;
      const outcome = await sendOne(
        deps,
        { campaignId, envelopeFrom: message.envelopeFrom, r: row, email: row.email, raw },
        result,
        throttled,
      );
      outcomes.push(outcome);
      if (deps.health.consecutiveErrors >= deps.waitAfterErrors) {
        await startWaiting(deps, campaignId);
        result.waiting = true;
        return (end = 'stopped');
      }
    }
    return end;
  } finally {
    if (!reaped) await finishChunk(deps, { campaignId, claimer, outcomes, noted });
  }
}

function pendingEntries(outcomes: RecipientOutcome[], from: number): [string, string][] {
  const entries: [string, string][] = [];
  for (const o of outcomes.slice(from)) {
    const entry = encodeEntry(o);
    if (entry !== null) entries.push([o.subscriberId, entry]);
  }
  return entries;
}

/** Records what the chunk knows and releases what it did not try, whatever threw; retried if the database fails. */
async function finishChunk(
  deps: BatchSenderDeps,
  input: { campaignId: string; claimer: string; outcomes: RecipientOutcome[]; noted: number },
): Promise<void> {
  const { campaignId, claimer, outcomes } = input;
  // the last outcomes go to the journal first: if this process dies before recording, they are not lost
  const last = pendingEntries(outcomes, input.noted);
  if (last.length > 0)
    await deps.journal.write({ claimer, campaignId, entries: last, handing: false }).catch(() => undefined);
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      await deps.ledger.record({ campaignId, claimer, now: deps.now(), outcomes, final: true });
      await deps.journal.close(claimer).catch(() => undefined);
      return;
    } catch (error) {
      deps.logger.warn(
        { campaignId, attempt, reason: (error as Error).message },
        'recording a chunk failed; trying again',
      );
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
  // the reconcile of this process tries again; if it dies first, the journal tells the others
  deps.health.unrecorded.set(claimer, { campaignId, outcomes });
}

/** Claims whose recording failed earlier: recorded now, or kept for the next reconcile. */
export async function retryUnrecorded(
  deps: Pick<BatchSenderDeps, 'ledger' | 'journal' | 'health' | 'now'>,
): Promise<number> {
  let done = 0;
  for (const [claimer, pending] of deps.health.unrecorded) {
    await deps.ledger.record({
      campaignId: pending.campaignId,
      claimer,
      now: deps.now(),
      outcomes: pending.outcomes,
      final: true,
    });
    deps.health.unrecorded.delete(claimer);
    await deps.journal.close(claimer).catch(() => undefined);
    done++;
  }
  return done;
}

async function startWaiting(deps: BatchSenderDeps, campaignId: string): Promise<void> {
  const reason = `Le serveur d’envoi refuse ou ne répond pas (${deps.health.consecutiveErrors} erreurs de suite, dernière : ${reasonInFrench(deps.health.lastError)}).`;
  deps.health.waiting.set(campaignId, Date.now());
  deps.health.consecutiveErrors = 0;
  // every process's chunks stop handing messages over at once, not only this one's
  await deps.journal.hold(campaignId).catch(() => undefined);
  const now = deps.now();
  await deps.ledger.waitForServer({ campaignId, reason, now, probeAt: new Date(now.getTime() + 1000) });
  deps.logger.warn({ campaignId }, 'campaign waits for the mail server');
}

async function sendOne(
  deps: BatchSenderDeps,
  input: { campaignId: string; envelopeFrom: string; r: ClaimedRecipient; email: string; raw: Buffer[] },
  result: BatchResult,
  throttled: Map<string, number>,
): Promise<RecipientOutcome> {
  const { campaignId, r, email } = input;
  try {
    const sent = await deps.transport.sendRaw({
      envelope: { from: input.envelopeFrom, to: email },
      raw: input.raw,
      messageId: r.messageId,
    });
    deps.health.consecutiveErrors = 0;
    deps.pace.serverFine();
    result.sent++;
    return { subscriberId: r.subscriberId, status: 'sent', response: sent.response };
  } catch (error) {
    const failure = toSendFailure(error);
    // 'autres' is every unnamed domain, not one provider: a "too fast" there stays that recipient's 4xx
    if (failure.throttle && r.provider === OTHER_PROVIDER) failure.throttle = false;
    const decision = decideFailure(failure, r.attempts, deps.now(), deps.retry);
    if (decision.serverTrouble) {
      deps.health.consecutiveErrors++;
      deps.health.lastError = failure.reason;
      deps.pace.serverTrouble();
    } else if (!failure.throttle) {
      // the server answered for this recipient; a throttle is its provider's, neither trouble nor health
      deps.health.consecutiveErrors = 0;
    }
    let retryAt = decision.status === 'queued' ? decision.retryAt : null;
    if (failure.throttle) {
      const until = throttled.get(r.provider) ?? (await providerSlowed(deps, campaignId, r.provider));
      throttled.set(r.provider, until);
      if (retryAt && retryAt.getTime() < until) retryAt = new Date(until);
    }
    if (decision.status === 'queued') {
      if (decision.released) result.released++;
      else result.retried++;
      return {
        subscriberId: r.subscriberId,
        status: 'queued',
        error: failure.reason,
        retryAt: retryAt ?? decision.retryAt,
        released: decision.released,
      };
    }
    if (decision.status === 'uncertain') {
      result.uncertain++;
      return { subscriberId: r.subscriberId, status: 'uncertain', error: failure.reason };
    }
    result.failed++;
    if (decision.suppress) {
      // the outcome stands even if this fails; the bounce report will suppress the address later
      await deps.ledger
        .suppress({ email, campaignId, now: deps.now() })
        .catch((err: unknown) => deps.logger.warn({ campaignId, err }, 'suppression failed'));
    }
    return { subscriberId: r.subscriberId, status: 'failed', error: failure.reason };
  }
}

function renderFor(deps: BatchSenderDeps, message: RecipientMessage, r: ClaimedRecipient, email: string): Buffer[] {
  return message.render({
    email,
    name: r.name,
    messageId: r.messageId,
    listId: r.listId,
    unsubscribeToken: r.subscriptionId ? deps.links.unsubscribe(r.subscriptionId) : '',
    preferencesToken: deps.links.preferences(r.subscriberId),
    date: deps.now(),
  });
}
