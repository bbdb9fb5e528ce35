import path from 'node:path';
import type { Logger } from 'pino';
import {
  hasRedisServer,
  pingRedis,
  RedisUnavailableError,
  startEmbeddedRedis,
  type EmbeddedRedis,
} from '@crieur/queue';

/**
 * `pnpm start` on a bare machine: use the Redis at REDIS_URL, or start redis-server from PATH
 * on that URL's port with its data in DATA_DIR/redis.
 */
export async function ensureRedis(options: {
  redisUrl: string;
  dataDir: string;
  logger: Logger;
}): Promise<EmbeddedRedis | undefined> {
  if (await pingRedis(options.redisUrl)) return undefined;
  const url = new URL(options.redisUrl);
  const local = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(url.hostname);
  if (!local || !hasRedisServer()) throw new RedisUnavailableError(options.redisUrl);
  const embedded = await startEmbeddedRedis({
    dataDir: path.join(options.dataDir, 'redis'),
    port: Number(url.port || 6379),
    host: url.hostname === 'localhost' ? '127.0.0.1' : url.hostname.replace(/^\[|\]$/g, ''),
  });
  options.logger.info(
    { url: embedded.url },
    'no Redis was running: started redis-server with its data in DATA_DIR/redis',
  );
  return embedded;
}
