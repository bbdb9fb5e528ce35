// After a chunk: too many hard bounces early in a send pause the campaign, as a staff pause would.
import type { Logger } from 'pino';
import { bouncePauseReason, judgeBounces, type BouncePauseRule } from './bounce-pause';
import type { SendJournal } from './ports';
import type { SendLedger } from './send-ledger';

type Deps = {
  ledger: Pick<SendLedger, 'bounceCounts' | 'wasAutoPaused' | 'autoPause'>;
  journal: Pick<SendJournal, 'hold'>;
  health: { bouncesSettled: Set<string> };
  now: () => Date;
  logger: Logger;
  /** queues the staff emails written with the pause (their rows are committed: a miss is rebuilt) */
  notifyStaff?: ((staffMailIds: string[]) => Promise<void>) | undefined;
};

/** True when the campaign is now paused (by this call or another process's): the batch stops. */
export async function pauseOnBounces(deps: Deps, rule: BouncePauseRule, campaignId: string): Promise<boolean> {
  const settled = deps.health.bouncesSettled;
  if (settled.has(campaignId)) return false;
  const counts = await deps.ledger.bounceCounts(campaignId);
  const verdict = judgeBounces(counts, rule);
  if (verdict.settled) settled.add(campaignId);
  if (!verdict.pause) return false;
  // staff resumed it after it paused itself once: they know the list, the rule no longer applies
  if (await deps.ledger.wasAutoPaused(campaignId)) {
    settled.add(campaignId);
    return false;
  }
  // the hold first, as for a staff pause: no message is handed over once the campaign is paused
  await deps.journal.hold(campaignId).catch(() => undefined);
  const { paused, staffMailIds } = await deps.ledger.autoPause({
    campaignId,
    now: deps.now(),
    reason: bouncePauseReason(counts),
    data: { hardBounces: counts.hardBounces, processed: counts.processed },
  });
  settled.add(campaignId);
  if (paused) {
    deps.logger.warn(
      { campaignId, hardBounces: counts.hardBounces, processed: counts.processed },
      'too many hard bounces early in the send: the campaign paused itself',
    );
    // nobody may be watching: its sender and the admins are told by email
    await deps
      .notifyStaff?.(staffMailIds)
      .catch((error: Error) =>
        deps.logger.warn(
          { campaignId, reason: error.message },
          'could not queue the pause emails; the mail rebuild will',
        ),
      );
  }
  return true;
}
