// The XSS corpus typed into every field of published articles, read back through a real XML and HTML parser
// from the feed, the sitemap and the reader pages, as a feed reader or a browser would read them.
import { randomUUID } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseHtml, parseFragment } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frenchTypography as ft } from '@crieur/content';
import { SCRIPT_TEXTS, XML_TEXTS } from '@crieur/content/testing';
import { startHarness, type Client, type Harness } from './harness';

const PUBLIC_URL = 'https://democraties.example';
const PAYLOADS = [...SCRIPT_TEXTS, ...XML_TEXTS];
const RUBRIQUE = 'Points de vue';

/** What each field holds once saved: titles, authors, tags and alt texts are trimmed; tags keep 60 characters. */
const typed = (payload: string) => ({
  title: payload.trim(),
  lede: payload,
  author: payload.trim(),
  tag: payload.slice(0, 60).trim(),
  alt: payload.trim(),
  text: payload,
});

// ---- XML, as fast-xml-parser reads it (entities decoded, nothing trimmed) ----
type XmlElement = { name: string; attrs: Record<string, string>; children: XmlElement[]; text: string };

function xmlElements(nodes: unknown[]): XmlElement[] {
  return nodes.flatMap((node) => {
    const record = node as Record<string, unknown>;
    const name = Object.keys(record).find((key) => key !== ':@');
    if (!name || name === '#text' || name.startsWith('?')) return [];
    const children = record[name] as Record<string, unknown>[];
    const text = children.map((child) => (typeof child['#text'] === 'string' ? child['#text'] : '')).join('');
    return [{ name, attrs: (record[':@'] ?? {}) as Record<string, string>, children: xmlElements(children), text }];
  });
}

function parseXml(xml: string): XmlElement {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
  });
  const roots = xmlElements(parser.parse(xml) as unknown[]);
  expect(roots).toHaveLength(1);
  return roots[0]!;
}

const descendants = (el: XmlElement): XmlElement[] => el.children.flatMap((child) => [child, ...descendants(child)]);
const child = (el: XmlElement, name: string) => el.children.find((c) => c.name === name);

// ---- HTML, as a browser builds it (parse5 follows the HTML standard's parsing algorithm) ----
type HtmlNode = {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  content?: HtmlNode;
};

function htmlElements(node: HtmlNode): HtmlNode[] {
  const inside = [...(node.childNodes ?? []), ...(node.content ? [node.content] : [])];
  return inside.flatMap((c) => [...(c.tagName ? [c] : []), ...htmlElements(c)]);
}
const textOf = (node: HtmlNode): string =>
  node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(textOf).join('');
const attr = (el: HtmlNode, name: string) => el.attrs?.find((a) => a.name === name)?.value;
const URL_ATTRS = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'data']);
const LIVE_TAGS = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'base', 'form', 'template']);

/** No element that runs script or loads a document, no event handler, no script URL. */
function expectNoLiveMarkup(elements: HtmlNode[]) {
  for (const el of elements) {
    expect(LIVE_TAGS).not.toContain(el.tagName);
    for (const a of el.attrs ?? []) {
      expect(a.name).not.toMatch(/^on/i);
      // browsers skip whitespace and control characters in a URL's scheme
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      const url = a.value.replace(/[\s\u0000-\u001f]/g, '');
      if (URL_ATTRS.has(a.name)) expect(url).not.toMatch(/^(javascript|vbscript|data):/i);
    }
  }
}

/** Every page's header holds the site's search form, and only that one: the rest of the page must hold none. */
function withoutSiteSearch(elements: HtmlNode[]): HtmlNode[] {
  const forms = elements.filter((el) => el.tagName === 'form');
  expect(forms.map((el) => [attr(el, 'role'), attr(el, 'action'), attr(el, 'method')])).toEqual([
    ['search', '/recherche', 'get'],
  ]);
  return elements.filter((el) => el !== forms[0]);
}

describe('the XSS corpus through the feed, the sitemap and the reader pages', () => {
  let h: Harness;
  let editor: Client;
  const mediaId = randomUUID();
  const slugs = PAYLOADS.map((_, i) => `corpus-${i}`);

  const publish = async (i: number) => {
    const payload = PAYLOADS[i]!;
    const draft = { title: `Brouillon ${i}`, rubrique: 'points-de-vue' };
    const created = (await editor.request('POST', '/api/articles', draft)).json().article;
    const body = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: payload }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: payload, marks: [{ type: 'bold' }] },
            { type: 'text', text: payload, marks: [{ type: 'link', attrs: { href: 'https://ok.example/page' } }] },
          ],
        },
        {
          type: 'image',
          attrs: { src: `/media/${mediaId}/w1600.webp`, alt: payload, title: payload, caption: payload },
        },
      ],
    };
    const saved = await editor.request('PUT', `/api/articles/${created.id}`, {
      version: created.version,
      title: payload,
      slug: slugs[i],
      lede: payload,
      body,
      rubrique: 'points-de-vue',
      authors: [payload],
      tags: [payload.slice(0, 60)],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    for (const action of ['submit', 'approve', 'publish']) {
      expect((await editor.request('POST', `/api/articles/${created.id}/transition`, { action })).statusCode).toBe(200);
    }
  };

  beforeAll(async () => {
    h = await startHarness({ env: { PUBLIC_URL } });
    editor = h.client();
    await editor.login((await h.createStaff('editor')).email);
    for (let i = 0; i < PAYLOADS.length; i++) await publish(i);
  });
  afterAll(async () => {
    await h.close();
  });

  it('/feed.xml: well-formed Atom, text as text, HTML without live markup, absolute addresses', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/feed.xml' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(res.body).not.toContain('<![CDATA[');
    const feed = parseXml(res.body);
    expect(feed.name).toBe('feed');
    const all = descendants(feed);
    // anything injected into the XML itself would show up as an element or attribute Atom does not have
    const atomElements = ['id', 'title', 'subtitle', 'link', 'updated', 'author', 'name', 'rights', 'entry'];
    atomElements.push('published', 'category', 'summary', 'content');
    for (const el of all) {
      expect(atomElements).toContain(el.name);
      for (const name of Object.keys(el.attrs)) expect(['rel', 'type', 'href', 'term']).toContain(name);
      // a text construct is text or HTML (never xhtml); on a link, type is a media type
      if (el.name !== 'link' && el.attrs.type !== undefined) expect(['text', 'html']).toContain(el.attrs.type);
      if (el.attrs.href !== undefined) expect(el.attrs.href.startsWith(`${PUBLIC_URL}/`)).toBe(true);
      if (el.attrs.type === 'text') expect(el.children).toEqual([]);
      // whatever a feed reader renders as HTML, parsed the way a browser would
      if (el.attrs.type === 'html') expectNoLiveMarkup(htmlElements(parseFragment(el.text) as unknown as HtmlNode));
    }
    expect(Object.keys(feed.attrs).sort()).toEqual(['xml:lang', 'xmlns', 'xmlns:media']);

    const entries = feed.children.filter((el) => el.name === 'entry');
    expect(entries).toHaveLength(PAYLOADS.length);
    for (const [i, payload] of PAYLOADS.entries()) {
      const want = typed(payload);
      const entry = entries.find((e) => child(e, 'id')?.text === `${PUBLIC_URL}/articles/${slugs[i]}`);
      expect(entry, payload).toBeDefined();
      // text shown to readers gets its French typography at render time; attributes stay as typed
      expect(child(entry!, 'title')).toMatchObject({ attrs: { type: 'text' }, text: ft(want.title) });
      expect(child(entry!, 'summary')).toMatchObject({ attrs: { type: 'text' }, text: ft(want.lede) });
      const named = (name: string) => entry!.children.filter((c) => c.name === name);
      expect(named('author').map((a) => child(a, 'name')?.text)).toEqual([want.author]);
      expect(named('category').map((c) => c.attrs.term)).toEqual([RUBRIQUE, want.tag]);

      // the one field sent as HTML: only the body's own elements, addresses absolute, text as typed
      const content = child(entry!, 'content')!;
      expect(content.attrs.type).toBe('html');
      const elements = htmlElements(parseFragment(content.text) as unknown as HtmlNode);
      expectNoLiveMarkup(elements);
      const bodyTags = ['h2', 'p', 'strong', 'a', 'figure', 'img', 'figcaption'];
      for (const el of elements) expect(bodyTags).toContain(el.tagName);
      const tagged = (tag: string) => elements.filter((e) => e.tagName === tag);
      for (const el of tagged('a')) expect(attr(el, 'href')).toBe('https://ok.example/page');
      const img = elements.find((e) => e.tagName === 'img')!;
      expect(attr(img, 'src')).toBe(`${PUBLIC_URL}/media/${mediaId}/w1600.webp`);
      expect([attr(img, 'alt'), attr(img, 'title')]).toEqual([want.alt, want.text]);
      for (const tag of ['h2', 'strong', 'a', 'figcaption']) expect(tagged(tag).map(textOf)).toEqual([ft(want.text)]);
    }
  });

  it('/sitemap.xml: well-formed, only absolute addresses of the pieces', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/sitemap.xml' });
    const urlset = parseXml(res.body);
    expect(urlset.name).toBe('urlset');
    for (const el of descendants(urlset)) expect(['url', 'loc', 'lastmod']).toContain(el.name);
    const locs = descendants(urlset)
      .filter((el) => el.name === 'loc')
      .map((el) => el.text);
    for (const loc of locs) expect(loc.startsWith(`${PUBLIC_URL}/`)).toBe(true);
    for (const slug of slugs) expect(locs).toContain(`${PUBLIC_URL}/articles/${slug}`);
  });

  it('article pages: Open Graph and schema.org read back as typed, and the page holds no live markup', async () => {
    for (const [i, payload] of PAYLOADS.entries()) {
      const want = typed(payload);
      const res = await h.app.inject({ method: 'GET', url: `/articles/${slugs[i]}` });
      expect(res.statusCode).toBe(200);
      const elements = htmlElements(parseHtml(res.body) as unknown as HtmlNode);
      const meta = (key: string) =>
        elements.find((el) => el.tagName === 'meta' && (attr(el, 'property') ?? attr(el, 'name')) === key);
      expect(attr(meta('og:title')!, 'content')).toBe(want.title);
      expect(attr(meta('og:description')!, 'content')).toBe(want.lede);
      expect(attr(meta('description')!, 'content')).toBe(want.lede);
      // the tab's title gets the site's French typography, like the page's H1
      expect(textOf(elements.find((el) => el.tagName === 'title')!)).toBe(`${ft(want.title)} · démocratieS`);
      expect(textOf(elements.find((el) => el.tagName === 'h1')!)).toBe(ft(want.title));

      // the only script is the JSON-LD block, and it is data that reads back as typed
      const scripts = elements.filter((el) => el.tagName === 'script');
      expect(scripts.map((el) => attr(el, 'type'))).toEqual(['application/ld+json']);
      const jsonLd = JSON.parse(textOf(scripts[0]!));
      const author = [{ '@type': 'Person', name: want.author }];
      expect(jsonLd).toMatchObject({ headline: want.title, description: want.lede, author });
      expect(elements.filter((el) => el.tagName === 'style')).toHaveLength(1); // the site's own CSS, in <head>
      expectNoLiveMarkup(withoutSiteSearch(elements).filter((el) => el.tagName !== 'script'));
    }
  });

  it('lists of pieces (home, rubrique) show the typed text as text', async () => {
    for (const url of ['/', '/rubriques/points-de-vue']) {
      const res = await h.app.inject({ method: 'GET', url });
      const elements = htmlElements(parseHtml(res.body) as unknown as HtmlNode);
      expect(elements.filter((el) => el.tagName === 'script')).toEqual([]);
      expect(elements.filter((el) => el.tagName === 'style')).toHaveLength(1);
      expectNoLiveMarkup(withoutSiteSearch(elements));
      const titles = elements.filter((el) => attr(el, 'class') === 'card-title').map(textOf);
      if (url !== '/') expect(titles.sort()).toEqual(PAYLOADS.map((p) => ft(typed(p).title)).sort());
    }
  });
});
