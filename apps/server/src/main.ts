// Wiring for `pnpm start` (mode "all": server and workers in one process) and `pnpm start:server`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, resolveAppSecret, type Config } from '@crieur/config';
import { DatabaseInUseError, openDatabase, type Database } from '@crieur/db';
import {
  createCampaignQueue,
  createMailQueue,
  createPublishingQueue,
  createRedis,
  RedisUnavailableError,
  type EmbeddedRedis,
} from '@crieur/queue';
import { startWorkerProcess, UnsafeRedisError } from '@crieur/workers';
import { createMailer } from '@crieur/mailer';
import { buildServer } from './build-server';
import { createLogger } from './logger';
import { ensureRedis } from './start/ensure-redis';
import { bootstrapFirstAdmin } from './start/first-admin';
import { ensureStudioBuild } from './start/studio-build';

const mode = process.argv[2] === 'server' ? 'server' : 'all';
const studioRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../studio');

let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  throw error;
}
const logger = createLogger({ level: config.logLevel, name: mode === 'all' ? 'crieur' : 'server' });

let embeddedRedis: EmbeddedRedis | undefined;
let opened: Database | undefined;
// listen for signals before anything starts: a SIGTERM during start-up is honoured once ready
let requested: string | undefined;
let stopNow: ((signal: string) => void) | undefined;
const onSignal = (signal: string) => {
  requested ??= signal;
  stopNow?.(signal);
};
process.once('SIGTERM', () => onSignal('SIGTERM'));
process.once('SIGINT', () => onSignal('SIGINT'));
try {
  const appSecret = resolveAppSecret(config);
  // first, so that a second server on the same DATA_DIR stops before it starts anything
  const command = mode === 'all' ? 'pnpm start' : 'pnpm start:server';
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    serve: true,
    command,
  });
  opened = database;
  if (mode === 'all') {
    embeddedRedis = await ensureRedis({ redisUrl: config.redisUrl, dataDir: config.dataDir, logger });
    if (config.env !== 'production') ensureStudioBuild(studioRoot, (m) => logger.info(m));
  }
  await database.migrate();
  logger.info({ database: database.kind }, 'database ready');
  const welcome = await bootstrapFirstAdmin(database.db, { publicUrl: config.publicUrl, now: new Date() });
  if (welcome) process.stdout.write(`${welcome}\n`);

  const redis = createRedis(config.redisUrl, 'client');
  redis.on('error', (error) => logger.warn({ err: error.message }, 'Redis connection error'));
  // fail-fast like the client: a request must never wait on Redis (a Queue, unlike a Worker, allows it)
  const queueConnection = createRedis(config.redisUrl, 'client');
  queueConnection.on('error', (error) => logger.warn({ err: error.message }, 'Redis connection error'));
  const mailQueue = createMailQueue(queueConnection, config.redisPrefix);
  const publishingQueue = createPublishingQueue(queueConnection, config.redisPrefix);
  const campaignQueue = createCampaignQueue(queueConnection, config.redisPrefix);
  // the connection's listener above logs Redis errors once; queues re-emit them (unheard, they reach stderr)
  for (const queue of [mailQueue, publishingQueue, campaignQueue]) queue.on('error', () => undefined);
  // one mailer for the server's test sends and, in mode all, the workers' confirmations and welcomes
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    outboxDir: path.join(config.dataDir, 'outbox'),
    dkim: config.dkim,
    timeouts: config.smtpTimeouts,
  });
  const app = await buildServer({
    config,
    appSecret,
    database,
    redis,
    mailQueue,
    publishingQueue,
    campaignQueue,
    logger,
    mailer,
    studioDir: path.join(studioRoot, 'dist'),
  });
  // mode all: the workers share the server's database and its mailer (same SMTP, outbox and DKIM settings)
  const workers =
    mode === 'all' ? await startWorkerProcess(config, { db: database.db, appSecret, logger, mailer }) : undefined;
  await app.listen({ host: config.host, port: config.port });
  process.stdout.write(`\n  Crieur is running: ${config.publicUrl}/studio/\n\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 15_000).unref();
    await app.close();
    const result = workers ? await workers.close(10_000) : { graceful: true };
    await mailer.close();
    await campaignQueue.close();
    await mailQueue.close();
    await publishingQueue.close();
    queueConnection.disconnect();
    redis.disconnect();
    await database.close();
    await embeddedRedis?.stop();
    clearTimeout(timer);
    process.exit(result.graceful ? 0 : 1);
  };
  stopNow = (signal) => void stop(signal);
  if (requested) stopNow(requested);
} catch (error) {
  if (
    error instanceof RedisUnavailableError ||
    error instanceof UnsafeRedisError ||
    error instanceof DatabaseInUseError
  ) {
    process.stderr.write(`\n${error.message}\n`);
  } else {
    logger.fatal({ err: error }, 'could not start');
  }
  await opened?.close().catch(() => undefined);
  await embeddedRedis?.stop();
  process.exit(1);
}
