// The public forms' per-address counter (subscribe, propose): a few requests per address per hour, beyond which the
// request is answered as usual and silently dropped.
import type { Redis } from 'ioredis';
import { emailHash } from '@crieur/db';
import { MemoryWindow } from './memory-window';

/** This process's fallback counters while Redis is down, one set per form. */
export type LocalLimits = { ip: MemoryWindow; address: MemoryWindow };
export const localLimits = (): LocalLimits => ({ ip: new MemoryWindow(60_000), address: new MemoryWindow(3600_000) });

/**
 * At most `perAddressPerHour` requests per address per hour, counted in Redis under `<prefix>:<scope>:address:<hash>`.
 * Redis down: the per-IP plugin lets all through (skipOnError) and this counter is out of reach, so this process
 * counts per IP and per address in memory instead (bounded: floods still stop), and PostgreSQL's once-a-day email
 * rule still holds whatever gets through.
 */
export async function addressLimit(
  deps: { redis: Redis | undefined; redisPrefix: string; local: LocalLimits; now: Date },
  input: { scope: string; email: string; ip: string; perAddressPerHour: number; perIpPerMinute: number },
): Promise<'ok' | 'ip' | 'address'> {
  const hash = emailHash(input.email);
  if (deps.redis) {
    const key = `${deps.redisPrefix}:${input.scope}:address:${hash}`;
    try {
      const reply = await deps.redis.multi().incr(key).expire(key, 3600, 'NX').exec();
      const [[, count]] = reply as [[Error | null, number]];
      return count <= input.perAddressPerHour ? 'ok' : 'address';
    } catch {
      // Redis down: the in-memory counters below take over
    }
  }
  const nowMs = deps.now.getTime();
  if (deps.local.ip.hit(input.ip, nowMs) > input.perIpPerMinute) return 'ip';
  return deps.local.address.hit(hash, nowMs) <= input.perAddressPerHour ? 'ok' : 'address';
}
