import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from './harness';

// The reader site as a media outlet: the frame of every page, the home page's lead, the cards and their images, the
// article's surroundings (credit, reading time, dossier, « À lire aussi »), the list of dossiers and the feeds' links.

type Node = Record<string, unknown>;
const text = (t: string): Node => ({ type: 'text', text: t });
const paragraph = (t: string): Node => ({ type: 'paragraph', content: [text(t)] });
const words = (n: number) => Array.from({ length: n }, (_, i) => `mot${i}`).join(' ');
const doc = (...paragraphs: string[]) => ({ type: 'doc', content: paragraphs.map(paragraph) });

const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;
/** The article links a reader can reach (cover links are hidden from Tab and screen readers: the title says it). */
const visibleArticleLinks = (html: string) =>
  [...main(html).matchAll(/<a ([^>]*)href="\/articles\/([^"]+)"([^>]*)>/g)]
    .filter((m) => !`${m[1]}${m[3]}`.includes('aria-hidden'))
    .map((m) => m[2]);

describe('the reader site as a media outlet (PostgreSQL)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crieur-layout-'));
  let h: Harness;
  let editor: Client;
  const ids: Record<string, string> = {};
  let dossierSlug = '';
  let dossierId = '';

  const upload = async (alt: string, colour: string) => {
    const png = await sharp({ create: { width: 1800, height: 1200, channels: 3, background: colour } })
      .png()
      .toBuffer();
    const res = await editor.upload(`/api/media?alt=${encodeURIComponent(alt)}`, png, 'image/png');
    expect(res.statusCode, res.body).toBe(201);
    return res.json().media.id as string;
  };
  const publish = async (input: {
    key: string;
    title: string;
    rubrique: string;
    tags?: string[];
    cover?: string | null;
    dossierId?: string | null;
    body?: ReturnType<typeof doc>;
  }) => {
    const answer = await editor.request('POST', '/api/articles', { title: input.title, rubrique: input.rubrique });
    expect(answer.statusCode, answer.body).toBe(201);
    const created = answer.json().article;
    const saved = await editor.request('PUT', `/api/articles/${created.id}`, {
      version: created.version,
      title: input.title,
      slug: '',
      lede: `Le chapô de « ${input.title} ».`,
      body: input.body ?? doc('Un texte court.'),
      rubrique: input.rubrique,
      dossierId: input.dossierId ?? null,
      tags: input.tags ?? [],
      authors: ['Camille Martin'],
      coverMediaId: input.cover ?? null,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    for (const action of ['submit', 'approve', 'publish']) {
      const res = await editor.request('POST', `/api/articles/${created.id}/transition`, { action });
      expect(res.statusCode, res.body).toBe(200);
    }
    ids[input.key] = saved.json().article.slug;
    // each piece a minute after the previous one (the session stays alive): the lists have one order
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
  };
  const get = (url: string) => h.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    h = await startHarness({ env: { DATA_DIR: dataDir } });
    editor = h.client();
    await editor.login((await h.createStaff('editor')).email);
    const dossierCover = await upload('Un potager collectif au pied d’un immeuble', '#3b7a3b');
    const articleCover = await upload('Des parents votent les menus de la cantine', '#1c4fa0');
    expect((await editor.request('PATCH', `/api/media/${articleCover}`, { credit: 'Léa Dubois' })).statusCode).toBe(
      200,
    );
    const cardCover = await upload('Une urne transparente', '#a4161a');

    const created = (
      await editor.request('POST', '/api/dossiers', {
        title: 'Démocratie alimentaire',
        lede: 'Qui décide de nos assiettes ?',
      })
    ).json().dossier;
    const saved = await editor.request('PUT', `/api/dossiers/${created.id}`, {
      version: created.version,
      title: 'Démocratie alimentaire',
      slug: '',
      lede: 'Qui décide de nos assiettes ?',
      editorialNote: doc('Cantines, jardins, marchés.'),
      coverMediaId: dossierCover,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const published = await editor.request('POST', `/api/dossiers/${created.id}/transition`, {
      action: 'publish',
      version: saved.json().dossier.version,
    });
    expect(published.statusCode, published.body).toBe(200);
    dossierId = created.id;
    dossierSlug = saved.json().dossier.slug;

    await publish({
      key: 'tirage',
      title: 'Le tirage au sort en question',
      rubrique: 'points-de-vue',
      tags: ['Alimentation'],
      cover: cardCover,
    });
    await publish({
      key: 'budget',
      title: 'Budget participatif : dix ans après',
      rubrique: 'sur-le-terrain',
      tags: ['Budget'],
    });
    await publish({ key: 'marges', title: 'Les oubliés de la concertation', rubrique: 'dans-les-marges' });
    await publish({
      key: 'cantines',
      title: 'Les cantines reprennent la main',
      rubrique: 'sur-le-terrain',
      tags: ['Alimentation', 'Cantines'],
      cover: articleCover,
      dossierId,
      body: doc(words(700), words(680)),
    });
    await publish({
      key: 'jardins',
      title: 'Jardins partagés : qui décide ?',
      rubrique: 'points-de-vue',
      tags: ['Alimentation'],
      dossierId,
    });
    await publish({ key: 'marche', title: 'Un marché citoyen', rubrique: 'dans-les-marges', dossierId });
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const pages = () => [
    '/',
    `/articles/${ids.cantines}`,
    '/dossiers',
    `/dossiers/${dossierSlug}`,
    '/rubriques/points-de-vue',
    '/mots-cles/alimentation',
    '/articles/introuvable',
    '/subscribe',
  ];

  it('frames every page: skip link first, banner, main navigation, search, one H1, footer links', async () => {
    for (const url of pages()) {
      const res = await get(url);
      expect([200, 404], url).toContain(res.statusCode);
      const body = res.body.slice(res.body.indexOf('<body>'));
      // the skip link is the first thing in the body, and leads to a main that can take the focus
      expect(body, url).toMatch(/^<body><a class="skip-link" href="#contenu">Aller au contenu<\/a>/);
      expect(body, url).toContain('<main id="contenu" tabindex="-1"');
      expect(body, url).toContain('<header class="site" role="banner">');
      expect(body, url).toContain('<nav aria-label="Navigation principale"');
      expect(body, url).toMatch(/<form role="search"[^>]* action="\/recherche" method="get">/);
      expect(body, url).toMatch(
        /<label for="recherche-site"[^>]*>Rechercher un article<\/label><input type="search" id="recherche-site"[^>]* name="q"/,
      );
      for (const [href, label] of [
        ['/rubriques/points-de-vue', 'Points de vue'],
        ['/dossiers', 'Dossiers'],
        ['/archive', 'Les lettres'],
        ['/subscribe', 'S’abonner'],
      ])
        expect(body, url).toContain(`<a href="${href}">${label}</a>`);
      const footer = body.slice(body.indexOf('<footer'));
      expect(footer, url).toContain('role="contentinfo"');
      for (const [href, label] of [
        ['/mentions-legales', 'Mentions légales'],
        ['/confidentialite', 'Confidentialité'],
        ['/contact', 'Contact'],
        ['/archive', 'Les lettres'],
        ['/subscribe', 'S’abonner'],
        ['/feed.xml', 'Flux Atom'],
      ])
        expect(footer, url).toContain(`<a href="${href}">${label}</a>`);
      expect(count(body, /<h1[ >]/g), url).toBe(1);
      // the text face is preloaded and declared from this server
      expect(res.body, url).toMatch(
        /<link rel="preload" href="\/fonts\/[\d.]+\/source-serif-4-latin-wght-normal\.woff2" as="font" type="font\/woff2" crossorigin="anonymous"\/>/,
      );
    }
  });

  it('serves the typeface from this server, cached for a year', async () => {
    const home = await get('/');
    const url = home.body.match(/href="(\/fonts\/[^"]+)" as="font"/)![1]!;
    const font = await get(url);
    expect(font.statusCode).toBe(200);
    expect(font.headers['content-type']).toBe('font/woff2');
    expect(font.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(font.rawPayload.subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(home.body).toContain(`src:url(${url}) format("woff2")`);
    expect(home.body).toMatch(/font-display:swap/);
    expect((await get('/fonts/0.0.0/autre.woff2')).statusCode).toBe(404);
  });

  it('leads the home page with the current dossier, and shows no article twice', async () => {
    const res = await get('/');
    const html = main(res.body);
    // the dossier's title is the page's H1, its cover the first image, loaded at once and first
    expect(html).toMatch(/<h1 id="titre"><a href="\/dossiers\/[^"]+">Démocratie alimentaire<\/a><\/h1>/);
    const lead = html.slice(html.indexOf('<section class="lead'), html.indexOf('</section>'));
    expect(lead).toContain('fetchPriority="high"');
    expect(lead).not.toContain('loading="lazy"');
    expect(lead).toContain('Qui décide de nos assiettes\u202f?');
    const links = visibleArticleLinks(res.body);
    expect(new Set(links).size).toBe(links.length);
    // every published article is somewhere on the page: the dossier's in the lead, the others as cards
    expect(links.sort()).toEqual(Object.values(ids).sort());
    expect(html).toContain('Derniers articles');
  });

  it('shows covers as pictures: WebP sources, a JPEG fallback, a size, lazy below the fold', async () => {
    const res = await get('/rubriques/points-de-vue');
    const card = main(res.body).match(/<article class="card-item with-cover">.*?<\/article>/)![0];
    expect(card).toMatch(
      /<a class="card-cover" href="\/articles\/le-tirage-au-sort-en-question" tabindex="-1" aria-hidden="true"><picture><source type="image\/webp" srcSet="\/media\/[\w-]+\/w400\.webp 400w, \/media\/[\w-]+\/w800\.webp 800w, \/media\/[\w-]+\/w1600\.webp 1600w" sizes="[^"]+"\/><img src="\/media\/[\w-]+\/email\.jpg" width="1600" height="1067" alt=""/,
    );
    const fallback = card.match(/src="(\/media\/[\w-]+\/email\.jpg)"/)![1]!;
    const jpeg = await get(fallback);
    expect(jpeg.statusCode).toBe(200);
    expect(jpeg.headers['content-type']).toBe('image/jpeg');
    // the rubrique's first row is at the top of its page: loaded at once; the home page's cards wait to be seen
    expect(card).not.toContain('loading="lazy"');
    const home = main((await get('/')).body);
    const homeCard = home.slice(home.indexOf('Derniers articles')).match(/<img [^>]*>/)![0];
    expect(homeCard).toContain('loading="lazy"');
  });

  it('gives the article its cover credit, reading time, dossier and « À lire aussi »', async () => {
    const res = await get(`/articles/${ids.cantines}`);
    expect(res.statusCode).toBe(200);
    const html = main(res.body);
    expect(html).toMatch(
      /<figure class="cover"><picture>.*?alt="Des parents votent les menus de la cantine" fetchPriority="high"\/><\/picture><figcaption><span class="credit">Photo\u00a0: Léa Dubois<\/span><\/figcaption><\/figure>/,
    );
    // 1,380 words at 230 a minute
    expect(html).toContain('<span class="reading-time">6\u00a0min de lecture</span>');
    const box = html.slice(html.indexOf('<aside class="dossier-box"'), html.indexOf('</aside>'));
    expect(box).toContain('Démocratie alimentaire');
    expect(box).toContain(`href="/articles/${ids.jardins}"`);
    expect(box).toContain(`href="/articles/${ids.marche}"`);
    expect(box).not.toContain(`href="/articles/${ids.cantines}"`);
    const related = html.slice(html.indexOf('<section class="related"'));
    const relatedLinks = visibleArticleLinks(`<main>${related}</main>`);
    expect(relatedLinks.length).toBeGreaterThan(0);
    expect(relatedLinks.length).toBeLessThanOrEqual(3);
    // the piece sharing a tag first; never the article itself nor its dossier's pieces
    expect(relatedLinks[0]).toBe(ids.tirage);
    for (const own of [ids.cantines, ids.jardins, ids.marche]) expect(relatedLinks).not.toContain(own);
  });

  it('follows a newly published article in « À lire aussi » (the page cache keys on it)', async () => {
    const before = await get(`/articles/${ids.cantines}`);
    expect(before.body).not.toContain('Les cantines de Lyon votent aussi');
    await publish({
      key: 'lyon',
      title: 'Les cantines de Lyon votent aussi',
      rubrique: 'sur-le-terrain',
      tags: ['Cantines'],
    });
    const after = await get(`/articles/${ids.cantines}`);
    const related = visibleArticleLinks(
      `<main>${after.body.slice(after.body.indexOf('<section class="related"'))}</main>`,
    );
    // two shared tags' worth of points beat one
    expect(related[0]).toBe(ids.lyon);
  });

  it('lists every published dossier with its cover, lede and number of articles', async () => {
    const res = await get('/dossiers');
    expect(res.statusCode).toBe(200);
    const html = main(res.body);
    expect(html).toContain('<h1 id="titre">Dossiers</h1>');
    expect(html).toContain(`<a href="/dossiers/${dossierSlug}">Démocratie alimentaire</a>`);
    expect(html).toContain('3\u00a0articles');
    expect(html).toContain('Qui décide de nos assiettes\u202f?');
    expect(html).toContain('<picture>');
  });

  it('links the rubrique and dossier pages to their feeds, each with its H1 and cards', async () => {
    const rubrique = await get('/rubriques/points-de-vue');
    expect(rubrique.body).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Rubrique « Points de vue »" href="/rubriques/points-de-vue/feed.xml"/>',
    );
    expect(main(rubrique.body)).toContain('<h1 id="titre">Points de vue</h1>');
    const dossier = await get(`/dossiers/${dossierSlug}`);
    expect(dossier.body).toContain(`href="/dossiers/${dossierSlug}/feed.xml"`);
    expect(main(dossier.body)).toContain('<h1 id="titre">Démocratie alimentaire</h1>');
    expect(count(main(dossier.body), /class="card-title"/g)).toBe(3);
    const tag = await get('/mots-cles/alimentation');
    expect(main(tag.body)).toContain('<h1 id="titre">Alimentation</h1>');
    const missing = await get('/articles/introuvable');
    expect(missing.statusCode).toBe(404);
    expect(main(missing.body)).toContain('<h1 id="titre">Page introuvable</h1>');
  });

  it('shows each rubrique’s latest under the newest articles, still without repeating one', async () => {
    for (let i = 1; i <= 8; i++)
      await publish({ key: `opinion-${i}`, title: `Tribune numéro ${i}`, rubrique: 'points-de-vue' });
    const res = await get('/');
    const html = main(res.body);
    const links = visibleArticleLinks(res.body);
    expect(new Set(links).size).toBe(links.length);
    const latest = html.slice(html.indexOf('id="derniers-articles"'), html.indexOf('id="rubrique-'));
    expect(count(latest, /class="card-title"/g)).toBe(6);
    const opinions = html.slice(html.indexOf('id="rubrique-points-de-vue"'));
    const section = opinions.slice(0, opinions.indexOf('</section>'));
    expect(section).toContain('<a href="/rubriques/points-de-vue">Points de vue</a>');
    expect(count(section, /class="card-title"/g)).toBe(3);
  });

  it('writes French typography in what it renders: no plain space before « : ; ? ! » or inside « »', async () => {
    for (const url of pages()) {
      const body = (await get(url)).body;
      const visible = body
        .slice(body.indexOf('<body>'))
        .replace(/<[^>]+>/g, ' ')
        .replace(/ {2,}/g, ' ');
      expect(visible, url).not.toMatch(/\w [:;?!]/u);
      expect(visible, url).not.toMatch(/« | »/);
      expect(visible, url).not.toMatch(/\w'\w/);
    }
  });
});
