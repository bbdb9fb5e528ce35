// The studio's moderation of contributions (issue 17) against real PostgreSQL and Redis: the queue, one proposal,
// edits over a version, every decision with its history entry and the proposer's email row, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contributionMailJobId } from '@crieur/queue';
import { seedContribution, type SeedContribution } from '@crieur/db/testing';
import { startHarness, type Client, type Harness } from './harness';
import { frenchTypography as fr } from '@crieur/content/typography';

type Row = Record<string, unknown>;

describe('contributions: moderation in the studio (PostgreSQL, Redis)', () => {
  let h: Harness;
  let editor: Client;
  let admin: Client;
  let sender: Client;
  let author: Client;
  let editorName: string;
  const now = () => h.clock.now;

  // ids in these queries come from the seed, never from outside
  const rows = async <T = Row>(query: string) =>
    ((await h.database.db.execute(query)) as unknown as { rows: T[] }).rows;
  const mailRows = (id: string) =>
    rows<{ kind: string; proposer_id: string; sent_at: Date | null; id: string }>(
      `select id, kind, proposer_id, sent_at from contribution_mail where contribution_id = '${id}' order by created_at`,
    );
  const stored = async (id: string) =>
    (await rows(`select * from contributions where id = '${id}'`))[0] as Record<string, unknown>;
  // proposed an hour before the server's clock: its history comes before the staff's steps
  const seed = (item: SeedContribution, options?: { now: Date }) =>
    seedContribution(h.database.db, item, options ?? { now: new Date(h.clock.now.getTime() - 3600_000) });
  const detail = async (c: Client, id: string) => (await c.request('GET', `/api/contributions/${id}`)).json();

  beforeAll(async () => {
    h = await startHarness();
    editor = h.client();
    admin = h.client();
    sender = h.client();
    author = h.client();
    const ed = await h.createStaff('editor', 'dominique.editrice@icpc.example');
    await h.database.db.execute(`update users set name = 'Dominique Éditrice' where id = '${ed.id}'`);
    editorName = 'Dominique Éditrice';
    await editor.login(ed.email);
    await admin.login((await h.createStaff('admin')).email);
    await sender.login((await h.createStaff('sender')).email);
    await author.login((await h.createStaff('author')).email);
  });
  afterAll(() => h.close());

  it('lists what needs a moderator by default, oldest first, with counts per status and a kind filter', async () => {
    const t0 = new Date('2026-02-20T10:00:00Z');
    const at = (hours: number) => new Date(t0.getTime() + hours * 3600_000);
    const newer = await seed({ kind: 'event', title: 'Plus récent' }, { now: at(5) });
    const older = await seed({ kind: 'job', title: 'Plus ancien' }, { now: at(1) });
    await seedContribution(
      h.database.db,
      { kind: 'news', status: 'unconfirmed', title: 'Pas confirmé' },
      { now: at(2) },
    );
    await seed({ kind: 'event', status: 'withdrawn', title: 'Retiré' }, { now: at(3) });

    const res = await editor.request('GET', '/api/contributions');
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list.status).toBe('pending');
    const ids = list.contributions.map((r: Row) => r.id);
    expect(ids.indexOf(older)).toBeLessThan(ids.indexOf(newer));
    expect(list.contributions.map((r: Row) => r.title)).not.toContain('Pas confirmé');
    expect(list.counts.pending).toBeGreaterThanOrEqual(2);
    expect(list.counts.unconfirmed).toBeGreaterThanOrEqual(1);
    expect(list.counts.withdrawn).toBeGreaterThanOrEqual(1);
    const row = list.contributions.find((r: Row) => r.id === older);
    expect(row).toMatchObject({
      kind: 'job',
      proposerName: 'Camille Proposante',
      proposerEmail: 'proposante@exemple.org',
    });
    expect(row.closesOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const jobs = (await editor.request('GET', '/api/contributions?kind=job')).json();
    expect(jobs.contributions.every((r: Row) => r.kind === 'job')).toBe(true);
    expect(jobs.counts.pending).toBeLessThan(list.counts.pending);
    const unconfirmed = (await editor.request('GET', '/api/contributions?status=unconfirmed')).json();
    expect(unconfirmed.contributions.map((r: Row) => r.title)).toContain('Pas confirmé');
    const bad = await editor.request('GET', '/api/contributions?status=perdu&page=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION');
  });

  it('shows one proposal: its fields, image, proposer, consent and history', async () => {
    const id = await seed({
      kind: 'event',
      title: 'Atelier « budget participatif »',
      startsAt: new Date('2026-03-29T08:00:00Z'),
      endsAt: new Date('2026-03-29T10:30:00Z'),
      email: 'Lea.Martin@asso.example',
      proposerName: 'Léa Martin',
    });
    const { contribution: c } = await detail(editor, id);
    expect(c).toMatchObject({
      kind: 'event',
      status: 'pending',
      title: 'Atelier « budget participatif »',
      // the day Paris moves to summer time: 08:00 UTC is 10:00 there
      startsAtParis: '2026-03-29T10:00',
      endsAtParis: '2026-03-29T12:30',
      online: false,
      place: 'Maison des associations, Lyon',
      path: null,
      proposer: { name: 'Léa Martin', email: 'Lea.Martin@asso.example', consentTextVersion: 'proposer-2026-01' },
    });
    expect(c.history.map((e: Row) => e.type)).toEqual(['proposed', 'confirmed']);
    expect(c.history[0].actor).toBeNull();
    expect(
      (await editor.request('GET', '/api/contributions/00000000-0000-4000-8000-000000000000')).json().error,
    ).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('Proposition introuvable') });
  });

  it('edits over the version read; a stale version is a French 409 that keeps what is stored', async () => {
    const id = await seed({ kind: 'event', title: 'Avant' });
    const { contribution: c } = await detail(editor, id);
    const fields = {
      kind: 'event',
      title: 'Après relecture',
      description: 'Une rencontre ouverte.',
      url: 'https://exemple.org/rencontre',
      startsAt: '2026-10-25T02:30',
      endsAt: '2026-10-25T04:00',
      online: true,
      place: '',
      organiser: 'Collectif Concertation',
      imageAlt: '',
    };
    const ok = await editor.request('PUT', `/api/contributions/${id}`, { updatedAt: c.updatedAt, fields });
    expect(ok.statusCode).toBe(200);
    const after = ok.json().contribution;
    expect(after).toMatchObject({ title: 'Après relecture', online: true, startsAtParis: '2026-10-25T02:30' });
    // the autumn hour that happens twice: its first pass, summer time (UTC+2)
    expect(after.startsAt).toBe('2026-10-25T00:30:00.000Z');
    const edited = after.history.at(-1);
    expect(edited).toMatchObject({ type: 'edited', actor: editorName });

    const stale = await admin.request('PUT', `/api/contributions/${id}`, {
      updatedAt: c.updatedAt,
      fields: { ...fields, title: 'Écrasé ?' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'EDIT_CONFLICT', current: { updatedAt: after.updatedAt } });
    expect(stale.json().error.message).toContain('modifiée entre-temps');
    expect((await stored(id)).title).toBe('Après relecture');

    const wrongKind = await editor.request('PUT', `/api/contributions/${id}`, {
      updatedAt: after.updatedAt,
      fields: { kind: 'news', title: 'x', description: 'y', organisation: 'z' },
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.message).toContain('nature');
    const backwards = await editor.request('PUT', `/api/contributions/${id}`, {
      updatedAt: after.updatedAt,
      fields: { ...fields, endsAt: '2026-10-24T09:00' },
    });
    expect(backwards.statusCode).toBe(400);
    expect(JSON.stringify(backwards.json().error.issues)).toContain('La fin doit venir après le début');
    expect((await stored(id)).title).toBe('Après relecture');
  });

  it('accepts now: status, slug (suffixed on a clash), decision, history and the email row, job queued', async () => {
    const first = await seed({ kind: 'job', title: 'Chargé·e de mission concertation' });
    const second = await seed({ kind: 'job', title: 'Chargé·e de mission concertation' });
    const a = await editor.request('POST', `/api/contributions/${first}/accept`, {});
    expect(a.statusCode).toBe(200);
    expect(a.json().contribution).toMatchObject({
      status: 'accepted',
      slug: 'charge-e-de-mission-concertation',
      path: '/offres/charge-e-de-mission-concertation',
      decidedBy: editorName,
      publishAt: now().toISOString(),
    });
    const b = (await editor.request('POST', `/api/contributions/${second}/accept`, {})).json().contribution;
    expect(b.slug).toBe('charge-e-de-mission-concertation-2');
    expect(b.history.at(-1)).toMatchObject({ type: 'accepted', actor: editorName });

    const mails = await mailRows(first);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: 'accepted', sent_at: null });
    expect(mails[0]!.proposer_id).toBe((await stored(first)).proposer_id);
    const job = await h.mailQueue.getJob(contributionMailJobId(mails[0]!.id));
    expect(job?.data).toEqual({ type: 'contribution', contributionMailId: mails[0]!.id });

    // accepted twice: the second answer is a 409 and writes nothing
    const again = await editor.request('POST', `/api/contributions/${first}/accept`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain(fr('« Acceptée »'));
    expect(await mailRows(first)).toHaveLength(1);
  });

  it('accepts at a date to come, and refuses a date already past', async () => {
    const id = await seed({ kind: 'news', title: 'Notre nouveau site' });
    const past = await editor.request('POST', `/api/contributions/${id}/accept`, {
      publishAt: new Date(now().getTime() - 86_400_000).toISOString(),
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.issues[0]).toMatchObject({
      path: 'publishAt',
      message: expect.stringContaining('passée'),
    });
    expect((await stored(id)).status).toBe('pending');
    const at = new Date(now().getTime() + 3 * 86_400_000).toISOString();
    const res = await editor.request('POST', `/api/contributions/${id}/accept`, { publishAt: at });
    expect(res.json().contribution).toMatchObject({ status: 'accepted', publishAt: at, path: expect.any(String) });
  });

  it('asks for changes with a required message, then refuses; each step mailed, refusal dated for erasure', async () => {
    const id = await seed({ kind: 'event', title: 'À revoir' });
    const empty = await editor.request('POST', `/api/contributions/${id}/request-changes`, { message: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain('Écrivez le message');
    const asked = await editor.request('POST', `/api/contributions/${id}/request-changes`, {
      message: 'Pouvez-vous préciser l’adresse ?',
    });
    expect(asked.statusCode).toBe(200);
    expect(asked.json().contribution).toMatchObject({
      status: 'changes_requested',
      staffMessage: 'Pouvez-vous préciser l’adresse ?',
    });
    expect(asked.json().contribution.history.at(-1)).toMatchObject({
      type: 'changes_requested',
      message: 'Pouvez-vous préciser l’adresse ?',
    });
    // asked already: a second request waits for the proposer's answer
    expect(
      (await editor.request('POST', `/api/contributions/${id}/request-changes`, { message: 'Encore' })).statusCode,
    ).toBe(409);

    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    const refused = await admin.request('POST', `/api/contributions/${id}/refuse`, { message: 'Hors de notre champ.' });
    expect(refused.statusCode).toBe(200);
    const c = refused.json().contribution;
    expect(c).toMatchObject({ status: 'refused', staffMessage: 'Hors de notre champ.', closedAt: now().toISOString() });
    expect(c.erasedOn).toBe('2026-05-31');
    expect((await mailRows(id)).map((m) => m.kind)).toEqual(['changes_requested', 'refused']);
    const accept = await editor.request('POST', `/api/contributions/${id}/accept`, {});
    expect(accept.statusCode).toBe(409);
    expect(accept.json().error.code).toBe('TRANSITION_NOT_ALLOWED');
    expect((await stored(id)).status).toBe('refused');
  });

  it('takes an accepted item down by refusing it; never accepts an unconfirmed or withdrawn one', async () => {
    const live = await seed({ kind: 'event', status: 'accepted', title: 'En ligne' });
    const down = await editor.request('POST', `/api/contributions/${live}/refuse`, {
      message: 'Annulé par l’organisateur.',
    });
    expect(down.json().contribution).toMatchObject({ status: 'refused', path: null });
    for (const status of ['unconfirmed', 'withdrawn'] as const) {
      const id = await seed({ kind: 'job', status });
      for (const step of ['accept', 'request-changes', 'refuse']) {
        const res = await editor.request('POST', `/api/contributions/${id}/${step}`, { message: 'Message' });
        expect(res.statusCode, `${step} from ${status}`).toBe(409);
      }
      expect(await mailRows(id)).toHaveLength(0);
    }
  });

  it('writes the decision and its email in one transaction: a failing email row leaves the proposal as it was', async () => {
    const id = await seed({ kind: 'job', title: 'Transaction' });
    await h.database.db.execute(`create function refuse_mail() returns trigger language plpgsql as $$
      begin raise exception 'mail table unavailable'; end $$`);
    await h.database.db.execute(
      `create trigger refuse_mail before insert on contribution_mail for each row execute function refuse_mail()`,
    );
    try {
      const res = await editor.request('POST', `/api/contributions/${id}/accept`, {});
      expect(res.statusCode).toBe(500);
    } finally {
      await h.database.db.execute(`drop trigger refuse_mail on contribution_mail; drop function refuse_mail()`);
    }
    const row = await stored(id);
    expect(row).toMatchObject({ status: 'pending', slug: null, decided_by: null });
    expect(
      await rows(`select 1 from contribution_events where contribution_id = '${id}' and type = 'accepted'`),
    ).toEqual([]);
    expect((await editor.request('POST', `/api/contributions/${id}/accept`, {})).statusCode).toBe(200);
  });

  it('logs each decision without the proposer’s text or address', async () => {
    const id = await seed({ kind: 'news', title: 'Titre-témoin-audit' });
    await editor.request('POST', `/api/contributions/${id}/refuse`, { message: 'Message-témoin-audit' });
    const entries = (await admin.request('GET', '/api/audit?limit=20')).json().entries as Row[];
    const entry = entries.find((e) => e.action === 'contribution_refused' && e.targetId === id)!;
    expect(entry.sentence).toBe(`${editorName} a refusé une actualité d’adhérent·e proposée`);
    expect(JSON.stringify(entry)).not.toMatch(/témoin|proposante@/);
  });

  it('lets senders read accepted items only, without the proposer’s address; authors not at all', async () => {
    const pending = await seed({ kind: 'event', title: 'Pas pour les expéditeurs' });
    const accepted = await seed({ kind: 'event', status: 'accepted', title: 'Publié' });
    const list = (await sender.request('GET', '/api/contributions')).json();
    expect(list.status).toBe('accepted');
    expect(list.contributions.every((r: Row) => r.status === 'accepted' && r.proposerEmail === null)).toBe(true);
    expect(list.counts.pending).toBe(0);
    const asked = await sender.request('GET', '/api/contributions?status=pending');
    expect(asked.statusCode).toBe(403);
    expect(asked.json().error.message).toContain('acceptées');
    expect((await sender.request('GET', `/api/contributions/${pending}`)).statusCode).toBe(403);
    const read = (await detail(sender, accepted)).contribution;
    expect(read).toMatchObject({ title: 'Publié', proposer: null });
    for (const [method, path, body] of [
      ['PUT', `/api/contributions/${accepted}`, { updatedAt: read.updatedAt, fields: {} }],
      ['POST', `/api/contributions/${pending}/accept`, {}],
      ['POST', `/api/contributions/${pending}/refuse`, { message: 'non' }],
    ] as const) {
      expect((await sender.request(method, path, body)).statusCode).toBe(403);
      expect((await author.request(method, path, body)).statusCode).toBe(403);
    }
    expect((await author.request('GET', '/api/contributions')).statusCode).toBe(403);
    expect((await author.request('GET', `/api/contributions/${accepted}`)).statusCode).toBe(403);
    expect((await stored(pending)).status).toBe('pending');
    // admins moderate as editors do
    expect((await admin.request('POST', `/api/contributions/${pending}/accept`, {})).statusCode).toBe(200);
  });
});
