// How a chunk's claim meets the providers' pace: counted per provider, what an empty claim means, and a
// provider's throttling reply (it slows for every process; this campaign's rows for it wait).
import type { ClaimedRecipient } from '@crieur/db';
import type { ProviderPlan } from './ports';
import { PROVIDER_POLICY } from './provider-pace';
import type { BatchSenderDeps, ChunkEnd } from './send-batch';

export function countByProvider(rows: ClaimedRecipient[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.provider, (counts.get(r.provider) ?? 0) + 1);
  return counts;
}

/** The claim found nothing: done, or only providers at their pace are left (try again soon). */
export async function nothingClaimed(
  deps: BatchSenderDeps,
  job: { campaignId: string; batch: number },
  plan: ProviderPlan,
): Promise<ChunkEnd> {
  const now = deps.now();
  // a provider backing off: its rows are due when it may go again, so the reconcile queues its batches for then
  for (const w of plan.waiting)
    await deps.ledger.deferProvider({
      campaignId: job.campaignId,
      provider: w.provider,
      until: new Date(w.until),
      now,
    });
  if (plan.full.length === 0) return 'empty';
  const providers = plan.full.map((f) => f.provider);
  if (!(await deps.ledger.hasDueRows({ campaignId: job.campaignId, batch: job.batch, providers, now }))) return 'empty';
  return { pacedMs: Math.max(5, Math.min(...plan.full.map((f) => f.retryInMs))) };
}

/** A throttling reply: the provider slows for every process, and this campaign's rows for it wait. */
export async function providerSlowed(deps: BatchSenderDeps, campaignId: string, provider: string): Promise<number> {
  const until = await deps.pace
    .providerThrottled(provider)
    .catch(() => deps.now().getTime() + PROVIDER_POLICY.firstBackoffMs);
  await deps.ledger
    .deferProvider({ campaignId, provider, until: new Date(until), now: deps.now() })
    .catch(() => undefined);
  deps.logger.info({ campaignId, provider }, 'a provider asks us to slow down: its messages wait');
  return until;
}
