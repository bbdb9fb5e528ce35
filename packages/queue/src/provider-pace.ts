// Per-provider pacing in Redis, shared by every sending process: each slowed provider's state (one hash),
// and each provider's own window, from which a claim reserves rows and gives back what it did not use.
import type { Redis } from 'ioredis';
import { sendRateKey } from './campaign-queue';

// grants what is left of the window, up to what is wanted; the window starts with its first grant
const TAKE = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local ttl = redis.call('PTTL', KEYS[1])
local grant = math.min(tonumber(ARGV[1]), tonumber(ARGV[2]) - used)
if grant <= 0 then return {0, ttl} end
redis.call('INCRBY', KEYS[1], grant)
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  ttl = tonumber(ARGV[3])
end
return {grant, ttl}
`;

const GIVE_BACK = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if redis.call('DECRBY', KEYS[1], ARGV[1]) < 0 then redis.call('SET', KEYS[1], '0', 'KEEPTTL') end
return 1
`;

// a slowdown changes only if it is still the one its writer read: two processes slow a provider once
const REPLACE = `
local current = redis.call('HGET', KEYS[1], ARGV[1]) or ''
if current ~= ARGV[2] then return 0 end
if ARGV[3] == '' then redis.call('HDEL', KEYS[1], ARGV[1]) else redis.call('HSET', KEYS[1], ARGV[1], ARGV[3]) end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
`;

type PaceCommands = {
  crieurProviderTake(window: string, wanted: string, points: string, durationMs: string): Promise<[number, number]>;
  crieurProviderGiveBack(window: string, n: string): Promise<number>;
  crieurProviderReplace(
    states: string,
    provider: string,
    expected: string,
    next: string,
    ttlMs: string,
  ): Promise<number>;
};

/** The slowed providers' states (provider → JSON), one hash for the cluster. */
export const providerSlowdownsKey = (prefix: string) => `${sendRateKey(prefix)}:providers`;
const windowKey = (prefix: string, provider: string, durationMs: number) =>
  `${sendRateKey(prefix)}:provider:${provider}:${durationMs}`;

// a slowdown is over within about an hour (10 min back-off, then +50 % a minute from the floor)
const STATES_TTL_MS = 6 * 3600_000;

/** Every slowed provider's state as stored (JSON), for the pace and the progress page. */
export async function readProviderSlowdowns(redis: Redis, prefix: string): Promise<Map<string, string>> {
  return new Map(Object.entries(await redis.hgetall(providerSlowdownsKey(prefix))));
}

export type ProviderPaceStore = ReturnType<typeof createProviderPaceStore>;

export function createProviderPaceStore(redis: Redis, prefix: string) {
  if (!('crieurProviderTake' in redis)) {
    redis.defineCommand('crieurProviderTake', { numberOfKeys: 1, lua: TAKE });
    redis.defineCommand('crieurProviderGiveBack', { numberOfKeys: 1, lua: GIVE_BACK });
    redis.defineCommand('crieurProviderReplace', { numberOfKeys: 1, lua: REPLACE });
  }
  const commands = redis as unknown as Redis & PaceCommands;
  return {
    read: () => readProviderSlowdowns(redis, prefix),
    /** stores `next` (null: removes it) only if the stored state is still `expected` */
    async replace(provider: string, expected: string | null, next: string | null): Promise<boolean> {
      const done = await commands.crieurProviderReplace(
        providerSlowdownsKey(prefix),
        provider,
        expected ?? '',
        next ?? '',
        String(STATES_TTL_MS),
      );
      return done === 1;
    },
    /** up to `wanted` of the provider's window (`points` per `durationMs`); `retryInMs`: when it opens again */
    async take(
      provider: string,
      wanted: number,
      window: { points: number; durationMs: number },
    ): Promise<{ granted: number; retryInMs: number }> {
      const [granted, ttl] = await commands.crieurProviderTake(
        windowKey(prefix, provider, window.durationMs),
        String(wanted),
        String(window.points),
        String(window.durationMs),
      );
      return { granted, retryInMs: ttl > 0 ? ttl : window.durationMs };
    },
    /** what a claim reserved and did not use goes back to the window it came from */
    async giveBack(provider: string, durationMs: number, n: number): Promise<void> {
      if (n > 0) await commands.crieurProviderGiveBack(windowKey(prefix, provider, durationMs), String(n));
    },
  };
}
