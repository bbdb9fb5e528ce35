// A campaign worker in its own process, for the fault tests and the send bench (kill -9, SIGSTOP,
// several processes at once). Settings come as one JSON argument; "ready" on stdout once it listens.
import { pino } from 'pino';
import { linkKey } from '@crieur/auth';
import { openDatabase } from '@crieur/db';
import { createMailer } from '@crieur/mailer';
import { createRedis } from '@crieur/queue';
import { startCampaignWorker } from '../../src/campaigns/campaign-worker';

export type WorkerProcessSettings = {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  smtpUrl: string;
  sendRate: number;
  concurrency: number;
  batchSize?: number;
  lockDurationMs?: number;
  chunkSize?: number;
  reconcileEveryMs?: number;
  livenessTtlMs?: number;
  waitAfterErrors?: number;
  maxProbeDelayMs?: number;
  retry?: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };
  timeouts?: { connectMs?: number; greetingMs?: number; socketMs?: number };
  /** set by the tests to find this process's database connections (pg_terminate_backend) */
  applicationName?: string;
  /** pino level on stderr (default silent), to debug a fault test */
  logLevel?: string;
  /** SEND_PROVIDERS as parsed (default: none, every domain is 'autres') */
  providers?: { name: string; domains: string[]; rate: number | null }[];
  /** SEND_BOUNCE_PAUSE as parsed (default: never) */
  bouncePause?: { ratio: number; window: number; minimum: number } | null;
  /** a throttled provider's back-off and recovery (default: 30 s doubling to 10 min, +50 % a minute) */
  providerPolicy?: {
    floorRate: number;
    firstBackoffMs: number;
    maxBackoffMs: number;
    recoveryEveryMs: number;
    recoveryFactor: number;
  };
};

const settings = JSON.parse(process.argv[2] ?? '{}') as WorkerProcessSettings;
const databaseUrl = settings.applicationName
  ? `${settings.databaseUrl}?application_name=${settings.applicationName}`
  : settings.databaseUrl;
const database = await openDatabase({ databaseUrl, poolSize: 4 });
const mailer = createMailer({
  smtpUrl: settings.smtpUrl,
  outboxDir: '/nonexistent',
  pool: true,
  maxConnections: settings.concurrency,
  ...(settings.timeouts ? { timeouts: settings.timeouts } : {}),
});
const connection = createRedis(settings.redisUrl, 'worker');
connection.on('error', () => undefined);
const worker = await startCampaignWorker({
  db: database.db,
  transport: mailer,
  // the harness's APP_SECRET, so a server in the same test reads the links
  linkKey: linkKey('test-secret-test-secret-test-secret-123'),
  publicUrl: 'https://democraties.example',
  mailFrom: 'démocratieS <lettre@lettre.example.org>',
  sendRate: settings.sendRate,
  concurrency: settings.concurrency,
  lateMinutes: 60,
  ...(settings.batchSize ? { batchSize: settings.batchSize } : {}),
  ...(settings.chunkSize ? { chunkSize: settings.chunkSize } : {}),
  ...(settings.waitAfterErrors ? { waitAfterErrors: settings.waitAfterErrors } : {}),
  ...(settings.maxProbeDelayMs ? { maxProbeDelayMs: settings.maxProbeDelayMs } : {}),
  ...(settings.retry ? { retry: settings.retry } : {}),
  ...(settings.providers ? { providers: settings.providers } : {}),
  ...(settings.bouncePause ? { bouncePause: settings.bouncePause } : {}),
  ...(settings.providerPolicy ? { providerPolicy: settings.providerPolicy } : {}),
  reconcileEveryMs: settings.reconcileEveryMs ?? 200,
  livenessTtlMs: settings.livenessTtlMs ?? 1500,
  lockDurationMs: settings.lockDurationMs ?? 2000,
  connection,
  prefix: settings.prefix,
  logger: pino({ level: settings.logLevel ?? 'silent' }, pino.destination(2)),
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
