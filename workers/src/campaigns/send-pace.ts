// The cluster-wide pace (SEND_RATE, shared through Redis by every sending process), each provider's own
// pace (its rate, halved by throttling replies, shared too), and a local slow-down after transient refusals.
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { createProviderPaceStore, sendRateKey } from '@crieur/queue';
import {
  PROVIDER_POLICY,
  providerPaceAt,
  readSlowdown,
  slowDown,
  windowFor,
  type ProviderGroup,
  type ProviderPlan,
  type ProviderPolicy,
  type SendPace,
} from '@crieur/sending';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// fixed windows: 1 s for rates of 1/s and more, a longer window holding one message below that
function clusterWindow(rate: number): { points: number; duration: number } {
  if (rate >= 1) return { points: Math.max(1, Math.round(rate)), duration: 1 };
  return { points: 1, duration: Math.max(1, Math.round(1 / rate)) };
}

export type SendPaceOptions = {
  redis: Redis;
  prefix: string;
  /** SEND_RATE: messages per second for the whole cluster, the ceiling of every provider */
  rate: number;
  maxChunk?: number;
  /** SEND_PROVIDERS: each group's own rate (null: SEND_RATE alone) */
  providers?: ProviderGroup[];
  policy?: ProviderPolicy;
  now?: () => number;
};

export function createSendPace(options: SendPaceOptions): SendPace {
  const { points, duration } = clusterWindow(options.rate);
  const limiter = new RateLimiterRedis({
    storeClient: options.redis,
    keyPrefix: sendRateKey(options.prefix),
    points,
    duration,
  });
  const store = createProviderPaceStore(options.redis, options.prefix);
  const policy = options.policy ?? PROVIDER_POLICY;
  const now = options.now ?? Date.now;
  const ownRates = new Map((options.providers ?? []).map((g) => [g.name, g.rate]));
  // a provider's full rate: its own, never above the cluster's
  const fullRate = (provider: string) => Math.min(options.rate, ownRates.get(provider) ?? options.rate);
  const maxChunk = Math.max(1, Math.min(options.maxChunk ?? 50, points));
  // windows reserved per claim, to give back what the claim did not use
  const reserved = new WeakMap<ProviderPlan, { provider: string; durationMs: number }[]>();
  let delayMs = 0;
  let turn = 0;

  return {
    maxChunk,
    async planClaim(wanted, providers) {
      const plan: ProviderPlan = { limits: { blocked: [], caps: [] }, full: [], waiting: [] };
      const states = await store.read();
      const t = now();
      const windows: { provider: string; durationMs: number }[] = [];
      let budget = wanted;
      // a different provider first each time, so one provider's window does not always take the budget
      const order = providers.map((_, i) => providers[(i + turn) % providers.length]!);
      turn++;
      for (const provider of order) {
        const json = states.get(provider);
        const slowdown = readSlowdown(json);
        const pace = slowdown ? providerPaceAt(slowdown, t, fullRate(provider), policy) : null;
        if (pace?.blockedUntil) {
          plan.limits.blocked.push(provider);
          plan.waiting.push({ provider, until: pace.blockedUntil });
          continue;
        }
        // back at full pace: the slowdown is dropped (only if no process slowed it again meanwhile)
        if (slowdown && pace?.recovered) await store.replace(provider, json ?? null, null).catch(() => undefined);
        const rate = pace && !pace.recovered ? pace.rate : (ownRates.get(provider) ?? null);
        // no pace of its own below the cluster's: the cluster pace bounds it
        if (rate === null || rate >= options.rate) continue;
        const window = windowFor(rate);
        const { granted, retryInMs } =
          budget > 0
            ? await store.take(provider, Math.min(budget, window.points), window)
            : { granted: 0, retryInMs: 0 };
        if (granted === 0) {
          plan.limits.blocked.push(provider);
          if (budget > 0) plan.full.push({ provider, retryInMs });
          continue;
        }
        budget -= granted;
        plan.limits.caps.push({ provider, cap: granted });
        windows.push({ provider, durationMs: window.durationMs });
      }
      reserved.set(plan, windows);
      return plan;
    },
    async settleClaim(plan, claimed) {
      const windows = reserved.get(plan) ?? [];
      await Promise.all(
        plan.limits.caps.map(({ provider, cap }, i) =>
          store.giveBack(provider, windows[i]!.durationMs, cap - (claimed.get(provider) ?? 0)),
        ),
      );
    },
    async providerThrottled(provider) {
      for (let attempt = 0; attempt < 3; attempt++) {
        const states = await store.read();
        const json = states.get(provider);
        const previous = readSlowdown(json);
        const next = slowDown(previous, now(), fullRate(provider), policy);
        // already backing off: replies to messages handed over before it say nothing new
        if (next === null) return previous!.until;
        if (await store.replace(provider, json ?? null, JSON.stringify(next))) return next.until;
      }
      return now() + policy.firstBackoffMs;
    },
    async take(wanted, stop) {
      const n = Math.max(1, Math.min(wanted, maxChunk));
      for (;;) {
        if (stop()) return 0;
        try {
          await limiter.consume('cluster', n);
          return n;
        } catch (error) {
          if (!(error instanceof RateLimiterRes)) throw error;
          // short waits so a pause or a stop is seen quickly
          await sleep(Math.min(250, Math.max(5, error.msBeforeNext)));
        }
      }
    },
    async beforeEach() {
      if (delayMs > 0) await sleep(delayMs);
    },
    serverTrouble() {
      // doubling from 100 ms up to 2 s: gentle on a struggling server, and a pause still lands within seconds
      delayMs = Math.min(2000, Math.max(100, delayMs * 2));
    },
    serverFine() {
      delayMs = delayMs < 50 ? 0 : delayMs / 2;
    },
  };
}
