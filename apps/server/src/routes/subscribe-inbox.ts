import type { FastifyBaseLogger } from 'fastify';
import { processSubscribeRequest, type Db } from '@crieur/db';
import { enqueueMail, promptly, type MailQueue } from '@crieur/queue';
import { limitConcurrency } from '../media/limit-concurrency';

/** The form's requests, processed after their answer went out, so no timing tells known from unknown. */
export type SubscribeInbox = {
  /** Processes a stored request soon, off the answer's path. */
  add(requestId: string, log: FastifyBaseLogger): void;
  /** Resolves once every request added so far is processed (close, tests). */
  settled(): Promise<void>;
};

declare module 'fastify' {
  interface FastifyInstance {
    subscribeInbox: SubscribeInbox;
  }
}

/**
 * A few requests at a time, in this process; one a crash leaves behind stays in PostgreSQL, where the
 * workers' mail rebuild takes it. Redis jobs carry ids only, never the address.
 */
export function createSubscribeInbox(deps: { db: Db; mailQueue: MailQueue; concurrency?: number }): SubscribeInbox {
  const limit = limitConcurrency(deps.concurrency ?? 4);
  const running = new Set<Promise<void>>();

  const processOne = async (requestId: string, log: FastifyBaseLogger) => {
    let result: Awaited<ReturnType<typeof processSubscribeRequest>>;
    try {
      result = await processSubscribeRequest(deps.db, { requestId });
    } catch (error) {
      // the row stays (its transaction rolled back); the code only: a database message may quote the address
      log.warn({ code: (error as { code?: string }).code }, 'subscribe request left to the mail rebuild');
      return;
    }
    if (!result?.confirmationId || !result.subscriberId) return;
    const job = { type: 'confirm' as const, confirmationId: result.confirmationId, subscriberId: result.subscriberId };
    // Redis down: the confirmation is in PostgreSQL, and the workers' mail rebuild queues its email later
    await promptly(enqueueMail(deps.mailQueue, job)).catch((error: Error) =>
      log.warn({ reason: error.message }, 'confirmation left to the mail rebuild'),
    );
  };

  return {
    add(requestId, log) {
      // setImmediate: the answer is written before any of this work starts
      const task = new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
        limit(() => processOne(requestId, log)),
      );
      running.add(task);
      void task.finally(() => running.delete(task));
    },
    async settled() {
      while (running.size) await Promise.all([...running]);
    },
  };
}
