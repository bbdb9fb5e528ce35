// The association's identity and each newsletter's branding (issue 15): who may read and change them, what is
// refused (in French, field by field), a round trip, the audit sentences, and the public name the login page reads.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNewsletterBranding, getOrganisation } from '@crieur/db';
import { PUBLIC_NAME_PER_IP_PER_MINUTE } from '../src/routes/organisation-routes';
import { startHarness, type Client, type Harness } from './harness';
import { frenchTypography as fr } from '@crieur/content/typography';

const BRANDING = {
  title: 'démocratieS',
  kicker: 'Le média de l’ICPC',
  tagline: 'Comprendre et faire vivre la participation citoyenne',
  accent: '#7a1f3d',
  tint: '#f5e9ed',
  titleFont: 'serif',
  bannerMediaId: null,
  identity: 'démocratieS est le média de l’ICPC.',
  notice: '',
  welcomeText: '',
};

describe('identity: the organisation and the newsletters’ branding (PostgreSQL)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crieur-identity-'));
  let h: Harness;
  let admin: Client;
  let editor: Client;
  let sender: Client;
  let logoId: string;

  const upload = async (c: Client, alt: string) => {
    const png = await sharp({ create: { width: 400, height: 200, channels: 4, background: '#1b4d8900' } })
      .png()
      .toBuffer();
    const res = await c.upload(`/api/media?alt=${encodeURIComponent(alt)}`, png, 'image/png', {
      'x-file-name': 'logo.png',
    });
    expect(res.statusCode).toBe(201);
    return res.json().media.id as string;
  };

  beforeAll(async () => {
    h = await startHarness({ env: { DATA_DIR: dataDir } });
    const signedIn = async (role: 'admin' | 'editor' | 'sender', email: string) => {
      const c = h.client();
      expect((await c.login((await h.createStaff(role, email)).email)).statusCode).toBe(200);
      await c.refreshCsrf();
      return c;
    };
    admin = await signedIn('admin', 'camille@icpc.example');
    editor = await signedIn('editor', 'lea@icpc.example');
    sender = await signedIn('sender', 'nora@icpc.example');
    logoId = await upload(admin, 'Logo de l’ICPC');
  });
  afterAll(async () => {
    await h.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets every signed-in role read, only admins change, and strangers read the name alone', async () => {
    for (const [who, c] of [
      ['editor', editor],
      ['sender', sender],
    ] as const) {
      expect((await c.request('GET', '/api/organisation')).statusCode, who).toBe(200);
      expect((await c.request('GET', '/api/newsletters/branding')).statusCode, who).toBe(200);
      const put = await c.request('PUT', '/api/organisation', { name: 'Pirate' });
      expect([put.statusCode, put.json().error.code], who).toEqual([403, 'FORBIDDEN']);
      const brand = await c.request('PUT', '/api/newsletters/democraties/branding', BRANDING);
      expect([brand.statusCode, brand.json().error.code], who).toEqual([403, 'FORBIDDEN']);
    }
    const stranger = h.client();
    expect((await stranger.request('GET', '/api/organisation')).statusCode).toBe(401);
    expect((await stranger.request('GET', '/api/newsletters/branding')).statusCode).toBe(401);
    const open = await stranger.request('GET', '/api/organisation/public');
    expect(open.statusCode).toBe(200);
    expect(open.json()).toEqual({ organisation: { name: '', logo: null } });
    expect((await getOrganisation(h.database.db)).name).toBe('');
  });

  it('refuses a bad address, an unknown image and a multi-line sender, naming each field in French', async () => {
    const bad = await admin.request('PUT', '/api/organisation', {
      name: 'ICPC',
      senderEmail: 'lettre@',
      replyTo: 'pas une adresse',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues).toEqual([
      { path: 'senderEmail', message: 'Adresse e-mail invalide.' },
      { path: 'replyTo', message: 'Adresse e-mail invalide.' },
    ]);
    expect(bad.json().error.message).toBe(
      fr('« adresse d’expédition par défaut » : Adresse e-mail invalide. (et 1 autre champ à vérifier)'),
    );

    const lines = await admin.request('PUT', '/api/organisation', { name: 'ICPC', senderName: 'ICPC\nBcc: x@y.z' });
    expect(lines.json().error.issues).toEqual([
      { path: 'senderName', message: 'Une seule ligne, sans retour à la ligne.' },
    ]);

    const unknown = await admin.request('PUT', '/api/organisation', {
      name: 'ICPC',
      logoMediaId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({
      code: 'VALIDATION',
      message: fr('« logo » : Cette image n’est pas (ou plus) dans la médiathèque : choisissez-en une autre.'),
      issues: [{ path: 'logoMediaId' }],
    });
    const noName = await admin.request('PUT', '/api/organisation', { name: '  ' });
    expect(noName.json().error.message).toBe(fr('« nom » : Ce champ est obligatoire.'));
    // nothing of the refused saves was written
    expect(await getOrganisation(h.database.db)).toMatchObject({ name: '', senderEmail: '', logoMediaId: null });
  });

  it('refuses colours that do not reach 4.5:1, with the ratio and what to do', async () => {
    const light = await admin.request('PUT', '/api/newsletters/democraties/branding', {
      ...BRANDING,
      accent: '#D0E4FF',
      tint: '#4a5160',
    });
    expect(light.statusCode).toBe(400);
    const issues = light.json().error.issues as { path: string; message: string }[];
    expect(issues).toEqual([
      {
        path: 'accent',
        message: fr(
          'Le contraste du blanc sur #d0e4ff est de 1,2:1\u00a0; il faut au moins 4,5:1\u00a0: choisissez une couleur plus foncée.',
        ),
      },
      {
        path: 'tint',
        message: expect.stringMatching(/^Le contraste du texte \(#1f2430\) sur #4a5160 est de 1,\d:1.*plus claire\.$/),
      },
    ]);
    const short = await admin.request('PUT', '/api/newsletters/democraties/branding', { ...BRANDING, accent: '#fff' });
    expect(short.json().error.issues).toEqual([
      { path: 'accent', message: 'Une couleur au format #rrggbb (six chiffres hexadécimaux).' },
    ]);
    const font = await admin.request('PUT', '/api/newsletters/democraties/branding', {
      ...BRANDING,
      titleFont: 'comic',
    });
    expect(font.json().error.issues[0].path).toBe('titleFont');
    const kind = await admin.request('PUT', '/api/newsletters/inconnue/branding', BRANDING);
    expect(kind.statusCode).toBe(400);
    const banner = await admin.request('PUT', '/api/newsletters/democraties/branding', {
      ...BRANDING,
      bannerMediaId: '00000000-0000-4000-8000-000000000000',
    });
    expect(banner.json().error.issues).toEqual([
      {
        path: 'bannerMediaId',
        message: fr('Cette image n’est pas (ou plus) dans la médiathèque : choisissez-en une autre.'),
      },
    ]);
    // the seeded branding is untouched
    expect(await getNewsletterBranding(h.database.db, 'democraties')).toMatchObject({ accent: '#7a1f3d' });
  });

  it('saves the identity and a branding, reads them back everywhere, and audits what changed', async () => {
    const saved = await admin.request('PUT', '/api/organisation', {
      name: ' Institut de la concertation et de la participation citoyenne ',
      postalAddress: '12 rue de l’Exemple\n75011 Paris',
      senderName: 'ICPC',
      senderEmail: 'lettre@icpc.example',
      replyTo: 'contact@icpc.example',
      logoMediaId: logoId,
    });
    expect(saved.statusCode).toBe(200);
    const organisation = {
      name: 'Institut de la concertation et de la participation citoyenne',
      postalAddress: '12 rue de l’Exemple\n75011 Paris',
      senderName: 'ICPC',
      senderEmail: 'lettre@icpc.example',
      replyTo: 'contact@icpc.example',
      logo: { id: logoId, url: `/media/${logoId}/w800.webp`, alt: 'Logo de l’ICPC' },
    };
    expect(saved.json().organisation).toMatchObject(organisation);
    expect((await sender.request('GET', '/api/organisation')).json().organisation).toMatchObject(organisation);
    expect((await h.client().request('GET', '/api/organisation/public')).json()).toEqual({
      organisation: { name: organisation.name, logo: { url: `/media/${logoId}/w400.webp`, alt: 'Logo de l’ICPC' } },
    });
    // the public pages name the association and give its address, from the saved row
    const page = (await h.app.inject({ method: 'GET', url: '/subscribe' })).body;
    expect(page).toContain('le média de l’Institut de la concertation et de la participation citoyenne');
    expect(page).toContain(
      'Institut de la concertation et de la participation citoyenne · 12 rue de l’Exemple, 75011 Paris.',
    );
    // a later save of the name alone (the first-run checklist) keeps the rest
    await admin.request('PUT', '/api/organisation', { name: 'ICPC' });
    expect(await getOrganisation(h.database.db)).toMatchObject({ name: 'ICPC', senderEmail: 'lettre@icpc.example' });
    const renamed = (await h.app.inject({ method: 'GET', url: '/subscribe' })).body;
    expect(renamed).toContain('le média de l’ICPC');
    expect(renamed).toContain('ICPC · 12 rue de l’Exemple, 75011 Paris.');

    const bannerId = await upload(admin, 'Une assemblée citoyenne');
    const branding = await admin.request('PUT', '/api/newsletters/democraties/branding', {
      ...BRANDING,
      accent: '#5B3F8C',
      titleFont: 'sans',
      bannerMediaId: bannerId,
      welcomeText: 'Merci de votre inscription.\n\nUne lettre par mois.',
    });
    expect(branding.statusCode).toBe(200);
    const all = (await editor.request('GET', '/api/newsletters/branding')).json().brandings as { kind: string }[];
    expect(all.map((b) => b.kind)).toEqual(['membres', 'adherents', 'democraties']);
    expect(all.find((b) => b.kind === 'democraties')).toMatchObject({
      accent: '#5b3f8c',
      titleFont: 'sans',
      banner: { id: bannerId, alt: 'Une assemblée citoyenne' },
      welcomeText: 'Merci de votre inscription.\n\nUne lettre par mois.',
    });
    expect(all.find((b) => b.kind === 'membres')).toMatchObject({ accent: '#1b4d89', banner: null });
    // saving the same values again changes nothing, so it writes no audit line
    await admin.request('PUT', '/api/newsletters/democraties/branding', {
      ...BRANDING,
      accent: '#5b3f8c',
      titleFont: 'sans',
      bannerMediaId: bannerId,
      welcomeText: 'Merci de votre inscription.\n\nUne lettre par mois.',
    });

    const entries = (await admin.request('GET', '/api/audit?limit=50')).json().entries as {
      action: string;
      sentence: string;
      targetId: string | null;
    }[];
    const mine = entries.filter((e) =>
      ['organisation_updated', 'organisation_renamed', 'newsletter_branding_updated'].includes(e.action),
    );
    expect(mine.map((e) => e.sentence)).toEqual([
      'camille@icpc.example a modifié l’habillage de la lettre de démocratieS ' +
        '(couleur principale, police du titre, bannière, texte de bienvenue)',
      'camille@icpc.example a nommé l’organisation « ICPC »',
      'camille@icpc.example a modifié l’identité de l’association ' +
        '(nom, adresse postale, nom d’expéditeur, adresse d’expédition, adresse de réponse, logo)',
    ]);
    // field names only: no address or text in the audit log
    expect(JSON.stringify(mine)).not.toContain('lettre@icpc.example');
  });

  it('refuses HTML tags and the letters’ markers in every identity text, in French, and keeps what was stored', async () => {
    const before = await getOrganisation(h.database.db);
    const tags = await admin.request('PUT', '/api/organisation', {
      name: 'ICPC <script>alert(1)</script>',
      postalAddress: '<img src=x onerror=alert(2)>\n75011 Paris',
      senderName: 'ICPC</b>',
    });
    expect(tags.statusCode).toBe(400);
    const html =
      'Pas de balise HTML ici\u00a0: ce texte s’affiche tel quel (retirez «\u202f<\u202f» suivi d’une lettre).';
    expect(tags.json().error.issues).toEqual([
      { path: 'name', message: html },
      { path: 'postalAddress', message: html },
      { path: 'senderName', message: html },
    ]);
    // a marker would be filled in per recipient, or stop every letter's compile (the preview answered 500)
    const marker = await admin.request('PUT', '/api/organisation', { name: 'ICPC %%CRIEUR_WEB_URL%%' });
    expect(marker.json().error.issues).toEqual([
      {
        path: 'name',
        message: 'Les marqueurs entre «\u202f%%\u202f» sont réservés aux lettres\u00a0: retirez-les de ce texte.',
      },
    ]);
    // a « < » that opens no tag is text like any other
    const maths = await admin.request('PUT', '/api/organisation', { name: 'ICPC < 2026' });
    expect(maths.statusCode).toBe(200);
    await admin.request('PUT', '/api/organisation', { name: before.name });
    expect(await getOrganisation(h.database.db)).toMatchObject({
      name: before.name,
      postalAddress: before.postalAddress,
    });

    const branding = await admin.request('PUT', '/api/newsletters/membres/branding', {
      ...BRANDING,
      title: 'La lettre %%CRIEUR_FIRST_NAME%%',
      notice: '<a href="https://x.example">ici</a>',
      welcomeText: 'Bienvenue <b>chez nous</b>',
    });
    expect(branding.json().error.issues.map((i: { path: string }) => i.path)).toEqual([
      'title',
      'notice',
      'welcomeText',
    ]);
    expect(await getNewsletterBranding(h.database.db, 'membres')).toMatchObject({ title: 'La lettre des membres' });
    // nothing refused reached the letters: the composer's preview still compiles
    const preview = await sender.request('POST', '/api/campaigns/preview', {
      kind: 'membres',
      subject: 'Essai',
      blocks: [],
    });
    expect(preview.statusCode).toBe(200);
  });

  it('shows the association’s logo in the public pages’ footer and as the publisher of every article', async () => {
    const footer = (await h.app.inject({ method: 'GET', url: '/subscribe' })).body;
    expect(footer).toContain(`<p class="footer-logo"><img src="/media/${logoId}/w400.webp" alt="" height="48"/></p>`);
    const created = (
      await editor.request('POST', '/api/articles', { title: 'Brouillon', rubrique: 'points-de-vue' })
    ).json().article;
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Bonjour.' }] }] };
    const saved = await editor.request('PUT', `/api/articles/${created.id}`, {
      version: created.version,
      title: 'Les communes et la participation',
      slug: 'communes-participation',
      lede: 'Un entretien.',
      body: doc,
      rubrique: 'points-de-vue',
      authors: ['Léa Martin'],
      tags: [],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    for (const action of ['submit', 'approve', 'publish'])
      expect((await editor.request('POST', `/api/articles/${created.id}/transition`, { action })).statusCode).toBe(200);
    const page = (await h.app.inject({ method: 'GET', url: '/articles/communes-participation' })).body;
    const ld = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page)![1]!);
    expect(ld.publisher).toEqual({
      '@type': 'Organization',
      name: 'ICPC',
      logo: { '@type': 'ImageObject', url: `http://localhost:3000/media/${logoId}/w400.webp` },
    });
    // the logo's file answers, for any site that shows the article's card
    expect((await h.app.inject({ method: 'GET', url: `/media/${logoId}/w400.webp` })).statusCode).toBe(200);
  });

  it('rate-limits the public name per address', async () => {
    const stranger = h.client('203.0.113.40');
    for (let i = 0; i < PUBLIC_NAME_PER_IP_PER_MINUTE; i++)
      expect((await stranger.request('GET', '/api/organisation/public')).statusCode).toBe(200);
    const over = await stranger.request('GET', '/api/organisation/public');
    expect([over.statusCode, over.json().error.code]).toEqual([429, 'RATE_LIMITED']);
  });
});
