// Every hour: subscribers' data kept only as long as it serves (RGPD). Never-confirmed requests go after 30 days,
// people with no list left after 3 years (the privacy page says both, from the same constants).
import type { Logger } from 'pino';
import { DEPARTED_SUBSCRIBER_ERASE_YEARS, UNCONFIRMED_SUBSCRIBER_ERASE_DAYS } from '@crieur/api/enums/subscribers';
import { purgeSubscribers, type Db, type RetentionCounts } from '@crieur/db';
import { redactAddresses } from '../redact';

const DAY_MS = 86_400_000;

/** The same instant `years` calendar years earlier (29 February falls back to the 28th, never the 1st of March). */
export function yearsBefore(now: Date, years: number): Date {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  if (d.getUTCDate() !== now.getUTCDate()) d.setUTCDate(0);
  return d;
}

export type SubscriberRetentionOptions = { db: Db; logger: Logger; now: () => Date; everyMs?: number };

/** One pass; it acts only on what the clock says is due, so a pass may repeat. */
export function runSubscriberRetention(options: { db: Db; now: () => Date }): Promise<RetentionCounts> {
  const now = options.now();
  return purgeSubscribers(options.db, {
    now,
    unconfirmedBefore: new Date(now.getTime() - UNCONFIRMED_SUBSCRIBER_ERASE_DAYS * DAY_MS),
    departedBefore: yearsBefore(now, DEPARTED_SUBSCRIBER_ERASE_YEARS),
  });
}

/** At start and every hour; not a BullMQ scheduler: it must survive Redis losing its keys. Counts only in logs. */
export async function startSubscriberRetention(
  options: SubscriberRetentionOptions,
): Promise<{ stop(): Promise<void> }> {
  let running: Promise<void> | undefined;
  const run = async () => {
    try {
      const counts = await runSubscriberRetention(options);
      if (Object.values(counts).some((n) => n > 0)) options.logger.info({ ...counts }, 'subscriber data purged');
    } catch (error) {
      options.logger.warn(
        { reason: redactAddresses((error as Error).message) },
        'subscriber retention failed; will retry',
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
  const timer = setInterval(tick, options.everyMs ?? 3_600_000);
  return {
    // lets a pass under way finish before the database closes
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
