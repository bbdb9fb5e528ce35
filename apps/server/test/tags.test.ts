import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from './harness';

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const XSS_TAG = '<script>alert(1)</script>';

describe('tag pages /mots-cles/:slug (PostgreSQL)', () => {
  let h: Harness;
  let editor: Client;

  beforeAll(async () => {
    h = await startHarness();
    editor = h.client();
    await editor.login((await h.createStaff('editor')).email);
  });
  afterAll(() => h.close());

  type Article = { id: string; version: number; slug: string };
  const save = async (a: Article, title: string, tags: string[]) => {
    const res = await editor.request('PUT', `/api/articles/${a.id}`, {
      version: a.version,
      title,
      slug: '',
      lede: `Chapô de ${title}`,
      body: doc(`Texte de ${title}.`),
      rubrique: 'sur-le-terrain',
      dossierId: null,
      tags,
      authors: ['Léa Dubois'],
      coverMediaId: null,
    });
    expect(res.statusCode).toBe(200);
    return res.json().article as Article;
  };
  const step = async (a: Article, action: string) => {
    const res = await editor.request('POST', `/api/articles/${a.id}/transition`, { action });
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    return res.json().article as Article;
  };
  const article = async (title: string, tags: string[], publish: boolean) => {
    const created = (await editor.request('POST', '/api/articles', { title, rubrique: 'sur-le-terrain' })).json()
      .article as Article;
    let a = await save(created, title, tags);
    if (!publish) return a;
    for (const action of ['submit', 'approve', 'publish']) a = await step(a, action);
    return a;
  };
  const page = (url: string, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...headers } });

  it('lists only the published articles whose live version has the tag', async () => {
    await article('Budget participatif à Saillans', ['Démocratie locale', 'budget'], true);
    await article('Assemblée citoyenne à Grenoble', ['démocratie locale'], true);
    await article('Brouillon sur les communes', ['Démocratie locale'], false);
    // published with another tag; the tag added to its working version is not live until « Mettre à jour »
    let climat = await article('Convention citoyenne pour le climat', ['Climat'], true);
    climat = await save(climat, 'Convention citoyenne pour le climat', ['Climat', 'Démocratie locale']);

    const res = await page('/mots-cles/democratie-locale');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<p class="kicker">Mot-clé</p><h1 id="titre">Démocratie locale</h1>');
    expect(res.body).toContain('<title>Mot-clé\u00a0: Démocratie locale · démocratieS</title>');
    // both spellings of the tag share the slug: both articles are listed, newest first
    expect(res.body).toContain('href="/articles/budget-participatif-a-saillans"');
    expect(res.body).toContain('href="/articles/assemblee-citoyenne-a-grenoble"');
    expect(res.body).not.toContain('Brouillon sur les communes');
    expect(res.body).not.toContain('Convention citoyenne');

    await step(climat, 'update');
    const updated = await page('/mots-cles/democratie-locale');
    expect(updated.body).toContain('href="/articles/convention-citoyenne-pour-le-climat"');
    expect(updated.headers.etag).not.toBe(res.headers.etag);
  });

  it('links the article’s tags to their pages and lists them in the sitemap', async () => {
    const res = await page('/articles/budget-participatif-a-saillans');
    expect(res.body).toContain(
      '<nav class="tags" aria-labelledby="mots-cles"><h2 id="mots-cles">Mots-clés</h2><ul>' +
        '<li><a href="/mots-cles/democratie-locale">Démocratie locale</a></li>' +
        '<li><a href="/mots-cles/budget">budget</a></li></ul></nav>',
    );
    const budget = await page('/mots-cles/budget');
    expect(budget.statusCode).toBe(200);
    expect(budget.body).toContain('href="/articles/budget-participatif-a-saillans"');
    const sitemap = await h.app.inject({ method: 'GET', url: '/sitemap.xml' });
    expect(sitemap.body).toContain('<loc>http://localhost:3000/mots-cles/democratie-locale</loc>');
    expect(sitemap.body).toContain('<loc>http://localhost:3000/mots-cles/budget</loc>');
    expect(sitemap.body).not.toContain('/mots-cles/sans-titre');
  });

  it('answers 404 for a tag no published article has', async () => {
    for (const url of ['/mots-cles/inconnu', '/mots-cles/brouillon', '/mots-cles/%3Cscript%3E']) {
      const res = await page(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('Page introuvable');
    }
    // a tag only in a draft has no page either
    await article('Brouillon seul', ['Brouillon'], false);
    expect((await page('/mots-cles/brouillon')).statusCode).toBe(404);
  });

  it('is cached like the other reader pages', async () => {
    const first = await page('/mots-cles/budget');
    expect(first.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600');
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
    const again = await page('/mots-cles/budget', { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('escapes a tag that looks like markup, on the tag page and the article page', async () => {
    await article('Sécurité des formulaires', [XSS_TAG], true);
    const tagPage = await page('/mots-cles/script-alert-1-script');
    expect(tagPage.statusCode).toBe(200);
    expect(tagPage.body).toContain('<h1 id="titre">&lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(tagPage.body).not.toContain(XSS_TAG);
    const articlePage = await page('/articles/securite-des-formulaires');
    expect(articlePage.body).toContain(
      '<a href="/mots-cles/script-alert-1-script">&lt;script&gt;alert(1)&lt;/script&gt;</a>',
    );
    expect(articlePage.body).not.toContain(XSS_TAG);
  });
});
