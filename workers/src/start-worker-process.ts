import path from 'node:path';
import type { Logger } from 'pino';
import { linkKey } from '@crieur/auth';
import type { Config } from '@crieur/config';
import type { Db } from '@crieur/db';
import { createMailer, type Mailer } from '@crieur/mailer';
import { campaignWorkerOptions } from './campaigns/campaign-options';
import { startWorkers, type RunningWorkers } from './start-workers';

export type WorkerProcessDeps = {
  db: Db;
  /** APP_SECRET as the entry file resolved it: unsubscribe and preferences links are signed with it. */
  appSecret: string;
  logger: Logger;
  /** The transactional mailer when the process already has one (mode all shares the server's); else one is made. */
  mailer?: Mailer;
};

/**
 * Every worker of a process on the parsed settings: mail, publishing, campaigns and growth, with their mailers.
 * `close` lets running jobs finish (10 s unless told), then closes the mailers it made; never the database.
 */
export async function startWorkerProcess(config: Config, deps: WorkerProcessDeps): Promise<RunningWorkers> {
  const { db, logger } = deps;
  const outboxDir = path.join(config.dataDir, 'outbox');
  const mailer =
    deps.mailer ??
    createMailer({ smtpUrl: config.smtpUrl, outboxDir, dkim: config.dkim, timeouts: config.smtpTimeouts });
  // campaigns keep SEND_CONCURRENCY connections open; confirmations and welcomes use the plain one
  const campaignMailer = createMailer({
    smtpUrl: config.smtpUrl,
    outboxDir,
    dkim: config.dkim,
    pool: true,
    maxConnections: config.sendConcurrency,
    timeouts: config.smtpTimeouts,
  });
  const closeMailers = async () => {
    if (!deps.mailer) await mailer.close();
    await campaignMailer.close();
  };
  const links = linkKey(deps.appSecret);
  let workers: RunningWorkers;
  try {
    workers = await startWorkers({
      redisUrl: config.redisUrl,
      prefix: config.redisPrefix,
      mode: config.env,
      logger,
      mail: { db, mailer, publicUrl: config.publicUrl, mailFrom: config.mailFrom, linkKey: links },
      publishing: { db },
      campaigns: campaignWorkerOptions(config, db, campaignMailer, links),
      growth: { db },
    });
  } catch (error) {
    await closeMailers();
    throw error;
  }
  return {
    close: async (timeoutMs = 10_000) => {
      const result = await workers.close(timeoutMs);
      await closeMailers();
      return result;
    },
  };
}
