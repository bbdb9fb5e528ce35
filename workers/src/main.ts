// Wiring for a workers-only process (production: one per machine, as many as needed).
import { ConfigError, loadConfig, resolveAppSecret } from '@crieur/config';
import { createSafeLogger } from '@crieur/safe-text';
import { openDatabase } from '@crieur/db';
import { startWorkerProcess } from './start-worker-process';

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
const appSecret = resolveAppSecret(config);
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
  const workers = await startWorkerProcess(config, { db: database.db, appSecret, logger });
  stopNow = (signal: string) =>
    void (async () => {
      logger.info({ signal }, 'stopping workers');
      const { graceful } = await workers.close(10_000);
      await database.close();
      process.exit(graceful ? 0 : 1);
    })();
  if (stopping) stopNow(stopping);
} catch (error) {
  logger.fatal({ err: error }, (error as Error).message);
  process.exit(1);
}
