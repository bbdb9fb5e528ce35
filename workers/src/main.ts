// Wiring for a workers-only process (production: one per machine, as many as needed).
import { linkKey } from '@crieur/auth';
import { ConfigError, loadConfig, resolveAppSecret } from '@crieur/config';
import { createSafeLogger } from '@crieur/safe-text';
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
// links in emails are signed with APP_SECRET: workers on another machine must share the server's
if (config.env === 'production' && !config.appSecret) {
  process.stderr.write(
    'APP_SECRET must be set for workers in production, to the same value as the server: unsubscribe and preferences links are signed with it.\n',
  );
  process.exit(78);
}
const links = linkKey(resolveAppSecret(config));
// errors anywhere in a line are reduced to class, code and a scrubbed message: no parameters, addresses or tokens
const logger = createSafeLogger({ level: config.logLevel, name: 'workers' });

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
  // on the embedded database while `pnpm start:server` runs, the workers work through the server
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 5,
    command: 'pnpm start:workers',
    onWait: (message) => logger.info(message),
  });
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    outboxDir: path.join(config.dataDir, 'outbox'),
    dkim: config.dkim,
    timeouts: config.smtpTimeouts,
  });
  // campaigns keep SEND_CONCURRENCY connections open
  const campaignMailer = createMailer({
    smtpUrl: config.smtpUrl,
    outboxDir: path.join(config.dataDir, 'outbox'),
    dkim: config.dkim,
    pool: true,
    maxConnections: config.sendConcurrency,
    timeouts: config.smtpTimeouts,
  });
  const workers = await startWorkers({
    redisUrl: config.redisUrl,
    prefix: config.redisPrefix,
    mode: config.env,
    logger,
    mail: { db: database.db, mailer, publicUrl: config.publicUrl, mailFrom: config.mailFrom, linkKey: links },
    publishing: { db: database.db },
    campaigns: campaignWorkerOptions(config, database.db, campaignMailer, links),
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
