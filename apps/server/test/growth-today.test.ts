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
