// Wiring for a workers-only process (production: one per machine, as many as needed).
import { ConfigError, loadConfig } from '@crieur/config';
import { pino } from 'pino';
import path from 'node:path';
import { openDatabase } from '@crieur/db';
import { createMailer } from '@crieur/mailer';
import { campaignWorkerOptions } from './campaigns/campaign-options';
import { startWorkers } from './start-workers';

const config = (() => {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
})();
const logger = pino({ level: config.logLevel, base: { process: 'workers' } });

// listen for signals before anything starts: a SIGTERM during start-up still stops cleanly
let stopping: string | undefined;
let stopNow: ((signal: string) => void) | undefined;
const onSignal = (signal: string) => {
  stopping ??= signal;
  stopNow?.(signal);
};
process.once('SIGTERM', () => onSignal('SIGTERM'));
process.once('SIGINT', () => onSignal('SIGINT'));

try {
  // the server applies migrations; workers only read and write rows
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 5 });
  const mailer = createMailer({ smtpUrl: config.smtpUrl, outboxDir: path.join(config.dataDir, 'outbox'), dkim: config.dkim, timeouts: config.smtpTimeouts });
  // campaigns keep SEND_CONCURRENCY connections open
  const campaignMailer = createMailer({ smtpUrl: config.smtpUrl, outboxDir: path.join(config.dataDir, 'outbox'), dkim: config.dkim, pool: true, maxConnections: config.sendConcurrency, timeouts: config.smtpTimeouts });
  const workers = await startWorkers({
    redisUrl: config.redisUrl,
    prefix: config.redisPrefix,
    mode: config.env,
    logger,
    mail: { db: database.db, mailer, publicUrl: config.publicUrl, mailFrom: config.mailFrom },
    publishing: { db: database.db },
    campaigns: campaignWorkerOptions(config, database.db, campaignMailer),
    growth: { db: database.db },
  });
  stopNow = (signal: string) =>
    void (async () => {
      logger.info({ signal }, 'stopping workers');
      const { graceful } = await workers.close(10_000);
      await mailer.close();
      await campaignMailer.close();
      await database.close();
      process.exit(graceful ? 0 : 1);
    })();
  if (stopping) stopNow(stopping);
} catch (error) {
  logger.fatal({ err: error }, (error as Error).message);
  process.exit(1);
}
