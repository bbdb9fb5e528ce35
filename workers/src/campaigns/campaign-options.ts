import type { Config } from '@crieur/config';
import type { Db } from '@crieur/db';
import type { Transport } from '@crieur/sending';
import type { CampaignWorkerOptions } from './campaign-worker';

/** The campaign worker's settings from the parsed config: one definition for `pnpm start` and worker processes. */
export function campaignWorkerOptions(
  config: Config,
  db: Db,
  transport: Transport,
  linkKey: Buffer,
): CampaignWorkerOptions {
  return {
    db,
    linkKey,
    transport,
    publicUrl: config.publicUrl,
    mailFrom: config.mailFrom,
    dkim: config.dkim,
    dnsServers: config.dnsServers,
    sendRate: config.sendRate,
    providers: config.sendProviders,
    bouncePause: config.sendBouncePause,
    concurrency: config.sendConcurrency,
    lateMinutes: config.sendLateMinutes,
  };
}
