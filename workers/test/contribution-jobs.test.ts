// The contributions' upkeep on real PostgreSQL: ended events and closed offers stamped once, refused, withdrawn and
// unconfirmed proposals erased when their time is up (clock moved), proposers left with nothing erased, the rest intact.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getContributionForStaff,
  openDatabase,
  prepareContributionMail,
  receiveProposal,
  type Database,
} from '@crieur/db';
import { createTestDatabase, dumpAllRows, seedContributions } from '@crieur/db/testing';
import { runContributionUpkeep, startContributionUpkeep } from '../src/contributions/contribution-upkeep';

const DAY = 86_400_000;
const MINUTE = 60_000;

describe('contribution upkeep: expiry and erasure (PostgreSQL)', () => {
  let database: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const t = await createTestDatabase('contribjobs');
    database = await openDatabase({ databaseUrl: t.url });
    await database.migrate();
    drop = async () => {
      await database.close();
      await t.drop();
    };
  });
  afterAll(() => drop?.());

  const get = async (id: string) => (await getContributionForStaff(database.db, id))!;
  const upkeep = (now: Date) => runContributionUpkeep({ db: database.db, now: () => now });

  it('stamps ended events and offers whose closing day (Paris) is over, once, with an `expired` line', async () => {
    // 23:30 in Paris on Sunday 29 March 2026, the day clocks go forward (UTC+2 from 03:00)
    const now = new Date('2026-03-29T21:30:00Z');
    const at = (ms: number) => new Date(now.getTime() + ms);
    const [ended, running, pendingEnded, closedYesterday, closesToday, news] = await seedContributions(
      database.db,
      [
        { kind: 'event', status: 'accepted', startsAt: at(-60 * MINUTE), endsAt: at(-MINUTE) },
        { kind: 'event', status: 'accepted', startsAt: at(-60 * MINUTE), endsAt: at(50 * MINUTE) },
        { kind: 'event', status: 'pending', startsAt: at(-DAY), endsAt: at(-DAY + MINUTE) },
        { kind: 'job', status: 'accepted', closesOn: '2026-03-28' },
        { kind: 'job', status: 'accepted', closesOn: '2026-03-29' },
        { kind: 'news', status: 'accepted' },
      ],
      { now: at(-10 * DAY) },
    );
    const result = await upkeep(now);
    expect(result.expired).toEqual({ events: 1, jobs: 1 });
    for (const id of [ended!, closedYesterday!]) {
      const c = await get(id);
      expect(c.expiredAt).toEqual(now);
      expect(c.status).toBe('accepted');
      expect(c.history.map((h) => h.type)).toEqual(['proposed', 'confirmed', 'expired']);
    }
    for (const id of [running!, pendingEnded!, closesToday!, news!]) {
      const c = await get(id);
      expect(c.expiredAt).toBeNull();
      expect(c.history.map((h) => h.type)).not.toContain('expired');
    }
    // a second pass (or a second worker process) stamps nothing again
    expect((await upkeep(now)).expired).toEqual({ events: 0, jobs: 0 });
    expect((await get(ended!)).history.filter((h) => h.type === 'expired')).toHaveLength(1);
    // 00:30 in Paris on the 30th (22:30 UTC): the offer closing on the 29th is over, the running event too
    const later = new Date('2026-03-29T22:30:00Z');
    expect((await upkeep(later)).expired).toEqual({ events: 1, jobs: 1 });
    expect((await get(closesToday!)).expiredAt).toEqual(later);
    expect((await get(running!)).expiredAt).toEqual(later);
  });

  it('erases refused and withdrawn proposals 90 days after closing, unconfirmed ones after 30, and nothing else', async () => {
    const t0 = new Date('2026-05-01T10:00:00Z');
    const [refused, withdrawn, unconfirmed, kept, pending] = await seedContributions(
      database.db,
      [
        { kind: 'job', status: 'refused', email: 'refusee@exemple.org', title: 'Refusée' },
        { kind: 'event', status: 'withdrawn', email: 'retire@exemple.org', title: 'Retirée' },
        { kind: 'news', status: 'unconfirmed', email: 'jamais@exemple.org', title: 'Jamais confirmée' },
        // the withdrawing proposer keeps another proposal: they stay
        {
          kind: 'event',
          status: 'accepted',
          email: 'retire@exemple.org',
          title: 'Acceptée',
          endsAt: new Date('2027-01-01'),
        },
        { kind: 'job', status: 'pending', email: 'attente@exemple.org', title: 'En attente', closesOn: '2027-01-01' },
      ],
      { now: t0 },
    );
    const before = await dumpAllRows(database.db);

    // 29 days on: nothing is due yet
    expect((await upkeep(new Date(t0.getTime() + 29 * DAY))).erased).toEqual({
      closed: 0,
      unconfirmed: 0,
      proposers: 0,
    });
    expect(await dumpAllRows(database.db)).toBe(before);

    // 31 days on: the unconfirmed one and its proposer go
    expect((await upkeep(new Date(t0.getTime() + 31 * DAY))).erased).toEqual({
      closed: 0,
      unconfirmed: 1,
      proposers: 1,
    });
    expect(await getContributionForStaff(database.db, unconfirmed!)).toBeNull();
    expect(await dumpAllRows(database.db)).not.toContain('jamais@exemple.org');

    // 89 days on: refused and withdrawn ones are still there
    expect((await upkeep(new Date(t0.getTime() + 89 * DAY))).erased.closed).toBe(0);
    expect(await get(refused!)).not.toBeNull();

    // 91 days on: both erased with their history; the refused proposer goes, the other stays
    const after91 = await upkeep(new Date(t0.getTime() + 91 * DAY));
    expect(after91.erased).toEqual({ closed: 2, unconfirmed: 0, proposers: 1 });
    expect(await getContributionForStaff(database.db, refused!)).toBeNull();
    expect(await getContributionForStaff(database.db, withdrawn!)).toBeNull();
    const after = await dumpAllRows(database.db);
    expect(after).not.toContain('refusee@exemple.org');
    expect(after).toContain('retire@exemple.org');
    expect((await get(kept!)).status).toBe('accepted');
    expect((await get(pending!)).status).toBe('pending');

    // nothing changed or appeared: every row left is one that was there, as it was
    const beforeLines = new Set(before.split('\n'));
    const afterLines = after.split('\n');
    expect(afterLines.filter((line) => !beforeLines.has(line))).toEqual([]);
    const gone = [...beforeLines].filter((line) => !afterLines.includes(line));
    const erasedIds = [refused!, withdrawn!, unconfirmed!];
    for (const line of gone)
      expect(erasedIds.some((id) => line.includes(id)) || /(refusee|jamais)@exemple\.org/.test(line)).toBe(true);
  });

  it('keeps a proposer while a link emailed to them is still valid, then erases them', async () => {
    const t0 = new Date('2026-06-01T08:00:00Z');
    const values = {
      kind: 'news' as const,
      title: 'Notre assemblée',
      description: 'Texte',
      url: null,
      startsAt: null,
      endsAt: null,
      online: null,
      place: '',
      organiser: '',
      organisation: 'Réseau',
      contractType: null,
      remote: null,
      closesOn: null,
      imageMediaId: null,
      imageAlt: '',
    };
    const received = await receiveProposal(database.db, {
      email: 'lien@exemple.org',
      name: 'Lien',
      values,
      consent: { textVersion: 'v1', ip: null },
      now: t0,
      resendAfterMs: DAY,
    });
    expect(received.contributionMailId).not.toBeNull();
    // the confirmation's link, valid 60 days
    await prepareContributionMail(database.db, {
      contributionMailId: received.contributionMailId!,
      tokenHash: 'hash-du-lien-de-test',
      now: t0,
      validMs: 60 * DAY,
    });
    const at40 = await upkeep(new Date(t0.getTime() + 40 * DAY));
    expect(at40.erased).toMatchObject({ unconfirmed: 1, proposers: 0 });
    expect(await dumpAllRows(database.db)).toContain('lien@exemple.org');
    const at61 = await upkeep(new Date(t0.getTime() + 61 * DAY));
    expect(at61.erased).toMatchObject({ proposers: 1 });
    const rows = await dumpAllRows(database.db);
    expect(rows).not.toContain('lien@exemple.org');
    expect(rows).not.toContain('hash-du-lien-de-test');
  });

  it('runs at start and on its interval, logging counts only', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino({ level: 'info' }, stream);
    let now = new Date('2026-09-01T10:00:00Z');
    await seedContributions(
      database.db,
      [{ kind: 'job', status: 'refused', email: 'secret@exemple.org', title: 'Titre confidentiel' }],
      { now },
    );
    const running = await startContributionUpkeep({ db: database.db, logger, now: () => now, everyMs: 50 });
    try {
      now = new Date(now.getTime() + 91 * DAY);
      const deadline = Date.now() + 10_000;
      while (!lines.some((l) => l.includes('contributions erased')) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 25));
    } finally {
      await running.stop();
    }
    const erased = lines.find((l) => l.includes('contributions erased'));
    expect(erased).toBeDefined();
    expect(JSON.parse(erased!)).toMatchObject({ closed: 1, proposers: 1 });
    expect(lines.join('')).not.toMatch(/secret@|Titre confidentiel/);
  });
});
