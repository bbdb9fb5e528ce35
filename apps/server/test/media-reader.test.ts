import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from './harness';
import { frenchTypography as fr } from '@crieur/content/typography';

describe('media library and reader pages (PostgreSQL)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crieur-media-'));
  let h: Harness;
  let editor: Client;
  const upload = async (body: Buffer, type: string, query: string) => {
    return editor.upload(`/api/media?${query}`, body, type, { 'x-file-name': 'conseil.png' });
  };

  beforeAll(async () => {
    h = await startHarness({ env: { DATA_DIR: dataDir } });
    editor = h.client();
    await editor.login((await h.createStaff('editor')).email);
  });
  afterAll(async () => {
    await h.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores an image with its alt text and serves resized WebP variants without metadata', async () => {
    const png = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: '#1c4fa0' } })
      .png()
      .withMetadata({ exif: { IFD0: { Artist: 'secret' } } })
      .toBuffer();
    const noAlt = await upload(png, 'image/png', 'caption=x'); // alt text is required
    expect([noAlt.statusCode, noAlt.json().error.code]).toEqual([400, 'VALIDATION']);
    expect(noAlt.json().error.message).toBe(fr('« texte alternatif » : Ce champ est obligatoire.'));
    expect((await upload(Buffer.from('not an image'), 'image/png', 'alt=x')).json().error.code).toBe('MEDIA_INVALID');
    const res = await upload(
      png,
      'image/png',
      `alt=${encodeURIComponent('Le conseil municipal en séance')}&caption=${encodeURIComponent('Photo : mairie')}`,
    );
    expect(res.statusCode).toBe(201);
    const media = res.json().media;
    expect(media).toMatchObject({
      alt: 'Le conseil municipal en séance',
      caption: 'Photo : mairie',
      width: 2400,
      height: 1200,
      url: `/media/${media.id}/w1600.webp`,
    });
    const small = await h.app.inject({ method: 'GET', url: media.thumbUrl });
    expect(small.headers['content-type']).toBe('image/webp');
    const meta = await sharp(small.rawPayload).metadata();
    expect([meta.width, meta.height, meta.exif]).toEqual([400, 200, undefined]);
    expect((await h.app.inject({ method: 'GET', url: `/media/${media.id}/w9999.webp` })).statusCode).toBe(404);
  });

  it('shows the current dossier and each rubrique on the home page, in French', async () => {
    const dossier = (
      await editor.request('POST', '/api/dossiers', {
        title: 'Les communes sauveront-elles la démocratie ?',
        lede: 'Enquête.',
      })
    ).json().dossier;
    await editor.request('POST', `/api/dossiers/${dossier.id}/transition`, { action: 'publish', version: 1 });
    const a = (
      await editor.request('POST', '/api/articles', {
        title: 'Budget participatif',
        rubrique: 'sur-le-terrain',
        dossierId: dossier.id,
      })
    ).json().article;
    await editor.request('POST', `/api/articles/${a.id}/transition`, { action: 'submit' });
    await editor.request('POST', `/api/articles/${a.id}/transition`, { action: 'approve' });
    await editor.request('POST', `/api/articles/${a.id}/transition`, { action: 'publish' });
    const home = await h.app.inject({ method: 'GET', url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<html lang="fr"');
    // the current dossier leads the page, its title the page's H1, in French typography
    expect(home.body).toContain('<p class="kicker">Le dossier</p><h1 id="titre">');
    expect(home.body).toContain(
      '<a href="/dossiers/les-communes-sauveront-elles-la-democratie">Les communes sauveront-elles la démocratie\u202f?</a></h1>',
    );
    expect(home.body).toContain('href="/articles/budget-participatif"');
    expect(home.body).toContain('href="/subscribe"');
    expect(home.headers.etag).toBeTruthy();
    const dossierPage = await h.app.inject({
      method: 'GET',
      url: '/dossiers/les-communes-sauveront-elles-la-democratie',
    });
    expect(dossierPage.body).toContain('Budget participatif');
    const rubrique = await h.app.inject({ method: 'GET', url: '/rubriques/sur-le-terrain' });
    expect(rubrique.body).toContain('Budget participatif');
    expect(
      (await h.app.inject({ method: 'GET', url: '/rubriques/inconnue', headers: { accept: 'text/html' } })).statusCode,
    ).toBe(404);
  });

  it('creates, edits and orders a dossier; refuses a wrong field in French, naming it', async () => {
    const created = await editor.request('POST', '/api/dossiers', { title: '  Tirage au sort  ' });
    expect(created.statusCode).toBe(201);
    const dossier = created.json().dossier;
    expect(dossier).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      slug: 'tirage-au-sort',
      title: 'Tirage au sort',
      lede: '',
      editorialNote: { type: 'doc', content: [{ type: 'paragraph' }] },
      coverMediaId: null,
      status: 'draft',
      scheduledAt: null,
      publishedAt: null,
      version: 1,
      updatedAt: expect.any(String),
      updatedBy: expect.any(String),
      articles: [],
      live: null,
    });
    const article = async (title: string) =>
      (
        await editor.request('POST', '/api/articles', { title, rubrique: 'sur-le-terrain', dossierId: dossier.id })
      ).json().article.id as string;
    const [first, second] = [await article('Premier'), await article('Second')];
    const ordered = await editor.request('PUT', `/api/dossiers/${dossier.id}/order`, { articleIds: [second, first] });
    expect(ordered.json().dossier.articles).toEqual([
      { id: second, title: 'Second', status: 'draft', position: 0 },
      { id: first, title: 'Premier', status: 'draft', position: 1 },
    ]);
    const published = await editor.request('POST', `/api/dossiers/${dossier.id}/transition`, {
      action: 'publish',
      version: 1,
    });
    expect(published.json().dossier.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const list = (await editor.request('GET', '/api/dossiers')).json().dossiers;
    expect(list).toContainEqual(expect.objectContaining({ id: dossier.id, articleCount: 2, status: 'published' }));

    const noTitle = await editor.request('POST', '/api/dossiers', { title: ' ', lede: 'Chapô' });
    expect([noTitle.statusCode, noTitle.json().error.code]).toEqual([400, 'VALIDATION']);
    expect(noTitle.json().error.message).toBe(fr('« titre » : Ce champ est obligatoire.'));
    const badSlug = await editor.request('PUT', `/api/dossiers/${dossier.id}`, {
      ...dossier,
      slug: 'Tirage au sort',
    });
    expect(badSlug.json().error.issues).toEqual([
      { path: 'slug', message: 'Lettres minuscules sans accent, chiffres et tirets seulement.' },
    ]);
    const badOrder = await editor.request('PUT', `/api/dossiers/${dossier.id}/order`, { articleIds: ['12'] });
    expect(badOrder.json().error.message).toBe(fr('« articles › 1 » : Identifiant invalide.'));
    const unknown = await editor.request('GET', '/api/dossiers/00000000-0000-4000-8000-000000000000');
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'NOT_FOUND']);
    const malformed = await editor.request('GET', '/api/dossiers/pas-un-id');
    expect([malformed.statusCode, malformed.json().error.issues]).toEqual([
      400,
      [{ path: 'id', message: 'Identifiant invalide.' }],
    ]);
  });
});
