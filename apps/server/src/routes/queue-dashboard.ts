// Bull Board at /studio/queues, for admins only, read-only: the send ledger, not the queue, is the truth.
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { loadSession } from '../auth/session-cookie';
import type { RouteContext } from './context';

export const QUEUE_DASHBOARD_PATH = '/studio/queues';

export async function queueDashboard(
  app: FastifyInstance,
  ctx: RouteContext,
  options: { queues: Queue[] },
): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: options.queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: true, allowRetries: false })),
    serverAdapter,
    // the staff never read the software's name; the organisation's can change after start-up
    options: { uiConfig: { boardTitle: 'Files d’attente des envois' } },
  });
  await app.register(async (scope) => {
    scope.addHook('onRequest', async (request, reply) => {
      await loadSession(ctx.database.db, request, { now: ctx.now(), settings: ctx.session });
      if (!request.staff) return reply.redirect(`/studio/login?next=${encodeURIComponent(QUEUE_DASHBOARD_PATH)}`);
      if (request.staff.role !== 'admin')
        return reply.status(403).type('text/plain; charset=utf-8').send('Réservé aux administrateur·rices.');
    });
    await scope.register(serverAdapter.registerPlugin() as Parameters<typeof scope.register>[0], {
      prefix: QUEUE_DASHBOARD_PATH,
    });
  });
}
