import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Growth } from '@crieur/api';
import { takeSnapshots } from '@crieur/growth';
import { storedSnapshots } from '@crieur/db/testing';
import { startHarness, type Client, type Harness } from './harness';

// Paris: 10:00 on Saturday 5 December 2026, then 10:00 on Sunday the 6th ("today")
const YESTERDAY = new Date('2026-12-05T09:00:00Z');
const TODAY = new Date('2026-12-06T09:00:00Z');

async function staff(h: Harness): Promise<Client> {
  const c = h.client();
  expect((await c.login((await h.createStaff('sender')).email)).statusCode).toBe(200);
  await c.refreshCsrf();
  return c;
}

/** A CSV import through the staff API, waited for until done. */
async function importCsv(h: Harness, c: Client, list: string, emails: string[]): Promise<void> {
  const res = await h.app.inject({
    method: 'POST',
    url: `/api/imports?list=${list}&dryRun=false`,
    headers: {
      cookie: `crieur_session=${c.cookie('crieur_session')}; crieur_csrf=${c.cookie('crieur_csrf')}`,
      'x-csrf-token': c.csrfToken!,
      'content-type': 'text/csv',
      'x-file-name': 'adhesions.csv',
    },
    payload: ['email', ...emails].join('\r\n'),
  });
  expect(res.statusCode).toBe(202);
  const id = res.json<{ import: { id: string } }>().import.id;
  for (let i = 0; i < 200; i++) {
    const view = (await c.request('GET', `/api/imports/${id}`)).json<{
      import: { status: string; imported: number };
    }>();
    if (view.import.status !== 'running') {
      expect(view.import).toMatchObject({ status: 'done', imported: emails.length });
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

const growthOf = async (c: Client, query = '') => {
  const res = await c.request('GET', `/api/growth${query}`);
  expect(res.statusCode).toBe(200);
  return res.json<Growth>();
};

describe('growth includes today, live, before any snapshot job (PostgreSQL)', () => {
  let h: Harness;
  let sender: Client;

  beforeAll(async () => {
    h = await startHarness();
    h.clock.now = TODAY;
    sender = await staff(h);
  }, 60_000);
  afterAll(() => h.close());

  it('shows an import of today on the line and in the headline, stores nothing, and keeps the entered count apart', async () => {
    // the audit's case: an entered January of 3,300, then the first import today
    const entered = await sender.request('PUT', '/api/growth/history', {
      list: 'adherents',
      month: '2026-01',
      confirmed: 3300,
      note: 'rapport d’activité',
    });
    expect(entered.statusCode).toBe(200);
    await importCsv(h, sender, 'adherents', ['ana@example.org', 'bea@example.org', 'carl@example.org']);

    const body = await growthOf(sender, '?lists=adherents');
    expect([body.to, body.today]).toEqual(['2026-12-06', '2026-12-06']);
    const [adherents] = body.lists;
    expect(adherents!.points).toEqual([
      { day: '2026-01-01', confirmed: 3300, entered: true, provisional: false },
      { day: '2026-12-06', confirmed: 3, entered: false, provisional: true },
    ]);
    // never 3 − 3,300: the change counts from the first measured day; the entered count stands apart
    expect(adherents!.headline).toEqual({
      confirmedNow: 3,
      year: 2026,
      since: { day: '2026-12-06', change: 0, fromStart: true },
      entered: { month: '2026-01', confirmed: 3300 },
    });
    expect(adherents!.monthly.at(-1)).toMatchObject({ month: '2026-12', closing: 3, net: null, partial: true });
    expect(adherents!.monthly.filter((m) => m.net !== null)).toEqual([]);
    expect(await storedSnapshots(h.database.db)).toEqual([]);
  });
});

describe('growth after the nightly job, with a list created today (PostgreSQL)', () => {
  let h: Harness;
  let sender: Client;

  beforeAll(async () => {
    h = await startHarness();
    h.clock.now = YESTERDAY;
    sender = await staff(h);
    await importCsv(h, sender, 'adherents', ['dan@example.org']);
    // the nightly job of 00:15 on the 6th closes the 5th
    await takeSnapshots(h.database.db, { now: new Date('2026-12-05T23:15:00Z') });
    h.clock.now = TODAY;
    sender = await staff(h); // yesterday's session has timed out
  }, 60_000);
  afterAll(() => h.close());

  it('adds today to the stored days, and counts a list created today from its first import', async () => {
    expect((await storedSnapshots(h.database.db)).map((s) => s.day)).toEqual([
      '2026-12-05',
      '2026-12-05',
      '2026-12-05',
    ]);
    // a list created by staff today, while the server runs
    await h.database.db.execute(
      `insert into lists (slug, name, visibility, legal_basis, created_at)
       values ('benevoles', 'Lettre des bénévoles', 'private', 'legitimate_interest', '${TODAY.toISOString()}')`,
    );
    const before = await growthOf(sender);
    expect(before.lists.map((l) => [l.slug, l.headline.confirmedNow])).toEqual([
      ['membres', 0],
      ['adherents', 1],
      ['democraties', 0],
      ['benevoles', 0],
    ]);
    // a new list's change is known from its first day: never « inconnue »
    expect(before.lists.at(-1)!.headline.since).toEqual({ day: '2026-12-06', change: 0, fromStart: true });

    await importCsv(h, sender, 'benevoles', ['eve@example.org', 'fred@example.org']);
    await importCsv(h, sender, 'adherents', ['gus@example.org']);
    const after = await growthOf(sender, '?lists=adherents,benevoles&from=2026-12-01');
    const [adherents, benevoles] = after.lists as [Growth['lists'][0], Growth['lists'][0]];
    expect(adherents.points).toEqual([
      { day: '2026-12-05', confirmed: 1, entered: false, provisional: false },
      { day: '2026-12-06', confirmed: 2, entered: false, provisional: true },
    ]);
    expect(adherents.daily.at(-1)).toMatchObject({ day: '2026-12-06', confirmed: 2, confirmations: 1 });
    expect(adherents.headline.since).toEqual({ day: '2026-12-05', change: 1, fromStart: true });
    expect(benevoles.points).toEqual([{ day: '2026-12-06', confirmed: 2, entered: false, provisional: true }]);
    expect(benevoles.headline).toMatchObject({ confirmedNow: 2, since: { day: '2026-12-06', change: 0 } });
    // today stays live: the stored days did not move
    expect((await storedSnapshots(h.database.db)).map((s) => s.day)).toEqual([
      '2026-12-05',
      '2026-12-05',
      '2026-12-05',
    ]);
  });
});

describe('growth counts each Paris day from midnight to midnight, across the spring change (PostgreSQL)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  }, 60_000);
  afterAll(() => h.close());

  /** An import at a given instant, by a sender logged in at that instant. */
  const importAt = async (at: string, emails: string[]) => {
    h.clock.now = new Date(at);
    await importCsv(h, await staff(h), 'adherents', emails);
  };

  it('puts a minute before and after midnight on their own days, the 23-hour day included', async () => {
    await importAt('2026-03-28T22:59:00Z', ['a1@example.org', 'a2@example.org']); // Saturday 28, 23:59 (UTC+1)
    await importAt('2026-03-28T23:01:00Z', ['b1@example.org', 'b2@example.org', 'b3@example.org']); // Sunday 29, 00:01
    await importAt('2026-03-29T21:59:00Z', ['c1@example.org']); // Sunday 29, 23:59 (UTC+2 since 03:00)
    await importAt('2026-03-29T22:01:00Z', ['d1@example.org', 'd2@example.org', 'd3@example.org', 'd4@example.org']); // Monday 30, 00:01
    // the nightly job of Monday 00:15 closes Saturday and Sunday; Monday stays live
    await takeSnapshots(h.database.db, { now: new Date('2026-03-29T22:15:00Z') });
    h.clock.now = new Date('2026-03-30T08:00:00Z');
    const sender = await staff(h);
    // a count entered for last June (before the measurements) never takes part in this year's change
    expect(
      (
        await sender.request('PUT', '/api/growth/history', {
          list: 'adherents',
          month: '2025-06',
          confirmed: 3300,
          note: '',
        })
      ).statusCode,
    ).toBe(200);
    const body = await growthOf(sender, '?lists=adherents&from=2026-03-27&to=2026-03-30');
    const [adherents] = body.lists;
    expect(adherents!.points).toEqual([
      { day: '2026-03-28', confirmed: 2, entered: false, provisional: false },
      { day: '2026-03-29', confirmed: 6, entered: false, provisional: false },
      { day: '2026-03-30', confirmed: 10, entered: false, provisional: true },
    ]);
    // « +8 depuis le 28 mars (début des relevés) »: measured minus measured, the entered 3,300 apart (last year's)
    expect(adherents!.headline).toEqual({
      confirmedNow: 10,
      year: 2026,
      since: { day: '2026-03-28', change: 8, fromStart: true },
      entered: null,
    });
  });
});
