// The legal pages (issue 16): only admins change them, bad input is refused in French and loses nothing, the public
// pages show the facts (never an empty label), escape what admins type, and the privacy page's figures are the code's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getLegalPage, listAudit, SESSION_MAX_DAYS, SUBSCRIBE_WINDOWS } from '@crieur/db';
import { durationWords, privacyFigures } from '../src/public/privacy-facts';
import { SUBSCRIBE_TEXT_VERSION } from '../src/public/subscribe-page';
import { startHarness, type Client, type Harness } from './harness';

const doc = (...paragraphs: string[]) => ({
  type: 'doc',
  content: paragraphs.length
    ? paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }))
    : [{ type: 'paragraph' }],
});

const MENTIONS = {
  title: 'Mentions légales',
  body: doc('Les textes publiés sont sous licence CC BY-SA.'),
  fields: {
    director: 'Camille Dupont',
    email: 'contact@icpc.example',
    hostName: 'Hébergeur Exemple SAS',
    hostAddress: '2 rue Kellermann\n59100 Roubaix',
    hostPhone: '+33 9 72 10 10 07',
    registration: '',
  },
};

const text = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, '’')
    .replace(/\s+/g, ' ');

describe('legal pages (PostgreSQL)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crieur-legal-'));
  let h: Harness;
  let admin: Client;
  let adminId: string;

  beforeAll(async () => {
    h = await startHarness({ env: { DATA_DIR: dataDir, SMTP_URL: 'smtp://user:secret@smtp.envoi.example:587' } });
    admin = h.client();
    const staff = await h.createStaff('admin', 'camille@icpc.example');
    adminId = staff.id;
    expect((await admin.login(staff.email)).statusCode).toBe(200);
    await admin.refreshCsrf();
    expect(
      (await admin.request('PUT', '/api/organisation', { name: 'ICPC', postalAddress: '12 rue A\n75011 Paris' }))
        .statusCode,
    ).toBe(200);
  });
  afterAll(async () => {
    await h.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets admins read and change them; editors, senders and authors get 403, strangers 401', async () => {
    for (const role of ['editor', 'sender', 'author'] as const) {
      const c = h.client();
      expect((await c.login((await h.createStaff(role, `${role}@icpc.example`)).email)).statusCode).toBe(200);
      await c.refreshCsrf();
      expect((await c.request('GET', '/api/legal-pages')).statusCode, role).toBe(403);
      const put = await c.request('PUT', '/api/legal-pages/contact', { title: 'Pirate', body: doc('x'), fields: {} });
      expect([put.statusCode, put.json().error.code], role).toEqual([403, 'FORBIDDEN']);
    }
    const stranger = h.client();
    expect((await stranger.request('GET', '/api/legal-pages')).statusCode).toBe(401);
    expect(
      (await stranger.request('PUT', '/api/legal-pages/contact', { title: 'x', body: doc(), fields: {} })).statusCode,
    ).toBe(401);

    const list = await admin.request('GET', '/api/legal-pages');
    expect(list.statusCode).toBe(200);
    expect(list.json().pages.map((p: { slug: string; path: string }) => [p.slug, p.path])).toEqual([
      ['mentions-legales', '/mentions-legales'],
      ['confidentialite', '/confidentialite'],
      ['contact', '/contact'],
    ]);
    expect((await getLegalPage(h.database.db, 'contact'))!.title).toBe('Contact');
  });

  it('saves a page, audits it in French and shows it at once on the public page', async () => {
    const before = await h.client().request('GET', '/mentions-legales');
    expect(before.statusCode).toBe(200);
    const put = await admin.request('PUT', '/api/legal-pages/mentions-legales', MENTIONS);
    expect(put.statusCode).toBe(200);
    // an empty field is not stored
    expect(put.json().page.fields).toEqual({
      director: 'Camille Dupont',
      email: 'contact@icpc.example',
      hostName: 'Hébergeur Exemple SAS',
      hostAddress: '2 rue Kellermann\n59100 Roubaix',
      hostPhone: '+33 9 72 10 10 07',
    });
    const [entry] = await listAudit(h.database.db, { limit: 1 });
    expect(entry).toMatchObject({ action: 'legal_page_updated', actorId: adminId, targetId: 'mentions-legales' });
    expect(entry!.data.fields).toEqual(['body', 'director', 'email', 'hostAddress', 'hostName', 'hostPhone']);
    const audit = await admin.request('GET', '/api/audit');
    expect(JSON.stringify(audit.json())).toContain('a modifié la page « Mentions légales » (texte libre, direction');

    const page = await h.client().request('GET', '/mentions-legales');
    expect(page.statusCode).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    const html = page.body;
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).not.toContain('noindex');
    const t = text(html);
    // the organisation's name and address stand in for the empty publisher and seat; the status has its default
    expect(t).toContain('Éditeur ICPC');
    expect(t).toContain('Statut juridique Association loi 1901');
    expect(t).toContain('Adresse du siège 12 rue A 75011 Paris');
    expect(t).toContain('Directeur·rice de la publication Camille Dupont');
    expect(t).toContain('Hébergeur Exemple SAS');
    expect(html).toContain('href="tel:+33972101007"');
    expect(html).toContain('href="mailto:contact@icpc.example"');
    expect(t).toContain('Les textes publiés sont sous licence CC BY-SA.');
    // no label without its value
    expect(t).not.toContain('RNA');
    expect(t).not.toMatch(/Téléphone(?! de l’hébergeur)/);
  });

  it('refuses bad input in French, field by field, and keeps what was stored', async () => {
    const stored = await getLegalPage(h.database.db, 'mentions-legales');
    const cases = [
      [
        { ...MENTIONS, fields: { ...MENTIONS.fields, email: 'pas-une-adresse' } },
        'fields.email',
        /adresse e-mail invalide/,
      ],
      [
        { ...MENTIONS, fields: { ...MENTIONS.fields, director: 'x'.repeat(201) } },
        'fields.director',
        /200 caractères au plus/,
      ],
      [{ ...MENTIONS, fields: { ...MENTIONS.fields, dpo: 'Quelqu’un' } }, 'fields', /Champ inconnu\u00a0: dpo/],
      [
        { ...MENTIONS, fields: { ...MENTIONS.fields, hostPhone: 'appelez-nous' } },
        'fields.hostPhone',
        /numéro de téléphone/,
      ],
      [{ ...MENTIONS, title: '' }, 'title', /Donnez un titre/],
      [
        { ...MENTIONS, body: { type: 'doc', content: [{ type: 'heading', attrs: { level: 1 } }] } },
        'body',
        /niveau de titre/,
      ],
    ] as const;
    for (const [body, field, message] of cases) {
      const res = await admin.request('PUT', '/api/legal-pages/mentions-legales', body);
      expect(res.statusCode, field).toBe(400);
      const issue = res.json().error.issues.find((i: { path: string }) => i.path.startsWith(field));
      expect(issue?.message, field).toMatch(message);
    }
    const unknown = await admin.request('PUT', '/api/legal-pages/cgu', MENTIONS);
    expect(unknown.statusCode).toBe(400);
    expect(await getLegalPage(h.database.db, 'mentions-legales')).toEqual(stored);
  });

  it('escapes what admins type, and sets French typography', async () => {
    const put = await admin.request('PUT', '/api/legal-pages/contact', {
      title: 'Contact <script>alert(1)</script>',
      body: doc('<img src=x onerror=alert(1)> Une question ? Écrivez-nous !'),
      fields: {
        intro: 'Nous lisons tout : « vraiment » <b>tout</b>',
        email: 'ecrire@icpc.example',
        phone: '01 23 45 67 89',
      },
    });
    expect(put.statusCode).toBe(200);
    const html = (await h.client().request('GET', '/contact')).body;
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>tout');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('question\u202f? Écrivez-nous\u202f!');
    expect(html).toContain('Nous lisons tout\u00a0: «\u202fvraiment\u202f»');
    // the organisation's postal address stands in for the contact's
    expect(text(html)).toContain('Adresse postale 12 rue A 75011 Paris');
  });

  it('generates the privacy page from what the system does, with the figures the code applies', async () => {
    const put = await admin.request('PUT', '/api/legal-pages/confidentialite', {
      title: 'Politique de confidentialité',
      body: doc(),
      fields: { privacyEmail: 'donnees@icpc.example' },
    });
    expect(put.statusCode).toBe(200);
    const res = await h.client().request('GET', '/confidentialite');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    const t = text(html).replace(/[\u00a0\u202f]/g, ' ');
    const figures = privacyFigures({ staffSessionIdleMs: 12 * 3600_000 });
    expect(figures.confirmationLink).toBe(durationWords(SUBSCRIBE_WINDOWS.confirmationTtlMs));
    expect(t).toContain(`le lien de confirmation reste valable ${durationWords(SUBSCRIBE_WINDOWS.confirmationTtlMs)}`);
    expect(t).toContain(`par période de ${durationWords(SUBSCRIBE_WINDOWS.resendAfterMs)}`);
    expect(t).toContain(`au plus tard ${durationWords(SESSION_MAX_DAYS * 24 * 3600_000)} après la connexion`);
    // the server's own session setting (the harness's default), not a figure typed in the page
    expect(t).toContain(`il expire après ${figures.staffSessionIdle} sans activité`);
    expect(t).toContain(SUBSCRIBE_TEXT_VERSION);
    // the lists and their legal bases come from the database
    expect(t).toContain('« Lettre de démocratieS » : vous envoyer cette lettre. Base légale : votre consentement');
    expect(t).toContain('« Lettre des adhérent·es » : informer les adhérent·es');
    expect(t).toContain('intérêt légitime');
    // SMTP_URL's host, never its credentials
    expect(t).toContain('serveur d’envoi smtp.envoi.example');
    expect(html).not.toContain('secret');
    // the host named in the mentions légales, the rights, how to use them, and the CNIL
    expect(t).toContain('hébergés par Hébergeur Exemple SAS');
    expect(t).toContain('Gérer mes préférences');
    expect(html).toContain('href="mailto:donnees@icpc.example"');
    expect(html).toContain('href="https://www.cnil.fr/fr/plaintes"');
    for (const right of ['accéder', 'rectifier', 'effacer', 'opposer', 'limiter', 'portabilité'])
      expect(t, right).toContain(right);
    expect(t).toContain('aucun suivi d’ouverture ni de clic');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('sets no cookie on the public pages the privacy page says are free of them', async () => {
    for (const url of ['/', '/subscribe', '/mentions-legales', '/confidentialite', '/contact', '/archive']) {
      const res = await h.client().request('GET', url);
      expect(res.headers['set-cookie'], url).toBeUndefined();
    }
  });
});
