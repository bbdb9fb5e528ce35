import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '@crieur/api';
import {
  createArticle,
  createMedia,
  createDossier,
  listAudit,
  listRubriques,
  saveArticle,
  setArticleStatus,
  publishDossier,
} from '@crieur/db';
import { markCampaignSent } from '@crieur/db/testing';
import { createMailer, type Mailer } from '@crieur/mailer';
import { startHarness, type Client, type Harness } from './harness';
import { startSmtpSink } from './smtp-sink';
import { startSmtpRecorder } from '../../../workers/test/support/smtp-recorder';
import { frenchTypography as fr } from '@crieur/content/typography';

const doc = (...paragraphs: string[]) => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});
const edito = { type: 'edito', doc: doc('Chères et chers membres, le printemps des communes commence.') };
const card = (title: string) => ({
  type: 'article',
  title,
  lede: 'Un chapô qui donne envie de lire la suite.',
  url: 'https://democraties.example/articles/x',
});
const agenda = {
  type: 'agenda',
  events: [{ title: 'Assemblée générale de l’ICPC', date: '2026-04-02T18:30', place: 'Paris' }],
};

describe('campaign drafts, preview and test sends (PostgreSQL, Redis)', () => {
  let h: Harness;
  let sender: Client;
  let admin: Client;
  let senderId: string;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let outboxDir: string;
  // the server keeps one mailer; tests point it at the SMTP sink or at an outbox folder, both real
  let current: Mailer;
  const mailer: Mailer = {
    get kind() {
      return current.kind;
    },
    send: (m) => current.send(m),
    sendRaw: (m) => current.sendRaw(m),
    probe: () => current.probe(),
    close: async () => undefined,
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    outboxDir = await mkdtemp(path.join(tmpdir(), 'crieur-outbox-'));
    current = createMailer({ smtpUrl: sink.url, outboxDir });
    h = await startHarness({ deps: { mailer } });
    sender = h.client();
    admin = h.client();
    const s = await h.createStaff('sender');
    senderId = s.id;
    await sender.login(s.email);
    await admin.login((await h.createStaff('admin')).email);
  });
  afterAll(async () => {
    await h.close();
    await sink.close();
    await rm(outboxDir, { recursive: true, force: true });
  });

  const create = async (kind = 'membres', c = sender): Promise<Campaign> => {
    // a second apart, so "newest first" has one answer
    h.clock.now = new Date(h.clock.now.getTime() + 1000);
    const res = await c.request('POST', '/api/campaigns', { kind });
    expect(res.statusCode).toBe(201);
    return res.json().campaign;
  };
  const save = (c: Campaign, patch: Record<string, unknown> = {}, who = sender) =>
    who.request('PUT', `/api/campaigns/${c.id}`, {
      version: c.version,
      kind: 'membres',
      subject: 'Le printemps des communes',
      preheader: 'AG, agenda',
      fromName: 'ICPC',
      replyTo: '',
      lists: ['membres'],
      blocks: [edito, card('Premier titre'), card('Second titre'), agenda],
      ...patch,
    });

  it('creates a draft with the kind’s list and skeleton, and lists it newest first', async () => {
    const first = await create('democraties');
    const c = await create('membres');
    expect(c).toMatchObject({
      status: 'draft',
      version: 1,
      subject: '',
      slug: '2026-03-lettre-des-membres',
      lists: [{ slug: 'membres' }],
    });
    expect(c.blocks.map((b) => b.type)).toEqual(['edito', 'sectionTitle', 'membersNews']);
    const list = (await sender.request('GET', '/api/campaigns?status=draft')).json().campaigns as Campaign[];
    expect(list.map((x) => x.id).slice(0, 2)).toEqual([c.id, first.id]);
    expect(list[0]).toMatchObject({
      recipientCount: 0,
      scheduledAt: null,
      lists: [{ slug: 'membres', name: expect.any(String) }],
    });
    expect((await sender.request('GET', '/api/campaigns?status=sent')).json().campaigns).toEqual([]);
    expect((await sender.request('GET', '/api/campaigns?status=nope')).statusCode).toBe(400);
    expect(
      (await sender.request('POST', '/api/campaigns', { kind: 'membres', lists: ['inconnue'] })).json().error,
    ).toMatchObject({ code: 'VALIDATION', unknownLists: ['inconnue'] });
    expect((await sender.request('GET', '/api/campaigns/pas-un-uuid')).statusCode).toBe(404);
    expect((await sender.request('GET', '/api/campaigns/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('autosaves unfinished blocks, renames the slug while draft, and refuses unknown types and lists', async () => {
    const c = await create();
    const res = await save(c, {
      blocks: [edito, { type: 'article', title: 'Titre sans le reste' }],
      lists: ['membres', 'democraties'],
    });
    expect(res.statusCode).toBe(200);
    const saved = res.json().campaign;
    expect(saved).toMatchObject({
      version: 2,
      subject: 'Le printemps des communes',
      slug: '2026-03-le-printemps-des-communes',
      fromName: 'ICPC',
      lists: [{ slug: 'membres' }, { slug: 'democraties' }],
    });
    expect(saved.blocks[1]).toEqual({ type: 'article', title: 'Titre sans le reste' });
    // a second draft with the same subject gets its own address
    const other = await create();
    expect((await save(other)).json().campaign.slug).toBe('2026-03-le-printemps-des-communes-2');

    expect((await save(saved, { blocks: [{ type: 'video' }] })).statusCode).toBe(400);
    const unknown = await save(saved, { lists: ['membres', 'fantome'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({
      code: 'VALIDATION',
      message: fr('« listes » : Liste inconnue : fantome.'),
      issues: [{ path: 'lists', message: fr('Liste inconnue : fantome.') }],
      unknownLists: ['fantome'],
    });
    // the contract refuses a wrong field in French, naming it
    const twoLines = await save(saved, { subject: 'Le printemps\ndes communes' });
    expect(twoLines.statusCode).toBe(400);
    expect(twoLines.json().error).toMatchObject({
      code: 'VALIDATION',
      message: fr('« objet » : Une seule ligne, sans retour à la ligne.'),
      issues: [{ path: 'subject', message: 'Une seule ligne, sans retour à la ligne.' }],
    });
    const noVersion = await save(saved, { version: undefined, blocks: [{ type: 'video' }] });
    expect(noVersion.json().error.message).toBe(
      fr('« version » : Ce champ est obligatoire. (et 1 autre champ à vérifier)'),
    );
    expect(noVersion.json().error.issues).toContainEqual({ path: 'blocks.0.type', message: 'Type de bloc inconnu.' });
    expect((await sender.request('GET', `/api/campaigns/${c.id}`)).json().campaign.version).toBe(2);
  });

  it('refuses a stale version with the current campaign, and any change once the campaign left draft', async () => {
    const c = await create();
    expect((await save(c, { subject: 'Onglet A' })).statusCode).toBe(200);
    const stale = await save(c, { subject: 'Onglet B' }, admin);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'EDIT_CONFLICT',
      current: { id: c.id, version: 2, subject: 'Onglet A' },
    });

    await markCampaignSent(h.database.db, { id: c.id, renderedHtml: '<p>x</p>', renderedText: 'x', at: h.clock.now });
    const locked = await save({ ...c, version: 2 });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error).toMatchObject({ code: 'CAMPAIGN_NOT_EDITABLE', status: 'sent' });
    expect((await sender.request('DELETE', `/api/campaigns/${c.id}`)).json().error.code).toBe('CAMPAIGN_NOT_EDITABLE');
  });

  it('duplicates any campaign as a new draft, and deletes drafts only', async () => {
    const c = await create();
    const saved = (await save(c, { lists: ['democraties'] })).json().campaign;
    await markCampaignSent(h.database.db, { id: c.id, renderedHtml: '<p>x</p>', renderedText: 'x', at: h.clock.now });
    const res = await sender.request('POST', `/api/campaigns/${c.id}/duplicate`);
    expect(res.statusCode).toBe(201);
    const copy = res.json().campaign;
    expect(copy).toMatchObject({
      status: 'draft',
      version: 1,
      subject: 'Le printemps des communes (copie)',
      duplicatedFrom: c.id,
      fromName: 'ICPC',
      preheader: 'AG, agenda',
      lists: [{ slug: 'democraties' }],
    });
    expect(copy.blocks).toEqual(saved.blocks);
    expect(copy.slug).not.toBe(saved.slug);

    expect((await sender.request('DELETE', `/api/campaigns/${copy.id}`)).statusCode).toBe(204);
    expect((await sender.request('GET', `/api/campaigns/${copy.id}`)).statusCode).toBe(404);
    expect((await sender.request('DELETE', `/api/campaigns/${copy.id}`)).statusCode).toBe(404);
    const actions = (await listAudit(h.database.db, { limit: 50 })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['campaign_created', 'campaign_duplicated', 'campaign_deleted']));
  });

  it('audits one entry per editing session, not one per autosave', async () => {
    let c = await create();
    const edits = async () =>
      (await listAudit(h.database.db, { limit: 200 })).filter(
        (e) => e.action === 'campaign_edited' && e.targetId === c.id,
      ).length;
    for (let i = 0; i < 3; i++) c = (await save(c)).json().campaign;
    expect(await edits()).toBe(0); // the creator's first session is the creation entry
    h.clock.now = new Date(h.clock.now.getTime() + 31 * 60_000);
    c = (await save(c)).json().campaign;
    c = (await save(c)).json().campaign;
    expect(await edits()).toBe(1);
    c = (await save(c, {}, admin)).json().campaign;
    expect(await edits()).toBe(2);
  });

  it('previews unsaved state: html and text, errors by block index, invalid blocks left out', async () => {
    const body = {
      kind: 'membres',
      subject: 'Le printemps',
      preheader: '',
      lists: ['membres'],
      blocks: [
        edito,
        { type: 'article', title: 'Carte incomplète', lede: '', url: 'javascript:alert(1)' },
        card('Une carte valide'),
        agenda,
      ],
    };
    await sender.request('POST', '/api/campaigns/preview', body); // first compile warms MJML up
    const started = performance.now();
    const res = await sender.request('POST', '/api/campaigns/preview', body);
    const ms = performance.now() - started;
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.html).toContain('le printemps des communes commence');
    expect(p.html).toContain('Une carte valide');
    expect(p.html).not.toContain('Carte incomplète');
    expect(p.html).toContain('Camille');
    expect(p.html).not.toContain('%%CRIEUR_');
    expect(p.text).toContain('Assemblée générale de l’ICPC');
    expect(p).toMatchObject({ clipped: false, clipBytes: 102 * 1024, mjmlErrors: [] });
    expect(p.bytes).toBeGreaterThan(5000);
    expect(p.blockErrors.map((e: { index: number; path: string }) => `${e.index}:${e.path}`).sort()).toEqual([
      '1:lede',
      '1:url',
    ]);
    console.info(`preview of a 4-block newsletter: ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(1000);

    // an empty subject still previews, and says what is missing
    const noSubject = (await sender.request('POST', '/api/campaigns/preview', { ...body, subject: '' })).json();
    expect(noSubject.html).toContain('Une carte valide');
    expect(noSubject.fieldErrors).toEqual([{ path: 'subject', message: 'L’objet est obligatoire' }]);
  });

  it('flags a newsletter past Gmail’s 102 KB clipping', async () => {
    const long = 'Une phrase assez longue pour remplir la lettre de participation citoyenne. '.repeat(25);
    const blocks = Array.from({ length: 60 }, (_, i) => ({
      type: 'richText',
      title: `Section ${i + 1}`,
      doc: doc(long),
    }));
    const p = (
      await sender.request('POST', '/api/campaigns/preview', {
        kind: 'democraties',
        subject: 'Très longue',
        lists: [],
        blocks,
      })
    ).json();
    expect(p.blockErrors).toEqual([]);
    expect(p.bytes).toBeGreaterThan(102 * 1024);
    expect(p.clipped).toBe(true);
  });

  it('sends a test of the saved campaign over SMTP as multipart/alternative, personalised for Camille', async () => {
    const c = await create();
    await save(c, { replyTo: 'contact@icpc.example' });
    sink.messages.length = 0;
    const res = await sender.request('POST', `/api/campaigns/${c.id}/test`, {
      addresses: ['relecture@example.org', 'Relecture@example.org', 'autre@example.org'],
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ sent: 2, outbox: false });
    const [mail] = await sink.waitFor(2);
    expect(sink.messages.flatMap((m) => m.to).sort()).toEqual(['autre@example.org', 'relecture@example.org']);
    expect(mail!.raw).toMatch(/Content-Type: multipart\/alternative/i);
    const parsed = mail!.parsed;
    expect(parsed.subject).toBe('[Test] Le printemps des communes');
    expect(parsed.from?.value[0]).toMatchObject({ name: 'ICPC', address: 'lettre@localhost' });
    expect(parsed.replyTo?.value[0]?.address).toBe('contact@icpc.example');
    expect(mail!.raw).toMatch(/^List-Id: .*<membres\.localhost\.local>/im);
    // a reviewer has no token: the links lead to a page that says it is a test
    expect(mail!.raw).toMatch(/^List-Unsubscribe: <http:\/\/localhost:3000\/unsubscribe\/essai>,\s+<mailto:lettre@/m);
    for (const part of [String(parsed.html), parsed.text ?? '']) {
      expect(part).toContain('le printemps des communes commence');
      expect(part).toContain('Premier titre');
      expect(part).toContain('Second titre');
      expect(part).toContain('Assemblée générale de l’ICPC');
      expect(part).toContain('Camille');
      expect(part).not.toContain('%%CRIEUR_');
    }
    const audit = (await listAudit(h.database.db, { limit: 50 })).find(
      (e) => e.action === 'campaign_test_sent' && e.targetId === c.id,
    );
    expect(audit?.data).toEqual({ count: 2, of: 2, via: 'smtp' });
    expect(JSON.stringify(audit)).not.toContain('@example.org');
  });

  it('writes the test to the outbox when there is no SMTP server', async () => {
    const c = await create();
    await save(c);
    current = createMailer({ outboxDir });
    try {
      const res = await sender.request('POST', `/api/campaigns/${c.id}/test`, { addresses: ['relecture@example.org'] });
      expect(res.json()).toEqual({ sent: 1, outbox: true });
      const files = await readdir(outboxDir);
      expect(files).toHaveLength(1);
      const parsed = await simpleParser(await readFile(path.join(outboxDir, files[0]!)));
      expect(String(parsed.html)).toContain('Second titre');
      expect(parsed.text).toContain('Premier titre');
    } finally {
      current = createMailer({ smtpUrl: sink.url, outboxDir });
    }
  });

  it('refuses a test of an unfinished campaign with its errors, and explains an unreachable SMTP server', async () => {
    const c = await create();
    await save(c, { subject: '', blocks: [edito, { type: 'article', title: 'Sans lien', lede: 'Chapô' }] });
    const res = await sender.request('POST', `/api/campaigns/${c.id}/test`, { addresses: ['relecture@example.org'] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'NEWSLETTER_INVALID',
      blockErrors: [{ index: 1, path: 'url' }],
      fieldErrors: [{ path: 'subject' }],
    });
    const notAnAddress = await sender.request('POST', `/api/campaigns/${c.id}/test`, {
      addresses: ['pas une adresse'],
    });
    expect(notAnAddress.statusCode).toBe(400);
    expect(notAnAddress.json().error.message).toBe(
      fr('« adresses » : «\u00a0pas une adresse\u00a0» n’est pas une adresse valide.'),
    );
    expect(
      (
        await sender.request('POST', `/api/campaigns/${c.id}/test`, {
          addresses: Array.from({ length: 6 }, (_, i) => `r${i}@example.org`),
        })
      ).statusCode,
    ).toBe(400);

    await save({ ...c, version: 2 });
    current = createMailer({ smtpUrl: 'smtp://127.0.0.1:9', outboxDir });
    try {
      const down = await sender.request('POST', `/api/campaigns/${c.id}/test`, {
        addresses: ['relecture@example.org'],
      });
      expect(down.statusCode).toBe(502);
      expect(down.json().error).toMatchObject({ code: 'SMTP_FAILED', sent: 0 });
      expect(down.json().error.message).toContain('SMTP_URL');
    } finally {
      current = createMailer({ smtpUrl: sink.url, outboxDir });
    }
    // a refusal of the prebuilt message (sendRaw) is explained with the server's codes, never its text
    const refusing = await startSmtpRecorder();
    refusing.plan('relecture@example.org', [{ code: 550, message: '5.1.1 relecture@example.org: no such user' }]);
    current = createMailer({ smtpUrl: refusing.url, outboxDir });
    try {
      const testUrl = `/api/campaigns/${c.id}/test`;
      const refused = await sender.request('POST', testUrl, { addresses: ['relecture@example.org'] });
      expect(refused.statusCode).toBe(502);
      expect(refused.json().error).toMatchObject({ code: 'SMTP_FAILED', sent: 0, smtpCode: 550 });
      expect(refused.json().error.enhancedCode).toBe('5.1.1');
      expect(refused.json().error.message).toContain('(550 5.1.1)');
      expect(refused.body).not.toContain('relecture@');
    } finally {
      await current.close();
      await refusing.close();
      current = createMailer({ smtpUrl: sink.url, outboxDir });
    }
    expect(h.logLines.join('\n')).not.toContain('relecture@example.org');
  });

  it('limits test sends to 10 per user per 10 minutes', async () => {
    const c = await create();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await sender.request('POST', `/api/campaigns/${c.id}/test`, { addresses: [] })).statusCode);
    // earlier tests already used some of this sender's allowance
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.at(-1)).toBe(429);
    expect((await admin.request('POST', `/api/campaigns/${c.id}/test`, { addresses: [] })).statusCode).toBe(400);
  });

  it('finds only published articles and dossiers, newest first, ready to become cards', async () => {
    const db = h.database.db;
    const now = h.clock.now;
    const [rubrique] = await listRubriques(db);
    const cover = await createMedia(db, {
      fileName: 'ag.jpg',
      mime: 'image/jpeg',
      width: 1600,
      height: 900,
      bytes: 1000,
      alt: 'La salle de l’assemblée',
      caption: '',
      createdBy: senderId,
      now,
    });
    const publish = async (
      title: string,
      lede: string,
      at: Date,
      status: 'published' | 'draft' = 'published',
      coverMediaId: string | null = null,
    ) => {
      const slug = title.toLowerCase().replace(/\W+/g, '-');
      const body = doc('Le texte commence ici, sans chapô.');
      const id = await createArticle(db, {
        title,
        slug,
        rubriqueId: rubrique!.id,
        dossierId: null,
        body,
        authors: [],
        userId: senderId,
        now,
      });
      await saveArticle(db, {
        id,
        version: 1,
        userId: senderId,
        now,
        fields: {
          title,
          slug,
          lede,
          body,
          rubriqueId: rubrique!.id,
          dossierId: null,
          tags: [],
          authors: [],
          coverMediaId,
        },
      });
      if (status === 'published')
        await setArticleStatus(db, { id, from: 'draft', to: 'published', publishedAt: at, userId: null, now });
      return id;
    };
    await publish('Budget participatif à Grenoble', 'Dix ans de projets.', new Date('2026-02-01T10:00:00Z'));
    await publish('Budget citoyen à Lille', '', new Date('2026-02-20T10:00:00Z'), 'published', cover.id);
    await publish('Budget en brouillon', 'Pas encore.', now, 'draft');
    await publish('Budget futur', 'Programmé plus tard.', new Date('2026-05-01T10:00:00Z'));

    const items = (await sender.request('GET', '/api/campaigns/articles?q=budget')).json().items;
    expect(items.map((i: { title: string }) => i.title)).toEqual([
      'Budget citoyen à Lille',
      'Budget participatif à Grenoble',
    ]);
    expect(items[0]).toMatchObject({
      url: 'http://localhost:3000/articles/budget-citoyen-lille',
      lede: 'Le texte commence ici, sans chapô.',
      rubrique: rubrique!.name,
      image: { src: `http://localhost:3000/media/${cover.id}/w800.webp`, alt: 'La salle de l’assemblée' },
      publishedAt: '2026-02-20T10:00:00.000Z',
    });
    expect(items[1].image).toBeUndefined();
    expect((await sender.request('GET', '/api/campaigns/articles')).json().items.length).toBe(2);
    expect((await sender.request('GET', `/api/campaigns/articles?q=${'x'.repeat(101)}`)).statusCode).toBe(400);
    expect((await sender.request('GET', '/api/campaigns/articles?q=%25')).json().items).toEqual([]);

    const dossierId = await createDossier(db, {
      title: 'Démocratie alimentaire',
      slug: 'democratie-alimentaire',
      lede: 'Qui décide de ce que nous mangeons ?',
      editorialNote: { type: 'doc', content: [{ type: 'paragraph' }] },
      now,
    });
    await createDossier(db, {
      title: 'Démocratie du vivant (brouillon)',
      slug: 'vivant',
      lede: 'x',
      editorialNote: { type: 'doc', content: [{ type: 'paragraph' }] },
      now,
    });
    await publishDossier(db, { id: dossierId, mode: 'publish', version: 1, userId: null, now });
    const dossiers = (await sender.request('GET', '/api/campaigns/dossiers?q=démocratie')).json().items;
    expect(dossiers).toEqual([
      {
        id: dossierId,
        title: 'Démocratie alimentaire',
        lede: 'Qui décide de ce que nous mangeons ?',
        url: 'http://localhost:3000/dossiers/democratie-alimentaire',
        publishedAt: now.toISOString(),
      },
    ]);
  });
});
