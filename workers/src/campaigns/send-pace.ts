// The cluster-wide pace (SEND_RATE, shared through Redis by every sending process) and a local
// slow-down after transient refusals.
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { sendRateKey } from '@crieur/queue';
import type { SendPace } from '@crieur/sending';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// fixed windows: 1 s for rates of 1/s and more, a longer window holding one message below that
function windowFor(rate: number): { points: number; duration: number } {
  if (rate >= 1) return { points: Math.max(1, Math.round(rate)), duration: 1 };
  return { points: 1, duration: Math.max(1, Math.round(1 / rate)) };
}

export function createSendPace(options: { redis: Redis; prefix: string; rate: number; maxChunk?: number }): SendPace {
  const { points, duration } = windowFor(options.rate);
  const limiter = new RateLimiterRedis({
    storeClient: options.redis,
    keyPrefix: sendRateKey(options.prefix),
    points,
    duration,
  });
  const maxChunk = Math.max(1, Math.min(options.maxChunk ?? 50, points));
  let delayMs = 0;
  return {
    maxChunk,
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
