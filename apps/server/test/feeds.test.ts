// The Atom feeds as a feed reader sees them: parsed by a maintained feed parser, every address absolute on the site,
// covers as images, titles as plain text, each rubrique's, dossier's and tag's feed holding only its own pieces.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frenchTypography as ft } from '@crieur/content';
import { startHarness, type Client, type Harness } from './harness';

const PUBLIC_URL = 'https://democraties.example';
const MARKUP_TITLE = '<b>Gras</b> & <script>alert(1)</script>';

type Saved = { id: string; slug: string };

describe('Atom feeds, read by a feed reader', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crieur-feeds-'));
  let h: Harness;
  let editor: Client;
  let coverId: string;
  let dossier: { id: string; slug: string; version: number };
  const pieces: Record<string, Saved> = {};

  const uploadCover = async () => {
    const jpeg = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#2a6f4e' } })
      .jpeg()
      .toBuffer();
    const query = new URLSearchParams({ alt: 'Une cantine scolaire à midi', credit: '  Photo : Jeanne Martin  ' });
    const res = await editor.upload(`/api/media?${query}`, jpeg, 'image/jpeg', { 'x-file-name': 'cantine.jpg' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().media as { id: string; credit: string };
  };

  /** A piece saved with every field, then taken through the workflow as far as `until`. */
  const piece = async (
    title: string,
    opts: { rubrique: string; dossierId?: string; cover?: string; tags?: string[]; until: 'draft' | 'publish' },
  ): Promise<Saved> => {
    const created = (await editor.request('POST', '/api/articles', { title, rubrique: opts.rubrique })).json().article;
    const body = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Lire aussi ' },
            { type: 'text', text: 'le rapport', marks: [{ type: 'link', attrs: { href: 'https://ok.example/r' } }] },
          ],
        },
        { type: 'image', attrs: { src: `/media/${coverId}/w1600.webp`, alt: 'Une cantine', title: null } },
      ],
    };
    const saved = await editor.request('PUT', `/api/articles/${created.id}`, {
      version: created.version,
      title,
      slug: '',
      lede: `Le chapô de « ${title} » ; il dit l'essentiel !`,
      body,
      rubrique: opts.rubrique,
      dossierId: opts.dossierId ?? null,
      authors: ['Camille Dupont'],
      tags: opts.tags ?? [],
      coverMediaId: opts.cover ?? null,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    if (opts.until === 'publish')
      for (const action of ['submit', 'approve', 'publish']) {
        const res = await editor.request('POST', `/api/articles/${created.id}/transition`, { action });
        expect(res.statusCode, res.body).toBe(200);
      }
    return { id: created.id, slug: saved.json().article.slug };
  };

  const feed = async (url: string) => {
    const res = await h.app.inject({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(res.headers.etag).toBeDefined();
    return { xml: res.body, parsed: parseFeed(res.body) };
  };
  const slugsIn = (parsed: ReturnType<typeof parseFeed>) =>
    parsed.items.map((item) => item.url?.replace(`${PUBLIC_URL}/articles/`, '')).sort();

  beforeAll(async () => {
    h = await startHarness({ env: { PUBLIC_URL, DATA_DIR: dataDir } });
    editor = h.client();
    await editor.login((await h.createStaff('editor')).email);
    const cover = await uploadCover();
    coverId = cover.id;
    const created = (
      await editor.request('POST', '/api/dossiers', {
        title: 'Démocratie alimentaire',
        lede: 'Qui décide de ce que nous mangeons ?',
      })
    ).json().dossier;
    const published = await editor.request('POST', `/api/dossiers/${created.id}/transition`, {
      action: 'publish',
      version: created.version,
    });
    expect(published.statusCode, published.body).toBe(200);
    dossier = published.json().dossier;

    pieces.markup = await piece(MARKUP_TITLE, {
      rubrique: 'points-de-vue',
      cover: coverId,
      tags: ['Climat'],
      until: 'publish',
    });
    pieces.canteen = await piece('Les cantines : qui décide ?', {
      rubrique: 'sur-le-terrain',
      dossierId: dossier.id,
      cover: coverId,
      until: 'publish',
    });
    pieces.plain = await piece('Sans couverture', { rubrique: 'points-de-vue', until: 'publish' });
    pieces.draft = await piece('Brouillon secret', { rubrique: 'points-de-vue', tags: ['Climat'], until: 'draft' });
    // approved, then scheduled for tomorrow: not public yet
    pieces.later = await piece('Programmé pour demain', {
      rubrique: 'points-de-vue',
      dossierId: dossier.id,
      until: 'draft',
    });
    for (const action of ['submit', 'approve'])
      await editor.request('POST', `/api/articles/${pieces.later.id}/transition`, { action });
    const scheduledAt = new Date(h.clock.now.getTime() + 24 * 3600_000).toISOString();
    const scheduled = await editor.request('POST', `/api/articles/${pieces.later.id}/transition`, {
      action: 'schedule',
      scheduledAt,
    });
    expect(scheduled.json().article.status, scheduled.body).toBe('scheduled');
  });
  afterAll(async () => {
    await h.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the site feed: absolute addresses on the site, plain-text titles, covers as images, French typography', async () => {
    const { xml, parsed } = await feed('/feed.xml');
    expect(parsed.language).toBe('fr');
    expect(parsed.title).toBe('démocratieS');
    expect(parsed.url).toBe(`${PUBLIC_URL}/`);
    expect(parsed.self).toBe(`${PUBLIC_URL}/feed.xml`);
    expect(slugsIn(parsed)).toEqual([pieces.markup!.slug, pieces.canteen!.slug, pieces.plain!.slug].sort());
    expect(xml).not.toContain('Brouillon secret');
    expect(xml).not.toContain('Programmé pour demain');

    const markup = parsed.items.find((i) => i.url === `${PUBLIC_URL}/articles/${pieces.markup!.slug}`)!;
    // the title comes out as the text typed, never as markup a reader would render
    expect(markup.title).toBe(ft(MARKUP_TITLE));
    expect(xml).not.toContain('<b>');
    expect(xml).not.toContain('<script>');
    expect(markup.id).toBe(markup.url);
    expect(markup.authors.map((a) => a.name)).toEqual(['Camille Dupont']);
    expect(markup.categories.map((c) => c.term)).toEqual(['Points de vue', 'Climat']);
    // narrow no-break spaces inside « » and before ; and !, typographic apostrophe
    expect(markup.description).toBe(`Le chapô de «\u202f${ft(MARKUP_TITLE)}\u202f»\u202f; il dit l’essentiel\u202f!`);

    const canteen = parsed.items.find((i) => i.url === `${PUBLIC_URL}/articles/${pieces.canteen!.slug}`)!;
    expect(canteen.title).toBe('Les cantines\u00a0: qui décide\u202f?');
    const image = `${PUBLIC_URL}/media/${coverId}/email.jpg`;
    expect(canteen.image).toMatchObject({ url: image, title: 'Une cantine scolaire à midi' });
    expect(canteen.media.length).toBeGreaterThan(0);
    for (const m of canteen.media) expect(m).toMatchObject({ url: image, type: 'image', mimeType: 'image/jpeg' });
    expect(canteen.media[0]!.length).toBeGreaterThan(1000);
    expect(xml).toContain('<media:credit>Photo\u00a0: Jeanne Martin</media:credit>');
    // the body's image and link, absolute
    expect(canteen.content).toContain(`src="${PUBLIC_URL}/media/${coverId}/w1600.webp"`);
    expect(canteen.content).toContain('href="https://ok.example/r"');
    const plain = parsed.items.find((i) => i.url === `${PUBLIC_URL}/articles/${pieces.plain!.slug}`)!;
    expect([plain.image, plain.media]).toEqual([null, []]);

    // the enclosure is the file it says: a JPEG of that many bytes
    const file = await h.app.inject({ method: 'GET', url: image.replace(PUBLIC_URL, '') });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.rawPayload.length).toBe(canteen.media[0]!.length);

    // every address anywhere in the XML (attributes and the escaped HTML) is absolute, on the site or the link typed
    const addresses = [...xml.matchAll(/(?:href|src|url)=(?:"|&quot;)([^"&]*)/g)].map((m) => m[1]!);
    expect(addresses.length).toBeGreaterThan(10);
    for (const address of addresses)
      expect(address.startsWith(`${PUBLIC_URL}/`) || address === 'https://ok.example/r', address).toBe(true);
  });

  it('a rubrique’s, a dossier’s and a tag’s feed hold only their own published pieces', async () => {
    const rubrique = (await feed('/rubriques/points-de-vue/feed.xml')).parsed;
    expect(slugsIn(rubrique)).toEqual([pieces.markup!.slug, pieces.plain!.slug].sort());
    expect(rubrique.url).toBe(`${PUBLIC_URL}/rubriques/points-de-vue`);
    expect(rubrique.self).toBe(`${PUBLIC_URL}/rubriques/points-de-vue/feed.xml`);
    expect(rubrique.title).toBe('démocratieS · Points de vue');

    const inDossier = (await feed(`/dossiers/${dossier.slug}/feed.xml`)).parsed;
    expect(slugsIn(inDossier)).toEqual([pieces.canteen!.slug]);
    expect(inDossier.title).toBe('démocratieS · Dossier\u00a0: Démocratie alimentaire');
    expect(inDossier.description).toBe('Qui décide de ce que nous mangeons\u202f?');
    expect(inDossier.self).toBe(`${PUBLIC_URL}/dossiers/${dossier.slug}/feed.xml`);

    const tag = (await feed('/mots-cles/climat/feed.xml')).parsed;
    expect(slugsIn(tag)).toEqual([pieces.markup!.slug]);
  });

  it('an unknown rubrique, dossier or tag has no feed; a reader polling again gets a 304', async () => {
    for (const url of ['/rubriques/inconnue/feed.xml', '/dossiers/inconnu/feed.xml', '/mots-cles/inconnu/feed.xml']) {
      const res = await h.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
    }
    const first = await h.app.inject({ method: 'GET', url: '/feed.xml' });
    const again = await h.app.inject({
      method: 'GET',
      url: '/feed.xml',
      headers: { 'if-none-match': first.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
  });
});
