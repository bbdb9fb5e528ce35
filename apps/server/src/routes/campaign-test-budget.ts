// Test messages per reviewer, counted by address: one request to five people weighs five messages.
import type { Redis } from 'ioredis';
import { MemoryWindow } from '../http/memory-window';

export type TestBudgetSettings = { messages: number; windowMs: number };

/** 25 test messages per person per 10 minutes: five full tests, far from what a stolen session could use. */
export const TEST_BUDGET: TestBudgetSettings = { messages: 25, windowMs: 10 * 60_000 };

export type TestBudget = {
  /** Whether `count` more messages fit in this person's window; how long to wait when they do not. */
  check(userId: string, count: number): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
  /** Counts messages that went out. */
  record(userId: string, count: number): Promise<void>;
};

/** In Redis (shared by every server process); Redis down or absent, this process counts in memory. */
export function createTestBudget(input: {
  redis: Redis | undefined;
  prefix: string;
  settings: TestBudgetSettings;
  now: () => Date;
}): TestBudget {
  const { redis, settings } = input;
  const local = new MemoryWindow(settings.windowMs);
  const key = (userId: string) => `${input.prefix}:test-sends:${userId}`;
  const answer = (used: number, count: number, msLeft: number) => ({
    allowed: used + count <= settings.messages,
    retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)),
  });
  return {
    async check(userId, count) {
      if (redis) {
        try {
          const reply = await redis.multi().get(key(userId)).pttl(key(userId)).exec();
          const [[, used], [, ttl]] = reply as [[null, string | null], [null, number]];
          return answer(Number(used ?? 0), count, ttl > 0 ? ttl : settings.windowMs);
        } catch {
          // Redis down: the in-memory window below takes over
        }
      }
      const nowMs = input.now().getTime();
      const { count: used, resetAt } = local.peek(userId, nowMs);
      return answer(used, count, resetAt - nowMs);
    },
    async record(userId, count) {
      if (count <= 0) return;
      if (redis) {
        try {
          await redis.multi().incrby(key(userId), count).pexpire(key(userId), settings.windowMs, 'NX').exec();
          return;
        } catch {
          // Redis down: counted in memory
        }
      }
      // at most five a request: one hit per message keeps MemoryWindow's simple counter
      for (let i = 0; i < count; i++) local.hit(userId, input.now().getTime());
    },
  };
}
