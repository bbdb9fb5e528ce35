import type { Redis } from 'ioredis';
import { heartbeatKey } from '@crieur/queue';

/** Records that a worker process is alive; /healthz reads it. */
export function heartbeatProcessor(deps: { redis: Redis; prefix: string; now: () => Date; ttlSeconds: number }) {
  return async (): Promise<{ at: string }> => {
    const at = deps.now().toISOString();
    await deps.redis.set(heartbeatKey(deps.prefix), at, 'EX', deps.ttlSeconds);
    return { at };
  };
}
