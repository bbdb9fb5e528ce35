import { Redis } from 'ioredis';

export type RedisRole = 'worker' | 'client';

/**
 * Workers need maxRetriesPerRequest null (BullMQ blocks on Redis); web clients fail fast
 * instead, so a request never hangs when Redis is down.
 */
export function createRedis(url: string, role: RedisRole = 'client'): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
    connectTimeout: 2_000,
    lazyConnect: false,
  });
}

export async function pingRedis(url: string, timeoutMs = 1_000): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: timeoutMs, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** BullMQ loses jobs if Redis may evict keys: anything but noeviction is unsafe. */
export async function readEvictionPolicy(redis: Redis): Promise<string> {
  const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
  return reply[1] ?? 'unknown';
}
