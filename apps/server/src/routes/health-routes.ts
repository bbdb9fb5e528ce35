import type { FastifyInstance } from 'fastify';
import { heartbeatKey, promptly } from '@crieur/queue';
import type { RouteContext } from './context';

type Check = 'ok' | 'error' | 'not-configured';

async function check(fn: () => Promise<unknown>, timeoutMs: number): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs))),
    ]);
    return 'ok';
  } catch {
    return 'error';
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/healthz', async (_request, reply) => {
    const redis = ctx.redis;
    const [database, redisState, heartbeat] = await Promise.all([
      check(() => ctx.database.ping(), 2_000),
      redis ? check(() => redis.ping(), 1_000) : Promise.resolve<Check>('not-configured'),
      // bounded like the ping: a stuck Redis must make /healthz say so, not hang it
      redis ? promptly(redis.get(heartbeatKey(ctx.config.redisPrefix))).catch(() => null) : Promise.resolve(null),
    ]);
    const ok = database === 'ok' && redisState !== 'error';
    void reply.header('cache-control', 'no-store');
    return reply.status(ok ? 200 : 503).send({
      status: ok ? 'ok' : 'degraded',
      database,
      redis: redisState,
      workers: { lastHeartbeat: heartbeat },
    });
  });
}
