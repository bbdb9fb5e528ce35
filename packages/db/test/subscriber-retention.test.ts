// The subscribers' retention (RGPD) on real PostgreSQL and on PGlite: never-confirmed requests erased whole after
// 30 days, people with no list left erased after 3 years (only the hash stays), everyone else untouched.
import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  confirmSubscription,
  findSuppression,
  importRows,
  listIdsBySlugs,
  prepareConfirmationEmail,
  purgeSubscribers,
  requestSubscription,
  suppressAddress,
  unsubscribeSubscriber,
  type Database,
} from '../src';
import { bothBackends, dumpAllRows } from '../src/testing';

const DAY = 86_400_000;
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);
const yearsLater = (d: Date, years: number) => {
  const x = new Date(d);
  x.setUTCFullYear(x.getUTCFullYear() + years);
  return x;
};
const yearsBefore = (d: Date, years: number) => yearsLater(d, -years);

describe.each(bothBackends('retention'))('subscriber retention on %s', (_name, open) => {
  let database: Database;
  let cleanup: () => Promise<void>;
  let ids: Record<string, number>;
  // rows take the real clock for their creation: every test starts now and moves the purge's clock on
  const t0 = new Date();
  const base = {
    name: 'Camille',
    formId: 'subscribe',
    textVersion: 'v1',
    ip: '192.0.2.7',
    confirmationTtlMs: 7 * DAY,
    resendAfterMs: DAY,
  };
  const purge = (now: Date) =>
    purgeSubscribers(database.db, {
      now,
      unconfirmedBefore: plus(now, -30 * DAY),
      departedBefore: yearsBefore(now, 3),
    });
  const address = (who: string) => `${who}-${randomUUID().slice(0, 8)}@exemple.org`;
  const has = async (email: string) => (await dumpAllRows(database.db)).toLowerCase().includes(email.toLowerCase());
  const subscriberOf = async (email: string) => {
    const result = (await database.db.execute(
      sql`select id from subscribers where lower(email) = lower(${email})`,
    )) as unknown as { rows: { id: string }[] };
    return result.rows[0]?.id ?? null;
  };
  const eventsOf = async (subscriberId: string) => {
    const result = (await database.db.execute(
      sql`select type::text, list_id as "listId", data from subscription_events where subscriber_id = ${subscriberId} order by id`,
    )) as unknown as { rows: { type: string; listId: number | null; data: Record<string, unknown> }[] };
    return result.rows;
  };
  const request = (email: string, listSlugs: string[], now: Date) =>
    requestSubscription(database.db, { ...base, email, listSlugs, now });
  const confirm = async (email: string, listSlugs: string[], now: Date) => {
    const { confirmationId } = await request(email, listSlugs, now);
    const tokenHash = sha(`token-${email}-${now.getTime()}`);
    await prepareConfirmationEmail(database.db, { confirmationId: confirmationId!, tokenHash, now });
    const done = await confirmSubscription(database.db, { tokenHash, ip: '192.0.2.8', now });
    expect(done).not.toBeNull();
    return done!.subscriberId;
  };

  beforeAll(async () => {
    ({ database, cleanup } = await open());
    await database.migrate();
    ids = Object.fromEntries(
      (await listIdsBySlugs(database.db, ['membres', 'democraties'])).map((l) => [l.slug, l.id]),
    );
  });
  afterAll(() => cleanup());

  it('erases a never-confirmed request 30 days after the last one, whole and without a suppression', async () => {
    const once = address('une-fois');
    const twice = address('deux-fois');
    const { confirmationId } = await request(once, ['membres'], t0);
    await prepareConfirmationEmail(database.db, { confirmationId: confirmationId!, tokenHash: sha(once), now: t0 });
    await request(twice, ['membres'], t0);
    // asked again 10 days later (the first link expired): the 30 days count from this one
    await request(twice, ['democraties'], plus(t0, 10 * DAY));
    const onceId = (await subscriberOf(once))!;

    await purge(plus(t0, 29 * DAY));
    expect(await has(once)).toBe(true);
    expect(await has(twice)).toBe(true);

    const at31 = plus(t0, 31 * DAY);
    expect((await purge(at31)).unconfirmed).toBeGreaterThanOrEqual(1);
    const rows = await dumpAllRows(database.db);
    expect(rows.toLowerCase()).not.toContain(once);
    // no trace at all: not even the address's hash (they never consented to anything)
    expect(rows).not.toContain(sha(once));
    expect(await findSuppression(database.db, once)).toBeNull();
    // growth keeps the history under the random id, and sees the pending request end
    expect((await eventsOf(onceId)).map((e) => [e.type, e.data])).toEqual([
      ['subscribed', { formId: 'subscribe' }],
      ['erased', { retention: 'unconfirmed' }],
    ]);
    expect(await has(twice)).toBe(true);
    await purge(plus(t0, 41 * DAY));
    expect(await has(twice)).toBe(false);
    // a second pass changes nothing
    const after = await dumpAllRows(database.db);
    expect(await purge(plus(t0, 41 * DAY))).toEqual({ unconfirmed: 0, stalePending: 0, staleRequests: 0, departed: 0 });
    expect(await dumpAllRows(database.db)).toBe(after);
  });

  it('lets an erased never-confirmed address subscribe again normally', async () => {
    const email = address('revient');
    await request(email, ['membres'], t0);
    await purge(plus(t0, 31 * DAY));
    expect(await has(email)).toBe(false);
    const later = plus(t0, 32 * DAY);
    const subscriberId = await confirm(email, ['membres'], later);
    const events = await eventsOf(subscriberId);
    expect(events.map((e) => e.type)).toEqual(['subscribed', 'confirmed']);
    // an ordinary confirmation: no suppression to lift
    expect(events[1]!.data).not.toHaveProperty('liftedSuppression');
  });

  it('erases someone with no list left 3 years after their last action, keeping only the hash', async () => {
    const email = address('partie');
    const subscriberId = await confirm(email, ['membres', 'democraties'], t0);
    const left = plus(t0, 20 * DAY);
    await unsubscribeSubscriber(database.db, {
      subscriberId,
      listIds: [ids.membres!],
      now: plus(t0, 5 * DAY),
      source: 'form',
    });
    await unsubscribeSubscriber(database.db, { subscriberId, now: left, source: 'form' });

    await purge(plus(yearsLater(left, 3), -DAY)); // 2 years 364 days
    expect(await has(email)).toBe(true);
    expect((await purge(plus(yearsLater(left, 3), DAY))).departed).toBeGreaterThanOrEqual(1); // 3 years 1 day
    expect(await has(email)).toBe(false);
    expect(await findSuppression(database.db, email)).toMatchObject({ reason: 'erased' });
    expect((await eventsOf(subscriberId)).at(-1)).toMatchObject({
      type: 'erased',
      listId: null,
      data: { retention: 'inactive' },
    });

    // the staff re-import of that address does not write to them again: their choice holds
    const outcome = await importRows(database.db, {
      listId: ids.membres!,
      legalBasis: 'consent',
      rows: [{ line: 2, email, name: 'Camille' }],
      consentNote: 'fichier de 2019',
      actorId: null,
      importId: null,
      now: plus(yearsLater(left, 3), 2 * DAY),
      dryRun: false,
    });
    expect(outcome.imported).toBe(0);
    expect(outcome.problems).toEqual([{ line: 2, reason: 'suppressed', value: email }]);
    expect(await subscriberOf(email)).toBeNull();
  });

  it('never touches a person still subscribed to one list, and drops only their stale pending request', async () => {
    const email = address('fidele');
    const subscriberId = await confirm(email, ['membres'], t0);
    // asked for a second letter and never confirmed it
    await request(email, ['democraties'], plus(t0, DAY));
    const before = await dumpAllRows(database.db);
    const mine = (rows: string) =>
      rows
        .split('\n')
        .filter((l) => l.includes(subscriberId) && !l.startsWith('subscription_events'))
        .sort();

    await purge(plus(t0, 29 * DAY));
    expect(mine(await dumpAllRows(database.db))).toEqual(mine(before));
    await purge(plus(t0, 32 * DAY));
    const pending = (await database.db.execute(
      sql`select l.slug, s.status::text from subscriptions s join lists l on l.id = s.list_id where s.subscriber_id = ${subscriberId}`,
    )) as unknown as { rows: { slug: string; status: string }[] };
    expect(pending.rows).toEqual([{ slug: 'membres', status: 'confirmed' }]);
    expect((await eventsOf(subscriberId)).at(-1)).toMatchObject({
      type: 'erased',
      listId: ids.democraties,
      data: { retention: 'unconfirmed' },
    });
    // years later, still subscribed: the person and their consent stay as they are
    const kept = mine(await dumpAllRows(database.db));
    await purge(yearsLater(t0, 5));
    expect(mine(await dumpAllRows(database.db))).toEqual(kept);
    expect(await has(email)).toBe(true);
  });

  it('keeps the suppression of bounced and complaining addresses when the person is erased', async () => {
    const bounced = address('rebond');
    const complained = address('plainte');
    const neverConfirmed = address('rebond-jamais');
    await confirm(bounced, ['membres'], t0);
    await confirm(complained, ['membres'], t0);
    await request(neverConfirmed, ['membres'], t0);
    await suppressAddress(database.db, { email: bounced, reason: 'hard_bounce', now: plus(t0, DAY), source: 'email' });
    await suppressAddress(database.db, { email: complained, reason: 'complaint', now: plus(t0, DAY), source: 'email' });
    await suppressAddress(database.db, {
      email: neverConfirmed,
      reason: 'hard_bounce',
      now: plus(t0, DAY),
      source: 'email',
    });

    await purge(plus(t0, 40 * DAY));
    expect(await has(neverConfirmed)).toBe(false);
    expect(await findSuppression(database.db, neverConfirmed)).toMatchObject({ reason: 'hard_bounce' });
    await purge(plus(yearsLater(t0, 3), 2 * DAY));
    expect(await has(bounced)).toBe(false);
    expect(await has(complained)).toBe(false);
    expect(await findSuppression(database.db, bounced)).toMatchObject({ reason: 'hard_bounce' });
    expect(await findSuppression(database.db, complained)).toMatchObject({ reason: 'complaint' });
  });

  it('works through more people than one batch holds, and a repeated pass finds nothing', async () => {
    const n = 1_200; // more than two batches of 500
    const at = plus(t0, -40 * DAY).toISOString();
    await database.db.execute(sql`
      with people as (
        insert into subscribers (email, created_at, updated_at)
        select 'lot-' || g || '@exemple.org', ${at}::timestamptz, ${at}::timestamptz from generate_series(1, ${n}) g
        returning id
      ), subs as (
        insert into subscriptions (subscriber_id, list_id, status, legal_basis, created_at, updated_at)
        select id, ${ids.membres!}, 'pending', 'consent', ${at}::timestamptz, ${at}::timestamptz from people
      )
      insert into subscription_events (at, type, subscriber_id, list_id, source, data)
      select ${at}::timestamptz, 'subscribed', id, ${ids.membres!}, 'form', '{}'::jsonb from people`);
    const counts = await purge(t0);
    expect(counts.unconfirmed).toBe(n);
    expect(await has('lot-1@exemple.org')).toBe(false);
    expect((await purge(t0)).unconfirmed).toBe(0);
  });
});
