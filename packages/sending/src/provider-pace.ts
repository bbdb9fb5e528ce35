// A provider that says "too fast" (421, 454, 4.7.x) slows alone (pure): its rate halves down to a floor, its
// claims wait a back-off that doubles while it keeps refusing, then its rate climbs back 50 % a minute.
import { z } from 'zod';

export type ProviderPolicy = {
  /** the slowest a provider gets, in messages per second */
  floorRate: number;
  firstBackoffMs: number;
  maxBackoffMs: number;
  /** every this long without a throttling reply, the rate grows by `recoveryFactor` */
  recoveryEveryMs: number;
  recoveryFactor: number;
};

export const PROVIDER_POLICY: ProviderPolicy = {
  floorRate: 0.1,
  firstBackoffMs: 30_000,
  maxBackoffMs: 10 * 60_000,
  recoveryEveryMs: 60_000,
  recoveryFactor: 1.5,
};

/** What every sending process shares about one slowed provider (stored as JSON in Redis). */
export const ProviderSlowdown = z.object({
  /** messages per second once the back-off is over */
  rate: z.number().positive(),
  backoffMs: z.number().int().positive(),
  /** no claim of this provider before this time (ms) */
  until: z.number().int(),
  /** the throttling reply that set it (ms) */
  at: z.number().int(),
});
export type ProviderSlowdown = z.infer<typeof ProviderSlowdown>;

export type ProviderPaceNow = {
  /** messages per second allowed now (0 while the back-off runs) */
  rate: number;
  /** claims wait until then; null once the back-off is over */
  blockedUntil: number | null;
  /** when the provider is back at its full rate (ms) */
  fullAt: number;
  recovered: boolean;
};

/** Where a slowed provider stands at `now`, for a provider whose own rate is `fullRate`. */
export function providerPaceAt(
  s: ProviderSlowdown,
  now: number,
  fullRate: number,
  policy: ProviderPolicy = PROVIDER_POLICY,
): ProviderPaceNow {
  const stepsToFull =
    s.rate >= fullRate ? 0 : Math.ceil(Math.log(fullRate / s.rate) / Math.log(policy.recoveryFactor) - 1e-9);
  const fullAt = s.until + stepsToFull * policy.recoveryEveryMs;
  if (now < s.until) return { rate: 0, blockedUntil: s.until, fullAt, recovered: false };
  const steps = Math.floor((now - s.until) / policy.recoveryEveryMs);
  const rate = Math.min(fullRate, s.rate * policy.recoveryFactor ** steps);
  return { rate, blockedUntil: null, fullAt, recovered: rate >= fullRate };
}

/**
 * A throttling reply for this provider at `now`: the next slowdown, or null when it changes nothing
 * (the provider already waits: replies to messages handed over before the back-off say nothing new).
 */
export function slowDown(
  previous: ProviderSlowdown | null,
  now: number,
  fullRate: number,
  policy: ProviderPolicy = PROVIDER_POLICY,
): ProviderSlowdown | null {
  const pace = previous ? providerPaceAt(previous, now, fullRate, policy) : null;
  if (previous && pace?.blockedUntil !== null) return null;
  // still slowed from the last time: it refuses again, so wait twice as long
  const backoffMs =
    previous && pace && !pace.recovered ? Math.min(policy.maxBackoffMs, previous.backoffMs * 2) : policy.firstBackoffMs;
  const rateNow = pace && !pace.recovered ? pace.rate : fullRate;
  return { rate: Math.max(policy.floorRate, rateNow / 2), backoffMs, until: now + backoffMs, at: now };
}

/** A stored slowdown, or null when it is unreadable (another version wrote it): the provider goes at full pace. */
export function readSlowdown(json: string | undefined): ProviderSlowdown | null {
  if (json === undefined) return null;
  try {
    const parsed = ProviderSlowdown.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Fixed windows for a rate: 1 s for 1 message/s and more, a longer window holding one message below. */
export function windowFor(rate: number): { points: number; durationMs: number } {
  if (rate >= 1) return { points: Math.max(1, Math.floor(rate)), durationMs: 1000 };
  return { points: 1, durationMs: Math.max(1000, Math.round(1000 / rate)) };
}
