// A bad list pauses its campaign (pure): more than a share of the first recipients refused for good.

/** More than `ratio` of the first `window` recipients processed were hard bounces (SEND_BOUNCE_PAUSE). */
export type BouncePauseRule = { ratio: number; window: number; minimum: number };

/** Recipients the mail server answered (sent, failed, uncertain), and how many of them bounced hard. */
export type BounceCounts = { processed: number; hardBounces: number };

export type BounceVerdict = {
  pause: boolean;
  /** the rule has nothing more to say for this campaign: it is no longer early in the send */
  settled: boolean;
};

/**
 * Judged from `minimum` recipients on (two early failures pause nothing) while the send is early: the
 * counts of a check may overshoot the window by a few chunks; past twice the window it is too late to judge.
 */
export function judgeBounces(counts: BounceCounts, rule: BouncePauseRule): BounceVerdict {
  if (counts.processed < rule.minimum) return { pause: false, settled: false };
  if (counts.processed > 2 * rule.window) return { pause: false, settled: true };
  return { pause: counts.hardBounces > rule.ratio * counts.processed, settled: counts.processed >= rule.window };
}

const count = (n: number) => n.toLocaleString('fr-FR');

/** The campaign's pause reason, in French, as staff read it. */
export function bouncePauseReason(counts: BounceCounts): string {
  const share = `${Math.round(counts.processed > 0 ? (100 * counts.hardBounces) / counts.processed : 0)}\u00a0%`;
  return (
    `Envoi suspendu\u00a0: ${count(counts.hardBounces)} adresses refusées sur les ${count(counts.processed)} ` +
    `premières (${share}). Vérifiez la liste avant de reprendre.`
  );
}
