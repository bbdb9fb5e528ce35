// The mail side of an e2e world: a real SMTP server in the test process and the workers sending to it.
import { pino } from 'pino';
import { createMailer } from '@crieur/mailer';
import { startWorkers, type RunningWorkers } from '@crieur/workers';
import { TEST_LINK_KEY, type Harness } from '../harness';
import { startSmtpSink, type SmtpSink } from '../smtp-sink';

export type MailWorld = { sink: SmtpSink; workers: RunningWorkers; close(): Promise<void> };

/** Starts the sink, a mailer on it and the workers on the harness's queue prefix; `close` stops them in order. */
export async function startMailWorld(
  h: Harness,
  publicUrl: string,
  mailFrom = 'démocratieS <lettre@democraties.example>',
): Promise<MailWorld> {
  const sink = await startSmtpSink();
  const mailer = createMailer({ smtpUrl: sink.url, outboxDir: '/nonexistent' });
  const workers = await startWorkers({
    redisUrl: 'redis://127.0.0.1:6379',
    prefix: h.prefix,
    mode: 'test',
    logger: pino({ level: 'silent' }),
    mail: { db: h.database.db, linkKey: TEST_LINK_KEY, mailer, publicUrl, mailFrom },
  });
  return {
    sink,
    workers,
    close: async () => {
      await workers.close(5_000);
      await mailer.close();
      await sink.close();
    },
  };
}
