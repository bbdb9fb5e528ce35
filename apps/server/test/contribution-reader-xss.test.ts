// The XSS corpus in every field of events, offers and members' news, read back as a browser (parse5), a feed reader
// (fast-xml-parser), a search engine (the JSON-LD) and a calendar (node-ical) would read them.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ical from 'node-ical';
import { parse as parseHtml, parseFragment } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frenchTypography as ft } from '@crieur/content';
import { SCRIPT_TEXTS, XML_TEXTS } from '@crieur/content/testing';
import { seedContributions, type SeedContribution } from '@crieur/db/testing';
import { startHarness, type Harness } from './harness';

const PAYLOADS = [...SCRIPT_TEXTS, ...XML_TEXTS];
const NOW = new Date('2027-03-20T09:00:00Z');

type Node = {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
};
const elements = (node: Node): Node[] =>
  (node.childNodes ?? []).flatMap((c) => [...(c.tagName ? [c] : []), ...elements(c)]);
const textOf = (node: Node): string =>
  node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(textOf).join('');
const LIVE = new Set(['iframe', 'frame', 'object', 'embed', 'svg', 'math', 'base', 'template', 'img', 'a']);

/** Inside main: no element a payload could make (img and a only where the page puts them), no handler, no script URL. */
function expectInertMain(html: string) {
  const doc = parseHtml(html) as unknown as Node;
  const all = elements(doc);
  const scripts = all.filter((e) => e.tagName === 'script');
  // the JSON-LD data block at most: never a script a browser would run
  for (const s of scripts) expect(s.attrs?.find((a) => a.name === 'type')?.value).toBe('application/ld+json');
  expect(all.filter((e) => e.tagName === 'style')).toHaveLength(1);
  const main = all.find((e) => e.tagName === 'main')!;
  for (const el of elements(main)) {
    for (const a of el.attrs ?? []) {
      expect(a.name.startsWith('on'), `${el.tagName} ${a.name}`).toBe(false);
      if (['href', 'src', 'srcset', 'action'].includes(a.name)) expect(a.value).not.toMatch(/^\s*javascript:/i);
    }
    if (LIVE.has(el.tagName!) && el.tagName !== 'a' && el.tagName !== 'img') expect.fail(`<${el.tagName}> in main`);
    if (el.tagName === 'img') expect(el.attrs?.find((a) => a.name === 'src')?.value).toMatch(/^\/media\//);
    if (el.tagName === 'a') {
      const href = el.attrs?.find((a) => a.name === 'href')?.value ?? '';
      expect(href).toMatch(/^(\/|https:\/\/exemple\.org\/|webcal:|http:\/\/localhost)/);
    }
  }
  return { doc, all, main };
}

const seeded = (kind: 'event' | 'job' | 'news', p: string, i: number): SeedContribution => ({
  kind,
  status: 'accepted',
  slug: `xss-${kind}-${i}`,
  title: p,
  description: `${p}\n\nalert ${p}`,
  url: 'https://exemple.org/annonce',
  publishAt: new Date(NOW.getTime() - (i + 1) * 60_000),
  ...(kind === 'event'
    ? {
        startsAt: new Date('2027-04-01T08:00:00Z'),
        endsAt: new Date('2027-04-01T10:00:00Z'),
        online: i % 2 === 0,
        place: p,
        organiser: p,
      }
    : kind === 'job'
      ? { organisation: p, place: p, contractType: 'cdi', remote: true, closesOn: '2027-05-01' }
      : { organisation: p }),
});

describe('the XSS corpus in contributions (PostgreSQL)', () => {
  let h: Harness;
  const get = (url: string) => h.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    h = await startHarness();
    h.clock.now = NOW;
    await seedContributions(
      h.database.db,
      PAYLOADS.flatMap((p, i) => [seeded('event', p, i), seeded('job', p, i), seeded('news', p, i)]),
      { now: NOW },
    );
  }, 60_000);
  afterAll(() => h?.close());

  it.each(PAYLOADS.map((p, i) => [i, p] as const))('item pages and their JSON-LD: payload %i', async (i, p) => {
    for (const [path, type] of [
      [`/agenda/xss-event-${i}`, 'Event'],
      [`/offres/xss-job-${i}`, 'JobPosting'],
      [`/actualites-adherents/xss-news-${i}`, 'NewsArticle'],
    ] as const) {
      const res = await get(path);
      expect(res.statusCode).toBe(200);
      const { all, main } = expectInertMain(res.body);
      const h1 = elements(main).find((e) => e.tagName === 'h1')!;
      expect(textOf(h1)).toBe(ft(p));
      const ld = all.find((e) => e.tagName === 'script')!;
      const raw = textOf(ld);
      // nothing in the data block an HTML parser could read as the end of the script or a comment
      expect(raw).not.toMatch(/[<>]/);
      const data = JSON.parse(raw) as Record<string, unknown>;
      expect(data['@type']).toBe(type);
      expect(data[type === 'Event' ? 'name' : type === 'JobPosting' ? 'title' : 'headline']).toBe(p);
    }
  });

  it('lists, search results and the feeds keep every payload as text', async () => {
    for (const path of ['/agenda', '/offres', '/actualites-adherents', '/recherche?q=alert']) {
      const res = await get(path);
      expect(res.statusCode).toBe(200);
      expectInertMain(res.body);
    }
    expect((await get('/recherche?q=alert')).body).toContain('Agenda, offres et actualités');
    for (const path of ['/agenda/feed.xml', '/offres/feed.xml', '/actualites-adherents/feed.xml']) {
      const xml = (await get(path)).body;
      expect(XMLValidator.validate(xml)).toBe(true);
      const feed = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false }).parse(xml) as {
        feed: { entry: { title: { '#text': string }; content: { '#text': string } }[] };
      };
      const titles = feed.feed.entry.map((e) => e.title['#text']);
      for (const p of PAYLOADS) expect(titles).toContain(ft(p));
      for (const e of feed.feed.entry) {
        // the content is HTML once decoded: only paragraphs, line breaks and the item's own link
        const fragment = parseFragment(e.content['#text']) as unknown as Node;
        for (const el of elements(fragment)) expect(['p', 'br', 'a']).toContain(el.tagName);
      }
    }
  });

  it('the calendar carries every payload as text a calendar reads back whole', async () => {
    const parsed = Object.values(ical.sync.parseICS((await get('/agenda.ics')).body)).filter(
      (c): c is ical.VEvent => c?.type === 'VEVENT',
    );
    expect(parsed).toHaveLength(PAYLOADS.length);
    const summaries = parsed.map((e) => String(e.summary));
    // a line separator is a space on the calendar's one-line summary; French typography as on the event's page
    for (const p of PAYLOADS) expect(summaries).toContain(ft(p.replace(/\u2028/g, ' ').trim()));
    const one = ical.sync.parseICS((await get('/agenda/xss-event-0.ics')).body);
    const e = Object.values(one).find((c): c is ical.VEvent => c?.type === 'VEVENT')!;
    expect(String(e.description)).toContain(ft(PAYLOADS[0]!));
  });
});
