// The subscribers' retention never rewrites growth's past: the days before a purge read the same from the ledger
// afterwards, and the purge's day shows the requests and people it erased (PostgreSQL and PGlite).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  confirmSubscription,
  listIdsBySlugs,
  prepareConfirmationEmail,
  purgeSubscribers,
  requestSubscription,
  unsubscribeSubscriber,
  type Database,
} from '@crieur/db';
import { bothBackends } from '@crieur/db/testing';
import { addDays, computeSnapshots, parisDay } from '../src';

const DAY = 86_400_000;
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);
const yearsLater = (d: Date, years: number) => {
  const x = new Date(d);
  x.setUTCFullYear(x.getUTCFullYear() + years);
  return x;
};

describe.each(bothBackends('retgrowth'))('growth history across a retention purge on %s', (_name, open) => {
  let database: Database;
  let cleanup: () => Promise<void>;
  const t0 = new Date();
  const base = {
    name: '',
    formId: 'subscribe',
    textVersion: 'v1',
    ip: null,
    confirmationTtlMs: 7 * DAY,
    resendAfterMs: DAY,
  };

  beforeAll(async () => {
    ({ database, cleanup } = await open());
    await database.migrate();
  });
  afterAll(() => cleanup());

  const purge = (now: Date) =>
    purgeSubscribers(database.db, {
      now,
      unconfirmedBefore: plus(now, -30 * DAY),
      departedBefore: yearsLater(now, -3),
    });
  const confirm = async (email: string, listSlugs: string[], now: Date) => {
    const { confirmationId } = await requestSubscription(database.db, { ...base, email, listSlugs, now });
    const tokenHash = createHash('sha256').update(email).digest('hex');
    await prepareConfirmationEmail(database.db, { confirmationId: confirmationId!, tokenHash, now });
    return (await confirmSubscription(database.db, { tokenHash, ip: null, now }))!.subscriberId;
  };
  const figures = async (from: string, to: string) =>
    (await computeSnapshots(database.db, { from, to, fromScratch: true })).map((r) => JSON.stringify(r)).sort();

  it('keeps every past day’s figures, and counts the purge on its own day', async () => {
    const ids = Object.fromEntries(
      (await listIdsBySlugs(database.db, ['membres', 'democraties'])).map((l) => [l.slug, l.id]),
    );
    // a request never confirmed; a subscriber whose second request stays pending; one who leaves the next day
    await requestSubscription(database.db, { ...base, email: 'jamais@exemple.org', listSlugs: ['membres'], now: t0 });
    await confirm('fidele@exemple.org', ['membres'], t0);
    await requestSubscription(database.db, {
      ...base,
      email: 'fidele@exemple.org',
      listSlugs: ['democraties'],
      now: plus(t0, 60_000),
    });
    const leaver = await confirm('partante@exemple.org', ['membres'], t0);
    await unsubscribeSubscriber(database.db, { subscriberId: leaver, now: plus(t0, DAY), source: 'form' });

    const first = parisDay(t0);
    const purgeAt = plus(t0, 35 * DAY);
    const purgeDay = parisDay(purgeAt);
    const before = await figures(first, addDays(purgeDay, -1));
    const counts = await purge(purgeAt);
    expect(counts).toMatchObject({ unconfirmed: 1, stalePending: 1 });
    expect(await figures(first, addDays(purgeDay, -1))).toEqual(before);

    const [day] = (await computeSnapshots(database.db, { from: purgeDay, to: purgeDay, fromScratch: true })).filter(
      (r) => r.listId === ids.membres,
    );
    expect(day).toMatchObject({ confirmed: 1, pending: 0, unsubscribed: 1, erasures: 1 });
    const [democraties] = (
      await computeSnapshots(database.db, { from: purgeDay, to: purgeDay, fromScratch: true })
    ).filter((r) => r.listId === ids.democraties);
    // the stale pending request leaves the pending count, as a list-specific erasure
    expect(democraties).toMatchObject({ confirmed: 0, pending: 0, erasures: 1 });

    // three years on, the one who left is erased: the history up to then still reads the same
    const later = plus(yearsLater(plus(t0, DAY), 3), DAY);
    const untilLater = parisDay(plus(later, -DAY));
    const window = await figures(first, addDays(first, 40));
    const lastDay = await figures(untilLater, untilLater);
    expect((await purge(later)).departed).toBe(1);
    expect(await figures(first, addDays(first, 40))).toEqual(window);
    expect(await figures(untilLater, untilLater)).toEqual(lastDay);
    const [after] = (
      await computeSnapshots(database.db, { from: parisDay(later), to: parisDay(later), fromScratch: true })
    ).filter((r) => r.listId === ids.membres);
    expect(after).toMatchObject({ confirmed: 1, pending: 0, unsubscribed: 0, erasures: 1 });
  });
});
