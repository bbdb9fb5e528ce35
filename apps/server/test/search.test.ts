// /recherche on the real server: a plain GET form, French counts and words, marked matches, pages, empty states,
// and nothing typed into an article or the query ever becoming markup (read back as a browser parses it).
import { parse as parseHtml } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frenchTypography as ft } from '@crieur/content';
import { seedSearchArticles } from '@crieur/db/testing';
import { SEARCH_PER_IP_PER_MINUTE } from '../src/routes/search-routes';
import { resultCount } from '../src/public/search-page';
import { startHarness, type Client, type Harness } from './harness';

type HtmlNode = {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
};
const elements = (node: HtmlNode): HtmlNode[] =>
  (node.childNodes ?? []).flatMap((c) => [...(c.tagName ? [c] : []), ...elements(c)]);
const textOf = (node: HtmlNode): string =>
  node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(textOf).join('');
const attr = (el: HtmlNode, name: string) => el.attrs?.find((a) => a.name === name)?.value;

/** The page as a browser builds it, with a few finders. */
function page(html: string) {
  const all = elements(parseHtml(html) as unknown as HtmlNode);
  const tagged = (tag: string) => all.filter((e) => e.tagName === tag);
  const main = tagged('main')[0]!;
  const inMain = elements(main);
  return {
    all,
    tagged,
    h1: tagged('h1').map(textOf),
    main,
    inMain,
    results: inMain
      .filter((e) => e.tagName === 'ol' && attr(e, 'class') === 'search-results')
      .flatMap((ol) =>
        elements(ol)
          .filter((e) => e.tagName === 'h2')
          .map(textOf),
      ),
    byClass: (cls: string) => inMain.filter((e) => (attr(e, 'class') ?? '').split(' ').includes(cls)),
  };
}

const XSS_TITLE = 'Truffes : <script>alert(1)</script> et <img src=x onerror=alert(2)>';
const XSS_TEXT = 'Le mot truffe <img src=x onerror=alert(3)> puis </p><script>alert(4)</script> "truffe" & fin';

describe('/recherche', () => {
  let h: Harness;
  let editor: Client;
  const get = (url: string) => h.app.inject({ method: 'GET', url });

  const publish = async (input: {
    title: string;
    lede?: string;
    text: string;
    authors?: string[];
    tags?: string[];
  }) => {
    const created = (
      await editor.request('POST', '/api/articles', { title: 'Brouillon', rubrique: 'points-de-vue' })
    ).json().article;
    const saved = await editor.request('PUT', `/api/articles/${created.id}`, {
      version: created.version,
      title: input.title,
      slug: `piece-${created.id.slice(0, 8)}`,
      lede: input.lede ?? '',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: input.text }] }] },
      rubrique: 'points-de-vue',
      authors: input.authors ?? [],
      tags: input.tags ?? [],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    for (const action of ['submit', 'approve', 'publish']) {
      expect((await editor.request('POST', `/api/articles/${created.id}/transition`, { action })).statusCode).toBe(200);
    }
  };

  beforeAll(async () => {
    h = await startHarness();
    editor = h.client();
    await editor.login((await h.createStaff('editor')).email);
    await publish({
      title: 'Cantines et circuits courts',
      text: 'La démocratie alimentaire se joue à la cantine. Démocratie alimentaire, encore ; démocratie alimentaire !',
    });
    await publish({
      title: 'Démocratie alimentaire : qui décide de ce que nous mangeons ?',
      lede: 'Une enquête dans trois villes.',
      text: 'Des conseils locaux réunissent paysans et mangeurs.',
      authors: ['Hélène Quintard'],
      tags: ['alimentation'],
    });
    await publish({ title: XSS_TITLE, lede: '<b>chapô</b> truffe', text: XSS_TEXT, authors: ['<script>x</script>'] });
    // 25 older pieces on one word, for the pages
    await seedSearchArticles(h.database.db, {
      count: 25,
      now: new Date(h.clock.now.getTime() - 86_400_000),
      make: (n) => ({
        title: `Chronique du bocage n° ${n + 1}`,
        lede: '',
        body: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Les haies du bocage.' }] }],
        },
        authors: ['Camille Roux'],
        tags: [],
      }),
    });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('without a query: an H1, the form, what can be searched and where else to look, no script, not indexed', async () => {
    const res = await get('/recherche');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toMatch(/^public, max-age=\d+/);
    const p = page(res.body);
    expect(p.h1).toEqual(['Rechercher']);
    expect(p.tagged('script')).toEqual([]);
    const robots = p.tagged('meta').find((m) => attr(m, 'name') === 'robots');
    expect(attr(robots!, 'content')).toBe('noindex');
    // the page's own form: GET to /recherche, a labelled search field named q
    const form = p.inMain.find((e) => e.tagName === 'form')!;
    expect([attr(form, 'action'), attr(form, 'method'), attr(form, 'role')]).toEqual(['/recherche', 'get', 'search']);
    const input = elements(form).find((e) => e.tagName === 'input')!;
    expect([attr(input, 'type'), attr(input, 'name'), attr(input, 'value')]).toEqual(['search', 'q', '']);
    const label = elements(form).find((e) => e.tagName === 'label')!;
    expect(attr(label, 'for')).toBe(attr(input, 'id'));
    expect(textOf(p.main)).toContain(ft('Accents et majuscules ne comptent pas'));
    const links = p.inMain.filter((e) => e.tagName === 'a').map((a) => attr(a, 'href'));
    expect(links).toEqual(expect.arrayContaining(['/dossiers', '/rubriques/points-de-vue', '/archive']));
  });

  it('finds « democratie alimentaire » with the titled article first, the count, the query kept, matches marked', async () => {
    const res = await get('/recherche?q=democratie+alimentaire');
    expect(res.statusCode).toBe(200);
    const p = page(res.body);
    expect(p.h1).toEqual([ft('Résultats pour « democratie alimentaire »')]);
    expect(p.h1[0]).toContain('«\u202fdemocratie alimentaire\u202f»');
    expect(p.results[0]).toBe(ft('Démocratie alimentaire : qui décide de ce que nous mangeons ?'));
    expect(p.results).toEqual([p.results[0], ft('Cantines et circuits courts')]);
    expect(p.byClass('search-count').map(textOf)).toEqual(['2 résultats']);
    const input = p.inMain.find((e) => e.tagName === 'input' && attr(e, 'name') === 'q')!;
    expect(attr(input, 'value')).toBe('democratie alimentaire');
    const marks = p.inMain.filter((e) => e.tagName === 'mark').map(textOf);
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks)
      expect(m.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()).toMatch(/^(democratie|alimentaire)$/);
    // the result links to the article, and the article is there
    const href = p.inMain.find((e) => e.tagName === 'a' && textOf(e) === p.results[0])!;
    expect((await get(attr(href, 'href')!)).statusCode).toBe(200);
    // authors and the French date under each result
    expect(textOf(p.main)).toMatch(/Hélène Quintard · 2\smars 2026/);
  });

  it('says « 1 résultat », and « 1 234 résultats » with a narrow no-break space', async () => {
    const p = page((await get('/recherche?q=quintard')).body);
    expect(p.byClass('search-count').map(textOf)).toEqual(['1 résultat']);
    expect(resultCount(1234)).toBe('1\u202f234 résultats');
    expect(resultCount(0)).toBe('Aucun résultat');
  });

  it('escapes what articles and queries hold: no script, no handler, the text shown as typed', async () => {
    for (const url of [
      '/recherche?q=truffe',
      `/recherche?q=${encodeURIComponent('<script>alert(5)</script> truffe')}`,
    ]) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      const p = page(res.body);
      expect(p.tagged('script')).toEqual([]);
      expect(p.inMain.filter((e) => e.tagName === 'img')).toEqual([]);
      for (const el of p.all) for (const a of el.attrs ?? []) expect(a.name).not.toMatch(/^on/i);
      expect(res.body).not.toContain('<script>');
    }
    const p = page((await get('/recherche?q=truffe')).body);
    expect(p.results).toEqual([ft(XSS_TITLE)]);
    const excerpt = p.byClass('search-excerpt').map(textOf).join('');
    expect(excerpt).toContain('<img src=x onerror=alert(3)>');
    expect(p.inMain.filter((e) => e.tagName === 'mark').map(textOf)).toContain('truffe');
    const q = page((await get(`/recherche?q=${encodeURIComponent('<script>alert(5)</script>')}`)).body);
    expect(q.h1[0]).toContain('<script>alert(5)</script>');
  });

  it('pages ten at a time with previous and next links, and reads a bad page number as page 1', async () => {
    const first = page((await get('/recherche?q=bocage')).body);
    expect(first.byClass('search-count').map(textOf)).toEqual(['25 résultats']);
    expect(first.results).toHaveLength(10);
    const nav = first.inMain.find((e) => e.tagName === 'nav' && attr(e, 'aria-label') === 'Pagination')!;
    expect(textOf(nav)).toContain('Page 1 sur 3');
    const links = (n: HtmlNode) =>
      elements(n)
        .filter((e) => e.tagName === 'a')
        .map((a) => [attr(a, 'rel'), attr(a, 'href'), textOf(a)]);
    expect(links(nav)).toEqual([['next', '/recherche?q=bocage&page=2', 'Page suivante →']]);

    const third = page((await get('/recherche?q=bocage&page=3')).body);
    expect(third.results).toEqual([21, 22, 23, 24, 25].map((n) => ft(`Chronique du bocage n° ${n}`)));
    const nav3 = third.inMain.find((e) => e.tagName === 'nav')!;
    expect(textOf(nav3)).toContain('Page 3 sur 3');
    expect(links(nav3)).toEqual([['prev', '/recherche?q=bocage&page=2', '← Page précédente']]);
    const ol = third.inMain.find((e) => e.tagName === 'ol')!;
    expect(attr(ol, 'start')).toBe('21');

    for (const bad of ['abc', '-2', '0', '1.5', '99999999999999999999', '', '2&page=3']) {
      const res = await get(`/recherche?q=bocage&page=${bad}`);
      expect(res.statusCode, bad).toBe(200);
      if (bad !== '2&page=3') expect(page(res.body).results, bad).toEqual(first.results);
    }
    const beyond = await get('/recherche?q=bocage&page=7');
    expect(beyond.statusCode).toBe(200);
    expect(textOf(page(beyond.body).main)).toContain(
      ft("Cette page n'existe pas : les résultats s'arrêtent à la page 3."),
    );
  });

  it('no result: says so, suggests what to try, and where else to look', async () => {
    for (const q of ['zorglub', 'le la de', '!!!', '"', 'x'.repeat(400)]) {
      const res = await get(`/recherche?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      const p = page(res.body);
      expect(p.byClass('search-count').map(textOf), q).toEqual(['Aucun résultat']);
      expect(p.results).toEqual([]);
      expect(textOf(p.main)).toContain('Quelques pistes');
      const links = p.inMain.filter((e) => e.tagName === 'a').map((a) => attr(a, 'href'));
      expect(links).toEqual(expect.arrayContaining(['/dossiers', '/rubriques/sur-le-terrain']));
    }
  });

  it('takes a repeated or odd q without an error', async () => {
    const twice = await get('/recherche?q=bocage&q=zorglub');
    expect(twice.statusCode).toBe(200);
    expect(page(twice.body).byClass('search-count').map(textOf)).toEqual(['25 résultats']);
    expect((await get('/recherche?q[a]=1')).statusCode).toBe(200);
    expect((await get('/recherche?q=%E0%A4%A')).statusCode).toBeLessThan(500);
  });

  // last: it spends this address's searches for the minute
  it('limits the searches one address makes in a minute, in French, but not a search already answered', async () => {
    const html = (url: string) => h.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
    expect((await html('/recherche?q=bocage')).statusCode).toBe(200);
    let refused: Awaited<ReturnType<typeof html>> | undefined;
    for (let i = 0; i <= SEARCH_PER_IP_PER_MINUTE && !refused; i++) {
      const answer = await html(`/recherche?q=haie+${i}`);
      if (answer.statusCode === 429) refused = answer;
    }
    expect(refused?.statusCode).toBe(429);
    expect(refused?.headers['content-type']).toMatch(/text\/html/);
    expect(refused?.body).toContain('lang="fr"');
    // the page cache answers what was already searched, before the limit
    expect((await html('/recherche?q=bocage')).statusCode).toBe(200);
  });
});
