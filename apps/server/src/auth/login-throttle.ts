import type { Redis } from 'ioredis';
import { MemoryWindow } from '../http/memory-window';

export type LoginSettings = {
  /** Login requests per IP per minute: a flood guard before any check. */
  perIpPerMinute: number;
  /** Failed logins from one IP within `ipWindowMs` before that IP must wait; blind to the account. */
  failuresPerIp: number;
  ipWindowMs: number;
  /** Failed passwords on one account before a soft lock, and at each further batch of as many. */
  maxFailures: number;
  /** The first soft lock; each further batch of failures doubles it, up to `maxLockMs`. */
  lockMs: number;
  maxLockMs: number;
  /** An IP this account logged in from within this time passes the soft lock, as a known browser does. */
  knownIpMs: number;
};

export const DEFAULT_LOGIN_SETTINGS: LoginSettings = {
  perIpPerMinute: 10,
  failuresPerIp: 10,
  ipWindowMs: 15 * 60_000,
  maxFailures: 5,
  lockMs: 60_000,
  maxLockMs: 15 * 60_000,
  knownIpMs: 90 * 24 * 3600_000,
};

/**
 * How long an account's soft lock lasts once it has `failures` failed passwords since its last login:
 * 0 between batches, then 1, 2, 4… minutes (with the defaults), capped. Pure.
 */
export function softLockMs(
  failures: number,
  settings: Pick<LoginSettings, 'maxFailures' | 'lockMs' | 'maxLockMs'>,
): number {
  if (failures < settings.maxFailures || failures % settings.maxFailures !== 0) return 0;
  const batch = failures / settings.maxFailures;
  return Math.min(settings.lockMs * 2 ** Math.min(batch - 1, 30), settings.maxLockMs);
}

export type IpFailures = {
  /** Whether this IP has used up its failures; `retryAfterSeconds` until its window ends. */
  check(ip: string): Promise<{ blocked: boolean; retryAfterSeconds: number }>;
  /** Counts one failure; returns the window's count. */
  record(ip: string): Promise<number>;
};

/**
 * Failed logins per IP in a fixed window, in Redis (shared by every server process).
 * Redis down: this process counts in memory instead, so the limit still holds per process.
 */
export function createIpFailures(input: {
  redis: Redis | undefined;
  prefix: string;
  settings: LoginSettings;
  now: () => Date;
}): IpFailures {
  const { redis, settings } = input;
  const local = new MemoryWindow(settings.ipWindowMs);
  const key = (ip: string) => `${input.prefix}:login-failures:ip:${ip}`;
  const answer = (count: number, msLeft: number) => ({
    blocked: count >= settings.failuresPerIp,
    retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)),
  });

  return {
    async check(ip) {
      if (redis) {
        try {
          const reply = await redis.multi().get(key(ip)).pttl(key(ip)).exec();
          const [[, count], [, ttl]] = reply as [[null, string | null], [null, number]];
          return answer(Number(count ?? 0), ttl > 0 ? ttl : settings.ipWindowMs);
        } catch {
          // Redis down: the in-memory window below takes over
        }
      }
      const nowMs = input.now().getTime();
      const { count, resetAt } = local.peek(ip, nowMs);
      return answer(count, resetAt - nowMs);
    },
    async record(ip) {
      if (redis) {
        try {
          const reply = await redis.multi().incr(key(ip)).pexpire(key(ip), settings.ipWindowMs, 'NX').exec();
          const [[, count]] = reply as [[null, number]];
          return count;
        } catch {
          // Redis down: counted in memory
        }
      }
      return local.hit(ip, input.now().getTime());
    },
  };
}
