// The public pages' cache on the real server and PostgreSQL. Hits are proven two ways: test routes count how often
// they render (a hit never reaches the route), and the server's own counters (pageCacheStats, never sent to readers).
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticle, listRubriques, setArticleStatus } from '@crieur/db';
import { startHarness, type Client, type Harness } from './harness';

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe('public page cache (PostgreSQL)', () => {
  let h: Harness;
  let editor: Client;
  let admin: Client;
  const renders: Record<string, number> = {};
  const counted = (name: string) => {
    renders[name] = (renders[name] ?? 0) + 1;
    return renders[name];
  };

  beforeAll(async () => {
    h = await startHarness({
      beforeReady: (app) => {
        // routes that count their renders: what the cache keeps and what it must not
        app.get('/essai/public', async (request, reply) => {
          const n = counted(`public${request.url}`);
          // a page long enough to be worth compressing
          if (request.url.includes('long'))
            return reply
              .type('text/html; charset=utf-8')
              .header('cache-control', 'public, max-age=60')
              .send(`<p>${n}</p>`.repeat(500));
          return reply
            .type('text/html; charset=utf-8')
            .header('cache-control', 'public, max-age=60')
            .send(`<p>${n}</p>`);
        });
        app.get('/essai/lent', async (_request, reply) => {
          const n = counted('lent');
          await new Promise((r) => setTimeout(r, 150));
          return reply
            .type('text/html; charset=utf-8')
            .header('cache-control', 'public, max-age=60')
            .send(`<p>${n}</p>`);
        });
        app.get('/essai/cookie', async (_request, reply) => {
          const n = counted('cookie');
          return reply
            .type('text/html; charset=utf-8')
            .header('cache-control', 'public, max-age=60')
            .header('set-cookie', 'essai=1; Path=/')
            .send(`<p>${n}</p>`);
        });
        app.get('/essai/no-store', async (_request, reply) => {
          const n = counted('no-store');
          return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(`<p>${n}</p>`);
        });
        app.get('/essai/prive', async (_request, reply) => {
          const n = counted('prive');
          return reply
            .type('text/html; charset=utf-8')
            .header('cache-control', 'private, max-age=60')
            .send(`<p>${n}</p>`);
        });
        // a personal page that wrongly says public: still never kept
        app.get('/preferences/essai/public', async (_request, reply) => {
          const n = counted('preferences');
          return reply
            .type('text/html; charset=utf-8')
            .header('cache-control', 'public, max-age=60')
            .send(`<p>${n}</p>`);
        });
      },
    });
    editor = h.client();
    admin = h.client();
    await editor.login((await h.createStaff('editor')).email);
    await admin.login((await h.createStaff('admin')).email);
  });
  afterAll(() => h.close());

  const get = (url: string, headers: Record<string, string> = {}) => h.app.inject({ method: 'GET', url, headers });
  const publish = async (title: string, text: string) => {
    const created = await editor.request('POST', '/api/articles', { title, rubrique: 'points-de-vue' });
    const a = created.json().article as { id: string; slug: string; version: number };
    const saved = await editor.request('PUT', `/api/articles/${a.id}`, {
      version: a.version,
      title,
      slug: a.slug,
      lede: `Chapô : ${title}`,
      body: doc(text),
      rubrique: 'points-de-vue',
      tags: ['essai'],
      authors: ['Nora Benali'],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    for (const action of ['submit', 'approve', 'publish']) {
      const res = await editor.request('POST', `/api/articles/${a.id}/transition`, { action });
      expect(res.statusCode, res.body).toBe(200);
    }
    return a;
  };

  it('answers a second GET from memory, with the same headers, helmet’s included', async () => {
    const first = await get('/essai/public');
    const before = h.app.pageCacheStats();
    const second = await get('/essai/public');
    expect(second.body).toBe('<p>1</p>');
    expect(renders['public/essai/public']).toBe(1);
    expect(h.app.pageCacheStats().hits).toBe(before.hits + 1);
    for (const name of [
      'content-security-policy',
      'x-content-type-options',
      'referrer-policy',
      'x-frame-options',
      'content-type',
      'cache-control',
      'etag',
    ]) {
      expect(second.headers[name], name).toBeDefined();
      expect(second.headers[name], name).toBe(first.headers[name]);
    }
    // the query string is part of the address: another page
    expect((await get('/essai/public?page=2')).body).toBe('<p>1</p>');
    expect((await get('/essai/public?page=2')).body).toBe('<p>1</p>');
    expect(renders['public/essai/public?page=2']).toBe(1);
  });

  it('answers 304 to a matching If-None-Match, and HEAD with headers only', async () => {
    const page = await get('/essai/public');
    const etag = page.headers.etag as string;
    const again = await get('/essai/public', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await get('/essai/public', { 'if-none-match': `"autre", W/${etag}` })).statusCode).toBe(304);
    expect((await get('/essai/public', { 'if-none-match': '"autre"' })).statusCode).toBe(200);
    const head = await h.app.inject({ method: 'HEAD', url: '/essai/public' });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers.etag).toBe(etag);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(page.body)));
    expect(head.headers['content-security-policy']).toBeDefined();
    expect(renders['public/essai/public']).toBe(1);
  });

  it('sends the kept page compressed to readers who take gzip, with a tag of its own', async () => {
    const long = '/essai/public?long=1';
    const plain = await get(long);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await get(long, { 'accept-encoding': 'br, gzip;q=0.8' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(plain.body);
    expect(zipped.headers.etag).not.toBe(plain.headers.etag);
    expect((await get(long, { 'if-none-match': zipped.headers.etag as string })).statusCode).toBe(304);
    expect((await get(long, { 'accept-encoding': 'gzip;q=0' })).headers['content-encoding']).toBeUndefined();
    expect(renders['public/essai/public?long=1']).toBe(1);
  });

  it('never keeps an answer with a cookie, no-store, private, or from a personal path', async () => {
    for (const url of ['/essai/cookie', '/essai/no-store', '/essai/prive', '/preferences/essai/public']) {
      const one = await get(url);
      const two = await get(url);
      expect([one.body, two.body], url).toEqual(['<p>1</p>', '<p>2</p>']);
    }
    expect((await get('/essai/cookie')).headers['set-cookie']).toBe('essai=1; Path=/');
  });

  it('renders a page once for concurrent readers', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => get('/essai/lent')));
    expect(answers.map((a) => a.body)).toEqual(Array(6).fill('<p>1</p>'));
    expect(renders.lent).toBe(1);
  });

  it('shows an article published through the studio on the very next view of the home and its rubrique', async () => {
    h.clock.now = new Date('2026-03-02T10:00:00Z');
    await publish('Premier essai en cache', 'Texte du premier essai.');
    for (const url of ['/', '/rubriques/points-de-vue']) {
      expect((await get(url)).body).toContain('Premier essai en cache');
      // warm: the second view is a hit
      const hits = h.app.pageCacheStats().hits;
      expect((await get(url)).statusCode).toBe(200);
      expect(h.app.pageCacheStats().hits, url).toBe(hits + 1);
    }
    await publish('Second essai, tout frais', 'Texte du second essai.');
    for (const url of ['/', '/rubriques/points-de-vue', '/feed.xml']) {
      expect((await get(url)).body, url).toContain('Second essai, tout frais');
    }
  });

  it('shows the organisation’s new name at once', async () => {
    expect((await get('/')).body).not.toContain('Association des essais');
    await get('/');
    const put = await admin.request('PUT', '/api/organisation', { name: 'Association des essais' });
    expect(put.statusCode, put.body).toBe(200);
    expect((await get('/')).body).toContain('Association des essais');
  });

  it('shows a scheduled article once the clock passes its time, with no write', async () => {
    h.clock.now = new Date('2026-03-02T11:00:00Z');
    const { db } = h.database;
    const [rubrique] = (await listRubriques(db)).filter((r) => r.slug === 'points-de-vue');
    const id = await createArticle(db, {
      title: 'Annoncé pour midi',
      slug: 'annonce-pour-midi',
      rubriqueId: rubrique!.id,
      dossierId: null,
      body: doc('Il sera midi.'),
      authors: ['Camille Roux'],
      userId: null,
      now: h.clock.now,
    });
    // what the publishing worker writes at the scheduled time when the clock is a little behind
    await setArticleStatus(db, {
      id,
      from: 'draft',
      to: 'published',
      publishedAt: new Date('2026-03-02T12:00:00Z'),
      userId: null,
      now: h.clock.now,
    });
    await new Promise((r) => setTimeout(r, 1_100)); // the write's own stamp is older than the read below
    expect((await get('/rubriques/points-de-vue')).body).not.toContain('Annoncé pour midi');
    h.clock.now = new Date('2026-03-02T11:59:59.999Z');
    const hits = h.app.pageCacheStats().hits;
    expect((await get('/rubriques/points-de-vue')).body).not.toContain('Annoncé pour midi');
    expect(h.app.pageCacheStats().hits).toBe(hits + 1);
    h.clock.now = new Date('2026-03-02T12:00:00Z');
    expect((await get('/rubriques/points-de-vue')).body).toContain('Annoncé pour midi');
    expect((await get('/articles/annonce-pour-midi')).statusCode).toBe(200);
  });

  it('shows a change written straight into the database (another process) within about a second', async () => {
    const url = '/rubriques/points-de-vue';
    expect((await get(url)).body).not.toContain('Tribunes libres');
    await get(url);
    await h.database.db.execute(`update rubriques set name = 'Tribunes libres' where slug = 'points-de-vue'`);
    const start = performance.now();
    let body = '';
    while (performance.now() - start < 3_000) {
      body = (await get(url)).body;
      if (body.includes('Tribunes libres')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(body).toContain('Tribunes libres');
    expect(performance.now() - start).toBeLessThan(2_000);
  });

  it('renders again, once, after the stamp changes', async () => {
    await get('/essai/public?v=1');
    await get('/essai/public?v=1');
    expect(renders['public/essai/public?v=1']).toBe(1);
    // a write through this process (a staff POST) drops the read stamp: the new one differs, one more render
    await editor.request('POST', '/api/articles', { title: 'Brouillon sans lecteur', rubrique: 'points-de-vue' });
    await get('/essai/public?v=1');
    await get('/essai/public?v=1');
    expect(renders['public/essai/public?v=1']).toBe(2);
  });
});

// the embedded database answers the same stamp (xmin, counts) and sees another process's writes the same way
describe('public page cache (PGlite)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ backend: 'pglite' });
  });
  afterAll(() => h.close());

  it('keeps a page, then shows a change written straight into the database within about a second', async () => {
    const get = (url: string) => h.app.inject({ method: 'GET', url });
    const url = '/rubriques/sur-le-terrain';
    expect((await get(url)).statusCode).toBe(200);
    const hits = h.app.pageCacheStats().hits;
    expect((await get(url)).body).not.toContain('Reportages');
    expect(h.app.pageCacheStats().hits).toBe(hits + 1);
    await h.database.db.execute(`update rubriques set name = 'Reportages' where slug = 'sur-le-terrain'`);
    const start = performance.now();
    let body = '';
    while (performance.now() - start < 3_000 && !body.includes('Reportages')) {
      await new Promise((r) => setTimeout(r, 50));
      body = (await get(url)).body;
    }
    expect(body).toContain('Reportages');
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});
