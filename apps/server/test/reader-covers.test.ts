import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from './harness';

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe('covers on the reader pages (PostgreSQL)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crieur-covers-'));
  let h: Harness;
  let editor: Client;
  let coverId: string;
  const variant = (w: string) => `/media/${coverId}/${w}.webp`;

  const upload = async (width: number, height: number, alt: string, caption: string) => {
    const png = await sharp({ create: { width, height, channels: 3, background: '#1c4fa0' } })
      .png()
      .toBuffer();
    const res = await editor.upload(
      `/api/media?alt=${encodeURIComponent(alt)}&caption=${encodeURIComponent(caption)}`,
      png,
      'image/png',
    );
    expect(res.statusCode).toBe(201);
    return res.json().media.id as string;
  };
  const publish = async (title: string, cover: string | null, authors: string[]) => {
    const created = (await editor.request('POST', '/api/articles', { title, rubrique: 'points-de-vue' })).json()
      .article;
    const saved = await editor.request('PUT', `/api/articles/${created.id}`, {
      version: created.version,
      title,
      slug: '',
      lede: 'Un chapô.',
      body: doc('Le texte.'),
      rubrique: 'points-de-vue',
      dossierId: null,
      tags: [],
      authors,
      coverMediaId: cover,
    });
    expect(saved.statusCode).toBe(200);
    for (const action of ['submit', 'approve', 'publish']) {
      const res = await editor.request('POST', `/api/articles/${created.id}/transition`, { action });
      expect(res.statusCode, res.body).toBe(200);
    }
    return created.id as string;
  };

  beforeAll(async () => {
    h = await startHarness({ env: { DATA_DIR: dataDir } });
    editor = h.client();
    await editor.login((await h.createStaff('editor')).email);
    coverId = await upload(2400, 1200, 'Des habitant·es votent à main levée', 'Photo : Léa Dubois');
    await publish('Voter à main levée', coverId, ['Camille Martin']);
    await publish('Sans image', null, []);
  });
  afterAll(async () => {
    await h.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the cover in the article header: every variant, its size, alt text and caption', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/articles/voter-a-main-levee' });
    expect(res.statusCode).toBe(200);
    const figure = res.body.match(/<figure class="cover">.*?<\/figure>/)?.[0];
    // WebP variants for the browsers that take them, the email JPEG for the others
    expect(figure).toBe(
      `<figure class="cover"><picture><source type="image/webp" ` +
        `srcSet="${variant('w400')} 400w, ${variant('w800')} 800w, ${variant('w1600')} 1600w" ` +
        'sizes="(min-width: 58rem) 56rem, calc(100vw - 2.5rem)"/>' +
        `<img src="/media/${coverId}/email.jpg" width="1600" height="800" ` +
        'alt="Des habitant·es votent à main levée" fetchPriority="high"/></picture>' +
        '<figcaption>Photo\u00a0: Léa Dubois</figcaption></figure>',
    );
    // under the title and byline, before the text
    expect(res.body.indexOf('<figure class="cover">')).toBeGreaterThan(res.body.indexOf('class="byline"'));
    expect(res.body.indexOf('<figure class="cover">')).toBeLessThan(res.body.indexOf('class="prose"'));
    expect(res.body).toContain('<p class="byline">Par Camille Martin · <time dateTime="2026-03-02T09:00:00.000Z">');
    const none = await h.app.inject({ method: 'GET', url: '/articles/sans-image' });
    expect(none.body).not.toContain('class="cover"');
    // no authors: the date alone, without a separator before it
    expect(none.body).toContain(
      '<p class="byline"><time dateTime="2026-03-02T09:00:00.000Z">2 mars 2026</time> · ' +
        '<span class="reading-time">1\u00a0min de lecture</span></p>',
    );
  });

  it('follows a change of the alt text in the media library', async () => {
    const res = await editor.request('PATCH', `/api/media/${coverId}`, { alt: 'Vote à main levée en assemblée' });
    expect(res.statusCode).toBe(200);
    const page = await h.app.inject({ method: 'GET', url: '/articles/voter-a-main-levee' });
    expect(page.body).toContain('alt="Vote à main levée en assemblée"');
  });

  it('shows covers on the cards, lazy below the top of the home page', async () => {
    const rubrique = await h.app.inject({ method: 'GET', url: '/rubriques/points-de-vue' });
    const cards = rubrique.body.match(/<li[^>]*>.*?<\/li>/g) ?? [];
    const withImage = cards.find((c) => c.includes('voter-a-main-levee'))!;
    expect(withImage).toContain(
      '<article class="card-item with-cover"><a class="card-cover" href="/articles/voter-a-main-levee" ',
    );
    expect(withImage).toContain('tabindex="-1" aria-hidden="true"><picture><source type="image/webp"');
    expect(withImage).toContain(`srcSet="${variant('w400')} 400w, ${variant('w800')} 800w, ${variant('w1600')} 1600w"`);
    // the first row of a rubrique is at the top of its page: loaded at once
    expect(withImage).toContain(`<img src="/media/${coverId}/email.jpg" width="1600" height="800" alt=""`);
    expect(withImage).not.toContain('loading="lazy"');
    expect(withImage).toContain('<p class="byline">Camille Martin · 2 mars 2026</p>');
    expect(cards.find((c) => c.includes('sans-image'))).not.toContain('<img');
    expect(cards.find((c) => c.includes('sans-image'))).toContain('<p class="byline">2 mars 2026</p>');

    // the home page without a current dossier: the newest article leads (its cover first and at once), the cards
    // under it wait to be seen
    const home = await h.app.inject({ method: 'GET', url: '/' });
    const lead = home.body.match(/<section class="lead lead-article".*?<\/section>/)![0];
    const rest = home.body.slice(home.body.indexOf('Derniers articles'));
    const covered = lead.includes('<img')
      ? lead
      : rest.match(/<article class="card-item with-cover">.*?<\/article>/)![0];
    expect(covered).toContain(`src="/media/${coverId}/email.jpg"`);
    if (covered === lead) expect(lead).toContain('fetchPriority="high"');
    else expect(covered).toContain('loading="lazy"');
    expect(lead).not.toContain('loading="lazy"');
  });
});
