import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { readEvictionPolicy } from '@crieur/queue';

export class UnsafeRedisError extends Error {
  readonly code = 'REDIS_EVICTION_POLICY';
  constructor(readonly policy: string) {
    super(
      `Redis maxmemory-policy is "${policy}": queued jobs could be evicted. ` +
        'Set "maxmemory-policy noeviction" in redis.conf (or CONFIG SET maxmemory-policy noeviction) and start again.',
    );
    this.name = 'UnsafeRedisError';
  }
}

/** Production refuses an evicting Redis; development only warns. */
export async function checkRedisPolicy(
  redis: Redis,
  mode: 'development' | 'production' | 'test',
  logger: Logger,
): Promise<string> {
  const policy = await readEvictionPolicy(redis);
  if (policy !== 'noeviction') {
    if (mode === 'production') throw new UnsafeRedisError(policy);
    logger.warn(
      { policy },
      'Redis maxmemory-policy is not noeviction: jobs may be lost under memory pressure (refused in production)',
    );
  }
  return policy;
}
