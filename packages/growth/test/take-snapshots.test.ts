import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  confirmSubscription,
  eraseSubscriber,
  importRows,
  listCounts,
  listIdsBySlugs,
  openDatabase,
  prepareConfirmationEmail,
  requestSubscription,
  searchSubscribers,
  staffSubscribe,
  suppressAddress,
  unsubscribeSubscriber,
  updatePreferences,
  type Database,
} from '@crieur/db';
import {
  bothBackends,
  createTestDatabase,
  insertLedgerEvents as insertEvents,
  ledgerEvents,
  seedGrowthFixture,
  setSnapshotConfirmed,
  storedSnapshots,
  type TestLedgerEvent as Ev,
} from '@crieur/db/testing';
import { addDays, computeSnapshots, daysBetween, parisDayEnd, snapshotDays, takeSnapshots } from '../src';

type EventType = 'subscribed' | 'confirmed' | 'imported' | 'unsubscribed' | 'erased' | 'bounced';

const figures = (rows: Awaited<ReturnType<typeof computeSnapshots>>, listId: number) =>
  rows
    .filter((r) => r.listId === listId)
    .map((r) => [
      r.day,
      r.confirmed,
      r.pending,
      r.unsubscribed,
      r.subscribes,
      r.confirmations,
      r.unsubscribes,
      r.bounces,
      r.erasures,
    ]);

// the same behaviour on real PostgreSQL and on embedded PGlite
const backends = bothBackends('growth');

describe.each(backends)('growth snapshots on %s', (_name, open) => {
  let database: Database;
  let cleanup: () => Promise<void>;
  let M: number;
  let D: number;
  const s = Array.from({ length: 8 }, () => randomUUID());

  beforeAll(async () => {
    ({ database, cleanup } = await open());
    await database.migrate();
    const ids = Object.fromEntries(
      (await listIdsBySlugs(database.db, ['membres', 'democraties'])).map((l) => [l.slug, l.id]),
    );
    M = ids.membres!;
    D = ids.democraties!;
    // a known ledger around the spring (23 h) and autumn (25 h) changes of 2026
    await insertEvents(database.db, [
      { at: '2026-03-28T10:00:00Z', type: 'subscribed', subscriberId: s[1]!, listId: D },
      { at: '2026-03-28T23:30:00Z', type: 'confirmed', subscriberId: s[1]!, listId: D }, // 00:30 on the 29th in Paris
      { at: '2026-03-28T23:30:00Z', type: 'imported', subscriberId: s[2]!, listId: D },
      { at: '2026-03-28T23:30:00Z', type: 'imported', subscriberId: s[3]!, listId: D },
      { at: '2026-03-28T23:30:00Z', type: 'imported', subscriberId: s[3]!, listId: M },
      { at: '2026-03-29T21:30:00Z', type: 'unsubscribed', subscriberId: s[2]!, listId: D }, // 23:30 on the 29th
      { at: '2026-03-29T22:30:00Z', type: 'subscribed', subscriberId: s[4]!, listId: D }, // 00:30 on the 30th
      { at: '2026-03-30T12:00:00Z', type: 'erased', subscriberId: s[3]!, listId: null },
      {
        at: '2026-03-30T13:00:00Z',
        type: 'unsubscribed',
        subscriberId: s[1]!,
        listId: D,
        data: { reason: 'hard_bounce' },
      },
      {
        at: '2026-03-30T13:00:00Z',
        type: 'bounced',
        subscriberId: s[1]!,
        listId: null,
        data: { reason: 'hard_bounce' },
      },
      { at: '2026-10-24T22:30:00Z', type: 'imported', subscriberId: s[5]!, listId: D }, // 00:30 on the 25th (summer time)
      { at: '2026-10-25T22:30:00Z', type: 'imported', subscriberId: s[6]!, listId: D }, // 23:30 on the 25th (winter time)
      { at: '2026-10-25T23:30:00Z', type: 'imported', subscriberId: s[7]!, listId: D }, // 00:30 on the 26th
    ]);
  });
  afterAll(() => cleanup());

  it('computes each Paris day of the spring change from the ledger', async () => {
    const rows = await computeSnapshots(database.db, { from: '2026-03-27', to: '2026-03-30' });
    // day, confirmed, pending, unsubscribed, subscribes, confirmations, unsubscribes, bounces, erasures
    expect(figures(rows, D)).toEqual([
      ['2026-03-27', 0, 0, 0, 0, 0, 0, 0, 0],
      ['2026-03-28', 0, 1, 0, 1, 0, 0, 0, 0],
      ['2026-03-29', 2, 0, 1, 0, 3, 1, 0, 0], // imports are confirmations, not sign-ups
      ['2026-03-30', 0, 1, 2, 1, 0, 1, 1, 1],
    ]);
    expect(figures(rows, M)).toEqual([
      ['2026-03-27', 0, 0, 0, 0, 0, 0, 0, 0],
      ['2026-03-28', 0, 0, 0, 0, 0, 0, 0, 0],
      ['2026-03-29', 1, 0, 0, 0, 1, 0, 0, 0],
      ['2026-03-30', 0, 0, 0, 0, 0, 0, 0, 1],
    ]);
  });

  it('puts the 25-hour autumn day’s first and last hours on it', async () => {
    const rows = await computeSnapshots(database.db, { from: '2026-10-24', to: '2026-10-26' });
    expect(figures(rows, D).map((r) => [r[0], r[1], r[5]])).toEqual([
      ['2026-10-24', 0, 0],
      ['2026-10-25', 2, 2],
      ['2026-10-26', 3, 1],
    ]);
  });

  it('writes snapshots idempotently: the second run changes nothing', async () => {
    const db = database.db;
    const first = await snapshotDays(db, {
      from: '2026-03-28',
      to: '2026-03-30',
      now: new Date('2026-04-01T00:00:00Z'),
    });
    expect(first.written).toBe(9); // 3 days × 3 lists
    const before = await storedSnapshots(db);
    const second = await snapshotDays(db, {
      from: '2026-03-28',
      to: '2026-03-30',
      now: new Date('2026-04-02T00:00:00Z'),
    });
    expect(second.written).toBe(0);
    expect(await storedSnapshots(db)).toEqual(before);
    // a wrong row is put right by the next run
    await setSnapshotConfirmed(db, { listId: D, day: '2026-03-29', confirmed: 99 });
    expect(
      (await snapshotDays(db, { from: '2026-03-29', to: '2026-03-29', now: new Date('2026-04-02T00:00:00Z') })).written,
    ).toBe(1);
    const fixed = (await storedSnapshots(db, { listId: D })).find((r) => r.day === '2026-03-29');
    expect(fixed?.confirmed).toBe(2);
  });

  it('backfills the days missed since the last snapshot', async () => {
    const db = database.db;
    // last snapshot is 2026-03-30; the system comes back on 3 April at 00:15 Paris
    const run = await takeSnapshots(db, { now: new Date('2026-04-02T22:15:00Z') });
    expect(run).toMatchObject({ from: '2026-03-31', to: '2026-04-02', days: 3 });
    const days = (await storedSnapshots(db, { listId: D })).map((r) => r.day);
    expect(days).toEqual(daysBetween('2026-03-28', '2026-04-02'));
    const again = await takeSnapshots(db, { now: new Date('2026-04-02T23:00:00Z') });
    expect(again).toMatchObject({ from: '2026-04-02', to: '2026-04-02', written: 0 });
  });
});

describe('growth on an empty ledger, then from the first event', () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const t = await createTestDatabase('growth0');
    database = await openDatabase({ databaseUrl: t.url });
    await database.migrate();
    drop = async () => {
      await database.close();
      await t.drop();
    };
  });
  afterAll(() => drop());

  it('takes nothing without events, then starts at the first event’s day', async () => {
    expect(await takeSnapshots(database.db, { now: new Date('2026-05-10T10:00:00Z') })).toMatchObject({
      from: null,
      days: 0,
    });
    const [list] = await listIdsBySlugs(database.db, ['membres']);
    await insertEvents(database.db, [
      { at: '2026-05-05T22:30:00Z', type: 'imported', subscriberId: randomUUID(), listId: list!.id },
    ]);
    expect(await takeSnapshots(database.db, { now: new Date('2026-05-10T10:00:00Z') })).toMatchObject({
      from: '2026-05-06',
      to: '2026-05-09',
      days: 4,
      written: 12,
    });
  });
});

describe('the ledger agrees with the subscriptions and with a replay in JavaScript', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let ids: Record<string, number>;
  beforeAll(async () => {
    const t = await createTestDatabase('growthl');
    database = await openDatabase({ databaseUrl: t.url });
    await database.migrate();
    drop = async () => {
      await database.close();
      await t.drop();
    };
    ids = Object.fromEntries(
      (await listIdsBySlugs(database.db, ['membres', 'adherents', 'democraties'])).map((l) => [l.slug, l.id]),
    );
  });
  afterAll(() => drop());

  it('counts today’s confirmed, pending and unsubscribed exactly as the subscriptions table does', async () => {
    const db = database.db;
    const actorId = '00000000-0000-4000-8000-000000000000';
    let t = new Date('2026-06-01T08:00:00Z').getTime();
    const now = () => new Date((t += 60_000));
    const base = {
      name: '',
      formId: 'subscribe',
      textVersion: 'v1',
      ip: null,
      confirmationTtlMs: 7 * 86_400_000,
      resendAfterMs: 86_400_000,
    };
    for (let i = 0; i < 6; i++) {
      const r = await requestSubscription(db, {
        ...base,
        email: `f${i}@example.org`,
        listSlugs: ['membres', 'democraties'],
        now: now(),
      });
      if (i % 2 === 0) {
        const hash = createHash('sha256').update(`tok${i}`).digest('hex');
        await prepareConfirmationEmail(db, { confirmationId: r.confirmationId!, tokenHash: hash, now: now() });
        await confirmSubscription(db, { tokenHash: hash, ip: null, now: now() });
      }
    }
    await importRows(db, {
      listId: ids.democraties!,
      legalBasis: 'consent',
      consentNote: 'AG',
      actorId: null,
      importId: null,
      now: now(),
      dryRun: false,
      rows: Array.from({ length: 5 }, (_, i) => ({
        line: i + 2,
        email: i < 2 ? `f${i + 1}@example.org` : `imp${i}@example.org`,
        name: '',
      })),
    });
    const a = await staffSubscribe(db, {
      email: 'staff@example.org',
      listIds: [ids.adherents!, ids.membres!],
      consentNote: null,
      actorId,
      now: now(),
    });
    const b = await staffSubscribe(db, {
      email: 'gone@example.org',
      listIds: [ids.adherents!, ids.democraties!],
      consentNote: 'x',
      actorId,
      now: now(),
    });
    await unsubscribeSubscriber(db, {
      subscriberId: a.subscriberId,
      listIds: [ids.membres!],
      now: now(),
      source: 'staff',
    });
    await eraseSubscriber(db, { subscriberId: b.subscriberId, now: now(), source: 'staff' });
    await suppressAddress(db, { email: 'imp3@example.org', reason: 'hard_bounce', now: now(), source: 'email' });
    const [f4] = (await searchSubscribers(db, { q: 'f4@example.org', limit: 1 })).subscribers;
    await updatePreferences(db, {
      subscriberId: f4!.id,
      wantedListIds: [ids.democraties!],
      ip: null,
      now: now(),
      textVersion: 'v1',
    });
    await staffSubscribe(db, {
      subscriberId: a.subscriberId,
      listIds: [ids.membres!],
      consentNote: 'revenu',
      actorId,
      now: now(),
    });

    const live = await listCounts(db);
    const today = await computeSnapshots(db, { from: '2026-06-01', to: '2026-06-01' });
    for (const id of Object.values(ids)) {
      const snap = today.find((r) => r.listId === id)!;
      const c = live.get(id) ?? { confirmed: 0, pending: 0, unsubscribed: 0 };
      expect([id, snap.confirmed, snap.pending, snap.unsubscribed]).toEqual([
        id,
        c.confirmed,
        c.pending,
        c.unsubscribed,
      ]);
    }
    expect(today.reduce((n, r) => n + r.confirmed, 0)).toBeGreaterThan(5);
  });

  it('matches a replay of a random ledger day by day across the spring change', async () => {
    const db = database.db;
    // a seeded generator: the same ledger every run, several events per day, some on the same instant
    let seed = 42;
    const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const listIds = Object.values(ids);
    const people = Array.from({ length: 40 }, () => randomUUID());
    const erased = new Set<string>();
    const events: Ev[] = [];
    const types: EventType[] = ['subscribed', 'confirmed', 'imported', 'unsubscribed', 'bounced'];
    let at = new Date('2026-03-20T00:00:00Z').getTime();
    for (let i = 0; i < 400; i++) {
      at += Math.floor(rand() * 4 * 3_600_000);
      const who = people[Math.floor(rand() * people.length)]!;
      if (erased.has(who)) continue;
      if (rand() < 0.03) {
        erased.add(who);
        events.push({ at: new Date(at).toISOString(), type: 'erased', subscriberId: who, listId: null });
        continue;
      }
      const type = types[Math.floor(rand() * types.length)]!;
      events.push({
        at: new Date(at).toISOString(),
        type,
        subscriberId: who,
        listId: type === 'bounced' && rand() < 0.5 ? null : listIds[Math.floor(rand() * listIds.length)]!,
      });
    }
    await insertEvents(db, events);
    const all = (await ledgerEvents(db)).filter((e) => e.at >= new Date('2026-03-01T00:00:00Z'));
    const from = '2026-03-20';
    const to = addDays('2026-03-20', 30);
    const rows = await computeSnapshots(db, { from, to });
    // replay: the state of each (person, list) is its latest state event; an erasure ends all of them
    const state = new Map<string, 'p' | 'c' | 'u'>();
    let i = 0;
    for (const day of daysBetween(from, to)) {
      const end = parisDayEnd(day);
      for (; i < all.length && all[i]!.at < end; i++) {
        const e = all[i]!;
        if (e.type === 'erased')
          for (const k of [...state.keys()]) if (k.startsWith(`${e.subscriberId}|`)) state.delete(k);
        if (e.listId === null) continue;
        const key = `${e.subscriberId}|${e.listId}`;
        if (e.type === 'subscribed') state.set(key, 'p');
        else if (e.type === 'confirmed' || e.type === 'imported') state.set(key, 'c');
        else if (e.type === 'unsubscribed') state.set(key, 'u');
      }
      for (const listId of listIds) {
        const values = [...state.entries()].filter(([k]) => k.endsWith(`|${listId}`)).map(([, v]) => v);
        const snap = rows.find((r) => r.listId === listId && r.day === day)!;
        expect([day, listId, snap.confirmed, snap.pending, snap.unsubscribed]).toEqual([
          day,
          listId,
          values.filter((v) => v === 'c').length,
          values.filter((v) => v === 'p').length,
          values.filter((v) => v === 'u').length,
        ]);
      }
    }
    // the nightly path (yesterday's snapshot plus the people with events) agrees with a full replay
    const mid = addDays(from, 12);
    await snapshotDays(db, { from, to: mid, now: new Date('2026-05-01T00:00:00Z') });
    const nightly = await computeSnapshots(db, { from: addDays(mid, 1), to });
    expect(nightly).toEqual(await computeSnapshots(db, { from: addDays(mid, 1), to, fromScratch: true }));
    expect(nightly).toEqual(rows.filter((r) => r.day > mid));
  });
});

describe('the known 2025 fixture', () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const t = await createTestDatabase('growthfx');
    database = await openDatabase({ databaseUrl: t.url });
    await database.migrate();
    drop = async () => {
      await database.close();
      await t.drop();
    };
  });
  afterAll(() => drop());

  it('builds and snapshots in a few seconds', async () => {
    const started = Date.now();
    await seedGrowthFixture(database.db);
    const run = await takeSnapshots(database.db, { now: new Date('2026-11-23T08:00:00Z') });
    expect(run).toMatchObject({ from: '2025-06-15', to: '2026-11-22' });
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
