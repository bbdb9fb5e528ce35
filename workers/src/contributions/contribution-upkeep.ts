// Every minute: ended events and closed offers are stamped expired (they leave the public lists), and refused,
// withdrawn or never-confirmed proposals are erased once their time is up (said on the form and the privacy page).
import type { Logger } from 'pino';
import { CONTRIBUTION_ERASE_DAYS, UNCONFIRMED_ERASE_DAYS } from '@crieur/api/enums/contributions';
import { eraseContributions, expireContributions, type Db, type ErasedCounts, type ExpiredCounts } from '@crieur/db';
import { redactAddresses } from '../redact';

const DAY_MS = 86_400_000;

export type ContributionUpkeepOptions = { db: Db; logger: Logger; now: () => Date; everyMs?: number };

/** One pass: expiry first, then erasure; both only ever act on what the clock says is due, so a pass may repeat. */
export async function runContributionUpkeep(options: {
  db: Db;
  now: () => Date;
}): Promise<{ expired: ExpiredCounts; erased: ErasedCounts }> {
  const now = options.now();
  const expired = await expireContributions(options.db, { now });
  const erased = await eraseContributions(options.db, {
    now,
    closedBefore: new Date(now.getTime() - CONTRIBUTION_ERASE_DAYS * DAY_MS),
    unconfirmedBefore: new Date(now.getTime() - UNCONFIRMED_ERASE_DAYS * DAY_MS),
  });
  return { expired, erased };
}

/** At start and every minute; not a BullMQ scheduler: it must survive Redis losing its keys. Counts only in logs. */
export async function startContributionUpkeep(options: ContributionUpkeepOptions): Promise<{ stop(): Promise<void> }> {
  let running: Promise<void> | undefined;
  const run = async () => {
    try {
      const { expired, erased } = await runContributionUpkeep(options);
      if (expired.events + expired.jobs > 0) options.logger.info({ ...expired }, 'contributions expired');
      if (erased.closed + erased.unconfirmed + erased.proposers > 0)
        options.logger.info({ ...erased }, 'contributions erased');
    } catch (error) {
      options.logger.warn(
        { reason: redactAddresses((error as Error).message) },
        'contribution upkeep failed; will retry',
      );
    }
  };
  // a slow pass is never overlapped by the next tick
  const tick = () => {
    running ??= run().finally(() => {
      running = undefined;
    });
  };
  tick();
  await running;
  const timer = setInterval(tick, options.everyMs ?? 60_000);
  return {
    // lets a pass under way finish before the database closes
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
