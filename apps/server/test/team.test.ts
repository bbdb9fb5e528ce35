// The team page's server side (issue 14): invitations by email (a staff_mail row and its job), resend, an existing
// address refused by name, the name typed at acceptance, one's own notification switch, the organisation's name,
// the first-run checklist ticked by what was done, and the activity log in words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '@crieur/api';
import { frenchTypography as fr } from '@crieur/content/typography';
import { findStaffMail, findUserById, markStaffMailSent, owedStaffMail } from '@crieur/db';
import { staffMailJobId } from '@crieur/queue';
import { PASSWORD, startHarness, type Client, type Harness } from './harness';
import { issueInvitationLink } from './invitation-link';

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe('the team: invitations by email, preferences, organisation, checklist, activity (PostgreSQL, Redis)', () => {
  let h: Harness;
  let admin: Client;
  let adminId: string;

  const owedFor = async (userId: string) => {
    const owed = await owedStaffMail(h.database.db, { now: h.clock.now });
    const rows = await Promise.all(owed.map((o) => findStaffMail(h.database.db, o.staffMailId)));
    return rows.filter((r) => r?.recipientId === userId);
  };
  const checklist = async () =>
    Object.fromEntries(
      ((await admin.request('GET', '/api/onboarding')).json().steps as { step: string; done: boolean }[]).map((s) => [
        s.step,
        s.done,
      ]),
    );

  beforeAll(async () => {
    h = await startHarness();
    // the queue's jobs and the rows' ages follow the real clock
    Object.defineProperty(h.clock, 'now', { get: () => new Date() });
    const created = await h.createStaff('admin', 'camille@icpc.example');
    adminId = created.id;
    admin = h.client();
    expect((await admin.login(created.email)).statusCode).toBe(200);
  });
  afterAll(() => h.close());

  it('an invitation writes the email owed and queues its job; the answer says so, with no link in it', async () => {
    const res = await admin.request('POST', '/api/users/invitations', {
      email: 'lea@icpc.example',
      name: 'Léa Dubois',
      role: 'editor',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      user: { email: 'lea@icpc.example', name: 'Léa Dubois', role: 'editor', status: 'invited' },
      emailQueued: true,
      outbox: true,
      renewed: false,
    });
    expect(body.user.invitation).toMatchObject({ emailSentAt: null });
    expect(res.body).not.toContain('/studio/invitation/');
    const [mail, ...more] = await owedFor(body.user.id);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ kind: 'invitation', recipientId: body.user.id, sentAt: null });
    expect(mail!.invitationId).toBeTruthy();
    expect(await h.mailQueue.getJob(staffMailJobId(mail!.id))).toBeTruthy();
    // once the worker sent it, the team page says when
    await markStaffMailSent(h.database.db, { staffMailId: mail!.id, now: new Date('2026-03-02T10:00:00Z') });
    const users = (await admin.request('GET', '/api/users')).json().users as StaffUser[];
    expect(users.find((u) => u.id === body.user.id)?.invitation).toMatchObject({
      emailSentAt: '2026-03-02T10:00:00.000Z',
    });
  });

  it('resend writes another email for the open invitation; after expiry, a new invitation', async () => {
    const { user } = (
      await admin.request('POST', '/api/users/invitations', { email: 'nora@icpc.example', role: 'author' })
    ).json();
    const first = (await owedFor(user.id))[0]!;
    const resent = await admin.request('POST', `/api/users/${user.id}/invitation`);
    expect(resent.statusCode).toBe(202);
    expect(resent.json()).toMatchObject({ emailQueued: true, renewed: false, user: { id: user.id } });
    const [second] = await owedFor(user.id); // the older email is superseded: only the newest is owed
    expect(second!.id).not.toBe(first.id);
    expect(second!.invitationId).toBe(first.invitationId);
    expect(await h.mailQueue.getJob(staffMailJobId(second!.id))).toBeTruthy();

    // the link of an email sent 8 days ago has expired: resending makes a new invitation
    const { token } = await issueInvitationLink({ database: h.database, clock: { now: new Date(0) } }, user.id);
    expect((await h.client().request('GET', `/api/invitations/${token}`)).statusCode).toBe(410);
    const renewed = await admin.request('POST', `/api/users/${user.id}/invitation`);
    expect(renewed.json()).toMatchObject({ renewed: true });
    // the expired invitation is gone with its emails: only the new one's is owed
    const [third, ...others] = await owedFor(user.id);
    expect(others).toEqual([]);
    expect(third!.invitationId).not.toBe(first.invitationId);

    const audit = (await admin.request('GET', '/api/audit?limit=5')).json().entries;
    expect(audit[0]).toMatchObject({
      action: 'invitation_resent',
      sentence: 'camille@icpc.example a renvoyé l’invitation de nora@icpc.example',
    });
  });

  it('re-inviting an address already in the team is a 409 naming the person, and changes nothing', async () => {
    const { user } = (
      await admin.request('POST', '/api/users/invitations', {
        email: 'ines@icpc.example',
        name: 'Inès',
        role: 'sender',
      })
    ).json();
    const mailsBefore = (await owedFor(user.id)).length;
    const again = await admin.request('POST', '/api/users/invitations', {
      email: 'INES@icpc.example',
      name: 'Autre nom',
      role: 'admin',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toEqual({
      code: 'DUPLICATE_EMAIL',
      message: fr(
        'Cette adresse appartient déjà à Inès (chargé·e d’envoi, invité·e, compte pas encore activé) : ' +
          'renvoyez-lui l’invitation plutôt.',
      ),
      existing: { id: user.id, name: 'Inès', email: 'ines@icpc.example', role: 'sender', status: 'invited' },
    });
    expect(await findUserById(h.database.db, user.id)).toMatchObject({ name: 'Inès', role: 'sender' });
    expect((await owedFor(user.id)).length).toBe(mailsBefore);

    const active = await admin.request('POST', '/api/users/invitations', {
      email: 'camille@icpc.example',
      role: 'author',
    });
    expect(active.json().error.message).toBe(
      fr(
        'Cette adresse appartient déjà à camille@icpc.example (administrateur·rice, actif·ve) : ' +
          'changez son rôle dans la liste de l’équipe si besoin.',
      ),
    );
    expect((await findUserById(h.database.db, adminId))?.role).toBe('admin');
    // nor can an active account be "re-invited" by resend
    const resend = await admin.request('POST', `/api/users/${adminId}/invitation`);
    expect(resend.statusCode).toBe(409);
  });

  it('stores the name typed at acceptance, and the first login is counted', async () => {
    const { user } = (
      await admin.request('POST', '/api/users/invitations', { email: 'sans-nom@icpc.example', role: 'author' })
    ).json();
    const { token } = await issueInvitationLink(h, user.id);
    const guest = h.client();
    expect((await guest.request('GET', `/api/invitations/${token}`)).json()).toEqual({
      email: 'sans-nom@icpc.example',
      name: '',
    });
    const accepted = await guest.request('POST', `/api/invitations/${token}/accept`, {
      name: '  Salomé Petit ',
      password: PASSWORD,
    });
    expect(accepted.statusCode).toBe(200);
    const users = (await admin.request('GET', '/api/users')).json().users as {
      id: string;
      name: string;
      status: string;
      lastLoginAt: string | null;
      invitation: unknown;
    }[];
    // « Dernière connexion : Jamais » right after joining was the bug: accepting is the first login
    expect(users.find((u) => u.id === user.id)).toMatchObject({
      name: 'Salomé Petit',
      status: 'active',
      lastLoginAt: expect.any(String),
      invitation: null,
    });
  });

  it('the review-email switch changes only one’s own row', async () => {
    const editor = await h.createStaff('editor');
    const other = await h.createStaff('editor');
    const c = h.client();
    await c.login(editor.email);
    expect((await c.request('GET', '/api/session/preferences')).json()).toEqual({
      preferences: { notifyReview: true },
    });
    const off = await c.request('PATCH', '/api/session/preferences', { notifyReview: false, userId: other.id });
    expect(off.json()).toEqual({ preferences: { notifyReview: false } });
    expect((await findUserById(h.database.db, editor.id))?.notifyReview).toBe(false);
    expect((await findUserById(h.database.db, other.id))?.notifyReview).toBe(true);
    expect((await h.client().request('GET', '/api/session/preferences')).statusCode).toBe(401);
    const bad = await c.request('PATCH', '/api/session/preferences', { notifyReview: 'non' });
    expect(bad.statusCode).toBe(400);
  });

  it('the whole team reads the organisation’s identity, only admins change it', async () => {
    for (const role of ['editor', 'author', 'sender'] as const) {
      const c = h.client();
      await c.login((await h.createStaff(role)).email);
      expect((await c.request('GET', '/api/organisation')).statusCode, role).toBe(200);
      expect((await c.request('PUT', '/api/organisation', { name: 'Pirate' })).statusCode, role).toBe(403);
    }
    expect((await admin.request('PUT', '/api/organisation', { name: '' })).statusCode).toBe(400);
    expect((await admin.request('GET', '/api/organisation')).json().organisation.name).toBe('');
  });

  it('the first-run checklist ticks each step by what was actually done', async () => {
    // the team is already invited by the tests above; the rest is still to do
    expect(await checklist()).toEqual({
      organisation: false,
      team: true,
      import: false,
      article: false,
      testLetter: false,
    });
    const renamed = await admin.request('PUT', '/api/organisation', { name: ' Institut de la concertation ' });
    expect(renamed.json().organisation.name).toBe('Institut de la concertation');

    // an import that finished (a dry run does not count)
    const upload = async (query: string) => {
      if (!admin.csrfToken) await admin.refreshCsrf();
      const res = await h.app.inject({
        method: 'POST',
        url: `/api/imports?${query}`,
        headers: {
          cookie: `crieur_session=${admin.cookie('crieur_session')}; crieur_csrf=${admin.cookie('crieur_csrf')}`,
          'x-csrf-token': admin.csrfToken!,
          'content-type': 'text/csv',
        },
        payload: Buffer.from('Email;Nom\nadherente@example.org;Adé Rente\n'),
      });
      const id = res.json().import.id;
      for (let i = 0; i < 100; i++) {
        const view = (await admin.request('GET', `/api/imports/${id}`)).json().import;
        if (view.status !== 'running') return view;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('import did not finish');
    };
    expect((await upload('list=adherents&dryRun=true')).status).toBe('done');
    expect((await checklist()).import).toBe(false);
    expect((await upload('list=adherents')).status).toBe('done');

    const article = await admin.request('POST', '/api/articles', {
      title: 'Premier article',
      rubrique: 'points-de-vue',
    });
    expect(article.statusCode).toBe(201);

    // a test letter that actually went out (here to the outbox)
    const created = (await admin.request('POST', '/api/campaigns', { kind: 'adherents' })).json().campaign;
    const saved = await admin.request('PUT', `/api/campaigns/${created.id}`, {
      version: created.version,
      kind: 'adherents',
      subject: 'Lettre aux adhérent·es',
      preheader: '',
      fromName: 'ICPC',
      replyTo: 'contact@icpc.example',
      lists: ['adherents'],
      blocks: [{ type: 'edito', doc: doc('Bonjour à toutes et à tous.') }],
    });
    expect(saved.statusCode).toBe(200);
    const sent = await admin.request('POST', `/api/campaigns/${created.id}/test`, {
      addresses: ['relecture@icpc.example'],
    });
    expect(sent.json()).toMatchObject({ sent: 1 });

    expect(await checklist()).toEqual({
      organisation: true,
      team: true,
      import: true,
      article: true,
      testLetter: true,
    });
    expect((await admin.request('GET', '/api/onboarding')).json().allDone).toBe(true);
    const editor = h.client();
    await editor.login((await h.createStaff('editor')).email);
    expect((await editor.request('GET', '/api/onboarding')).statusCode).toBe(403);
  });

  it('the activity log speaks in words: names of people, letters and lists, never ids alone', async () => {
    const created = await admin.request('POST', '/api/articles', {
      title: 'Le jury de Grenoble',
      rubrique: 'points-de-vue',
    });
    const article = created.json().article as { id: string };
    for (const action of ['submit', 'approve', 'publish'])
      expect((await admin.request('POST', `/api/articles/${article.id}/transition`, { action })).statusCode).toBe(200);
    const entries = (await admin.request('GET', '/api/audit?limit=200')).json().entries as {
      action: string;
      sentence: string;
      actorName: string | null;
      targetId: string | null;
    }[];
    const sentence = (action: string) => entries.find((e) => e.action === action)?.sentence;
    expect(sentence('user_invited')).toBe('camille@icpc.example a invité Salomé Petit (auteur·rice)');
    expect(entries.filter((e) => e.action === 'user_invited').map((e) => e.sentence)).toContain(
      'camille@icpc.example a invité Léa Dubois (éditeur·rice)',
    );
    expect(sentence('invitation_accepted')).toBe('Salomé Petit a rejoint l’équipe (invitation acceptée)');
    expect(sentence('organisation_renamed')).toBe(
      'camille@icpc.example a nommé l’organisation « Institut de la concertation »',
    );
    expect(sentence('import_started')).toBe(
      'camille@icpc.example a lancé un import dans la liste « Lettre des adhérent·es »',
    );
    expect(sentence('campaign_test_sent')).toBe(
      'camille@icpc.example a envoyé un test de la lettre des adhérent·es « Lettre aux adhérent·es » (1 message)',
    );
    expect(sentence('article_created')).toBe('camille@icpc.example a créé l’article « Le jury de Grenoble »');
    expect(sentence('article_submitted')).toBe('camille@icpc.example a envoyé « Le jury de Grenoble » en relecture');
    expect(sentence('article_published')).toBe('camille@icpc.example a publié « Le jury de Grenoble »');
    expect(entries.find((e) => e.action === 'login')?.actorName).toBeTruthy();
    for (const e of entries) {
      if (e.targetId) expect(e.sentence, e.action).not.toContain(e.targetId);
      expect(e.sentence, e.action).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    }
  });
});
