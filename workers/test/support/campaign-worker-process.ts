// A campaign worker in its own process, for the fault tests (kill -9, two processes at once).
// Settings come as one JSON argument; "ready" on stdout once it listens.
import { pino } from 'pino';
import { openDatabase } from '@crieur/db';
import { createMailer } from '@crieur/mailer';
import { createRedis } from '@crieur/queue';
import { startCampaignWorker } from '../../src/campaigns/campaign-worker';

type Settings = { databaseUrl: string; redisUrl: string; prefix: string; smtpUrl: string; sendRate: number; concurrency: number; batchSize?: number; lockDurationMs?: number; chunkSize?: number };
const settings = JSON.parse(process.argv[2] ?? '{}') as Settings;

const database = await openDatabase({ databaseUrl: settings.databaseUrl, poolSize: 4 });
const mailer = createMailer({ smtpUrl: settings.smtpUrl, outboxDir: '/nonexistent', pool: true, maxConnections: settings.concurrency });
const connection = createRedis(settings.redisUrl, 'worker');
connection.on('error', () => undefined);
const worker = await startCampaignWorker({
  db: database.db,
  mailer,
  publicUrl: 'https://democraties.example',
  mailFrom: 'démocratieS <lettre@lettre.example.org>',
  sendRate: settings.sendRate,
  concurrency: settings.concurrency,
  lateMinutes: 60,
  batchSize: settings.batchSize ?? 250,
  ...(settings.chunkSize ? { chunkSize: settings.chunkSize } : {}),
  reconcileEveryMs: 200,
  livenessTtlMs: 1500,
  lockDurationMs: settings.lockDurationMs ?? 2000,
  connection,
  prefix: settings.prefix,
  logger: pino({ level: 'silent' }),
  now: () => new Date(),
});
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void worker.close().then(async () => {
    await mailer.close();
    await database.close();
    connection.disconnect();
    process.exit(0);
  });
});
