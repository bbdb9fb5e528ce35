import type { LinkTokens } from '@crieur/auth';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '@crieur/config';
import type { Database } from '@crieur/db';
import type { Mailer } from '@crieur/mailer';
import type { CampaignQueue, MailQueue, PublishingQueue } from '@crieur/queue';
import type { LoginSettings } from '../auth/login-throttle';
import type { SessionSettings } from '../auth/session-cookie';
import type { ImageImportSettings } from '../media/fetch-public-image';

export type { LoginSettings } from '../auth/login-throttle';

/** What every route module is handed by buildServer. */
export type RouteContext = {
  config: Config;
  /** unsubscribe and preferences links: signed ids, or the hash of a token sent before signed links */
  links: LinkTokens;
  database: Database;
  redis: Redis | undefined;
  logger: Logger;
  now: () => Date;
  session: SessionSettings;
  login: LoginSettings;
  invitationTtlMs: number;
  mailQueue: MailQueue;
  publishingQueue: PublishingQueue;
  subscribe: SubscribeSettings;
  /** Sends staff's test newsletters (SMTP or the outbox); campaigns themselves go through the workers. */
  mailer: Mailer;
  /** Batches of a started campaign; the workers' reconcile rebuilds it from the ledger if lost. */
  campaignQueue: CampaignQueue;
  /** Limits on downloading outside images into the media library when an article is saved. */
  imageImport: ImageImportSettings;
};

export type SubscribeSettings = {
  /** POST /subscribe per IP per minute. */
  perIpPerMinute: number;
  /** Requests for one address per hour before they are silently ignored. */
  perAddressPerHour: number;
};
