import { Redis } from 'ioredis';

export type RedisRole = 'worker' | 'client';

/**
 * Workers need maxRetriesPerRequest null (BullMQ blocks on Redis); web clients, and the server's
 * queues, fail fast instead (no offline queue, 1 s per command), so a request never hangs when
 * Redis is down or stuck.
 */
export function createRedis(url: string, role: RedisRole = 'client'): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
    ...(role === 'client' ? { commandTimeout: 1_000 } : {}),
    connectTimeout: 2_000,
    lazyConnect: false,
  });
}

/**
 * BullMQ options for a Queue on a fail-fast connection: waiting for "ready" would hang a request
 * while Redis is down, and a start-up INFO failing then would break the queue for good.
 */
export function failFastQueueOptions(connection: Redis): { skipWaitingForReady?: boolean; skipVersionCheck?: boolean } {
  return connection.options.enableOfflineQueue === false ? { skipWaitingForReady: true, skipVersionCheck: true } : {};
}

export async function pingRedis(url: string, timeoutMs = 1_000): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
  });
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
