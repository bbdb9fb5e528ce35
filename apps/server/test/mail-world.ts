// The mail side of a test world: a real SMTP server in the test process and the workers sending to it.
import { pino } from 'pino';
import { createMailer, type Mailer } from '@crieur/mailer';
import { startWorkers, type RunningWorkers } from '@crieur/workers';
import { TEST_LINK_KEY, type Harness } from './harness';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

export type MailWorld = { sink: SmtpSink; mailer: Mailer; workers: RunningWorkers; close(): Promise<void> };

/** Starts the sink, a mailer on it and the mail workers on the harness's queue prefix; `close` stops them in order. */
export async function startMailWorld(
  h: Harness,
  options: { publicUrl: string; mailFrom?: string; now?: () => Date; reconcileEveryMs?: number },
): Promise<MailWorld> {
  const sink = await startSmtpSink();
  const mailer = createMailer({ smtpUrl: sink.url, outboxDir: '/nonexistent' });
  const workers = await startWorkers({
    redisUrl: 'redis://127.0.0.1:6379',
    prefix: h.prefix,
    mode: 'test',
    logger: pino({ level: 'silent' }),
    ...(options.now ? { now: options.now } : {}),
    mail: {
      db: h.database.db,
      linkKey: TEST_LINK_KEY,
      mailer,
      publicUrl: options.publicUrl,
      mailFrom: options.mailFrom ?? 'démocratieS <lettre@democraties.example>',
      ...(options.reconcileEveryMs ? { reconcileEveryMs: options.reconcileEveryMs } : {}),
    },
  });
  return {
    sink,
    mailer,
    workers,
    close: async () => {
      await workers.close(5_000);
      await mailer.close();
      await sink.close();
    },
  };
}
