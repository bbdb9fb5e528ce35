// Which of a campaign's providers asked us to slow down, for its progress page: the shared state in Redis,
// kept to the providers the campaign still has recipients for.
import type { Redis } from 'ioredis';
import type { SlowedProvider } from '@crieur/api';
import { pendingProviders, type Db } from '@crieur/db';
import { readProviderSlowdowns } from '@crieur/queue';
import { providerPaceAt, readSlowdown, type ProviderGroup } from '@crieur/sending';

export async function slowedProviders(
  input: { db: Db; redis: Redis | undefined; prefix: string; sendRate: number; providers: ProviderGroup[] },
  campaignId: string,
  now: Date,
): Promise<SlowedProvider[]> {
  if (!input.redis) return [];
  // progress must answer while Redis is away: no slowdown is known then
  const states = await readProviderSlowdowns(input.redis, input.prefix).catch(() => new Map<string, string>());
  if (states.size === 0) return [];
  const slowed: SlowedProvider[] = [];
  for (const provider of await pendingProviders(input.db, { campaignId })) {
    const slowdown = readSlowdown(states.get(provider));
    if (!slowdown) continue;
    const own = input.providers.find((g) => g.name === provider)?.rate ?? input.sendRate;
    const pace = providerPaceAt(slowdown, now.getTime(), Math.min(own, input.sendRate));
    if (pace.recovered) continue;
    slowed.push({
      provider,
      ratePerSecond: pace.rate,
      resumesAt: pace.blockedUntil === null ? null : new Date(pace.blockedUntil).toISOString(),
      fullPaceAt: new Date(pace.fullAt).toISOString(),
    });
  }
  return slowed;
}
