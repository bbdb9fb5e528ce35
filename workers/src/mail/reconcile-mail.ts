// Rebuilds lost mail jobs from PostgreSQL, as the publishing reconcile does for scheduled articles.
import type { Logger } from 'pino';
import {
  owedConfirmations,
  owedContributionMail,
  owedStaffMail,
  owedWelcomes,
  processLeftoverSubscribeRequests,
  type Db,
} from '@crieur/db';
import { restoreMailJobs, type MailJob, type MailQueue } from '@crieur/queue';
import { redactAddresses } from '../redact';

// a welcome later than this is no longer worth sending (and a failed job is kept 7 days: never retried)
const WELCOME_WINDOW_MS = 3 * 24 * 3600_000;

export type MailReconcileOptions = { db: Db; queue: MailQueue; logger: Logger; now: () => Date; everyMs?: number };

/**
 * One pass: form requests a crash left unprocessed become confirmations, then every confirmation, welcome
 * staff email (invitation, password reset, review, a send that stopped unwatched) and proposer's email the database still owes gets its job back,
 * never twice.
 */
export async function reconcileMail(options: Omit<MailReconcileOptions, 'logger' | 'everyMs'>): Promise<number> {
  await processLeftoverSubscribeRequests(options.db);
  const now = options.now();
  const confirmations = await owedConfirmations(options.db, { now });
  const welcomes = await owedWelcomes(options.db, { since: new Date(now.getTime() - WELCOME_WINDOW_MS) });
  const staff = await owedStaffMail(options.db, { now });
  const proposers = await owedContributionMail(options.db, { now });
  const owed: MailJob[] = [
    ...confirmations.map((c) => ({ type: 'confirm' as const, ...c })),
    ...welcomes.map((w) => ({ type: 'welcome' as const, ...w })),
    ...staff.map((s) => ({ type: 'staff' as const, ...s })),
    ...proposers.map((p) => ({ type: 'contribution' as const, ...p })),
  ];
  return restoreMailJobs(options.queue, owed);
}

/** At start and every minute; not a BullMQ scheduler: it must survive Redis losing its keys. */
export async function startMailReconcile(options: MailReconcileOptions): Promise<{ stop(): void }> {
  const run = async () => {
    try {
      const created = await reconcileMail(options);
      if (created) options.logger.info({ created }, 'mail jobs re-created from the database');
    } catch (error) {
      options.logger.warn({ reason: redactAddresses((error as Error).message) }, 'mail reconcile failed; will retry');
    }
  };
  await run();
  const timer = setInterval(() => void run(), options.everyMs ?? 60_000);
  return { stop: () => clearInterval(timer) };
}
