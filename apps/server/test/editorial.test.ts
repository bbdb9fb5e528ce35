import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkers } from '@crieur/workers';
import { startHarness, type Client, type Harness } from './harness';
import { frenchTypography as fr } from '@crieur/content/typography';

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe('editorial workflow through the API (PostgreSQL, Redis)', () => {
  let h: Harness;
  let author: Client;
  let otherAuthor: Client;
  let editor: Client;
  let sender: Client;

  beforeAll(async () => {
    h = await startHarness();
    author = h.client();
    otherAuthor = h.client();
    editor = h.client();
    sender = h.client();
    await author.login((await h.createStaff('author')).email);
    await otherAuthor.login((await h.createStaff('author')).email);
    await editor.login((await h.createStaff('editor')).email);
    await sender.login((await h.createStaff('sender')).email);
  });
  afterAll(() => h.close());

  const create = async (c: Client, title: string) =>
    (await c.request('POST', '/api/articles', { title, rubrique: 'points-de-vue' })).json().article;
  const save = (c: Client, a: { id: string; version: number }, patch: Record<string, unknown> = {}) =>
    c.request('PUT', `/api/articles/${a.id}`, {
      version: a.version,
      title: 'Tirer au sort',
      slug: '',
      lede: 'Un chapô',
      body: doc('Le hasard comme garde-fou.'),
      rubrique: 'points-de-vue',
      dossierId: null,
      tags: ['tirage au sort'],
      authors: ['Louis Martin'],
      coverMediaId: null,
      ...patch,
    });

  it('takes an article from draft to published, with the role of each step checked on the server', async () => {
    const draft = await create(author, 'Tirer au sort pour décider mieux ?');
    expect(draft).toMatchObject({
      status: 'draft',
      slug: 'tirer-au-sort-pour-decider-mieux',
      canEdit: true,
      allowedTransitions: ['submit'],
    });
    expect((await sender.request('POST', '/api/articles', { title: 'x', rubrique: 'points-de-vue' })).statusCode).toBe(
      403,
    );
    const saved = (await save(author, draft)).json().article;
    expect(saved).toMatchObject({ version: 2, wordCount: 4, tags: ['tirage au sort'] });
    expect((await save(otherAuthor, saved)).statusCode).toBe(403); // not theirs
    expect(
      (await author.request('POST', `/api/articles/${draft.id}/transition`, { action: 'publish' })).json().error.code,
    ).toBe('TRANSITION_NOT_ALLOWED');
    expect(
      (await author.request('POST', `/api/articles/${draft.id}/transition`, { action: 'submit' })).json().article
        .status,
    ).toBe('in_review');
    expect((await save(author, { id: draft.id, version: 2 })).statusCode).toBe(403); // in review: no longer the author's to edit
    expect(
      (await author.request('POST', `/api/articles/${draft.id}/transition`, { action: 'approve' })).statusCode,
    ).toBe(409);
    await editor.request('POST', `/api/articles/${draft.id}/comments`, { body: 'Beau texte, on publie.' });
    expect(
      (await editor.request('POST', `/api/articles/${draft.id}/transition`, { action: 'approve' })).json().article
        .status,
    ).toBe('approved');
    const published = (
      await editor.request('POST', `/api/articles/${draft.id}/transition`, { action: 'publish' })
    ).json().article;
    expect(published).toMatchObject({
      status: 'published',
      allowedTransitions: ['unpublish'],
      comments: [{ body: 'Beau texte, on publie.' }],
    });

    const page = await h.app.inject({ method: 'GET', url: '/articles/tirer-au-sort' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Le hasard comme garde-fou.');
    expect(page.body).toContain('"@type":"Article"');
    const again = await h.app.inject({
      method: 'GET',
      url: '/articles/tirer-au-sort',
      headers: { 'if-none-match': String(page.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    const feed = await h.app.inject({ method: 'GET', url: '/feed.xml' });
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain('/articles/tirer-au-sort');
    expect((await h.app.inject({ method: 'GET', url: '/sitemap.xml' })).body).toContain('/articles/tirer-au-sort');

    await editor.request('POST', `/api/articles/${draft.id}/transition`, { action: 'unpublish' });
    expect((await h.app.inject({ method: 'GET', url: '/articles/tirer-au-sort' })).statusCode).toBe(404);
  });

  it('refuses a silent overwrite when two people edit the same article', async () => {
    const a = await create(editor, 'Deux plumes');
    const first = await save(editor, a, { title: 'Version de Léa' });
    expect(first.statusCode).toBe(200);
    const notTheirs = await save(author, a, { title: 'Version de Tom' }); // an author edits only their own drafts
    expect(notTheirs.statusCode).toBe(403);
    const other = await save(editor, a, { title: 'Version de Tom' }); // started from the same version
    expect(other.statusCode).toBe(409);
    expect(other.json().error).toMatchObject({ code: 'EDIT_CONFLICT', current: { version: 2 } });
    const revisions = (await editor.request('GET', `/api/articles/${a.id}/revisions`)).json().revisions;
    expect(revisions.map((r: { title: string }) => r.title)).toEqual(['Version de Léa']);
    const current = (await editor.request('GET', `/api/articles/${a.id}`)).json().article;
    expect(current.title).toBe('Version de Léa');
    const restored = await editor.request('POST', `/api/articles/${a.id}/revisions/${revisions[0].id}/restore`, {
      version: current.version,
    });
    expect(restored.json().article.version).toBe(3);
  });

  it('rejects a body with script, event handlers or javascript: links, and never renders them', async () => {
    const a = await create(editor, 'XSS');
    const hostile = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'clic', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }],
        },
      ],
    };
    const res = await save(editor, a, { title: 'XSS', body: hostile });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].path).toMatch(/^body\./);
    const ok = await save(editor, a, {
      title: 'XSS',
      body: doc('<script>alert(1)</script><img src=x onerror=alert(1)>'),
    });
    expect(ok.statusCode).toBe(200);
    const preview = await editor.request('GET', `/api/articles/${a.id}/preview`);
    expect(preview.body).not.toMatch(/<script>alert|<img src=x/);
    expect(preview.body).toContain('&lt;script&gt;');
  });

  it('refuses a wrong field in French, naming it, before touching the article', async () => {
    const noTitle = await editor.request('POST', '/api/articles', { title: '  ', rubrique: 'points-de-vue' });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().error).toMatchObject({
      code: 'VALIDATION',
      message: fr('« titre » : Ce champ est obligatoire.'),
      issues: [{ path: 'title', message: 'Ce champ est obligatoire.' }],
    });
    const unknown = await editor.request('POST', '/api/articles', { title: 'Hors rubrique', rubrique: 'nulle-part' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({
      code: 'VALIDATION',
      message: fr('« rubrique » : Rubrique inconnue.'),
      issues: [{ path: 'rubrique', message: 'Rubrique inconnue.' }],
    });

    const a = await create(editor, 'Une adresse soignée');
    const slug = await save(editor, a, { slug: 'Avec Des Majuscules' });
    expect(slug.statusCode).toBe(400);
    expect(slug.json().error.message).toBe(
      fr('« adresse (slug) » : Lettres minuscules sans accent, chiffres et tirets seulement.'),
    );
    const link = await save(editor, a, {
      body: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'clic', marks: [{ type: 'link', attrs: {} }] }] },
        ],
      },
    });
    expect(link.statusCode).toBe(400);
    expect(link.json().error.message).toMatch(/^«\u202Ftexte › /u);
    expect(link.json().error.issues).toEqual([
      { path: 'body.content.0.content.0.marks.0.attrs.href', message: 'Le lien doit avoir une adresse (href)' },
    ]);
    const past = await editor.request('POST', `/api/articles/${a.id}/transition`, {
      action: 'schedule',
      scheduledAt: 'demain',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.issues).toEqual([{ path: 'scheduledAt', message: 'Date invalide.' }]);
    // nothing was saved by the refused requests
    expect((await editor.request('GET', `/api/articles/${a.id}`)).json().article).toMatchObject({ version: 1 });
  });

  it('publishes a scheduled article even after Redis lost its jobs and the workers restarted', async () => {
    const a = await create(editor, 'Programmé pour plus tard');
    await save(editor, a, { title: 'Programmé pour plus tard' });
    await editor.request('POST', `/api/articles/${a.id}/transition`, { action: 'submit' });
    await editor.request('POST', `/api/articles/${a.id}/transition`, { action: 'approve' });
    const at = new Date(Date.now() + 1500);
    const scheduled = await editor.request('POST', `/api/articles/${a.id}/transition`, {
      action: 'schedule',
      scheduledAt: at.toISOString(),
    });
    expect(scheduled.json()).toMatchObject({ article: { status: 'scheduled' } });
    expect(await h.publishingQueue.count()).toBe(1);
    // Redis loses everything under our prefix, as after FLUSHALL without persistence
    for (const key of await h.redis.keys(`${h.prefix}:*`)) await h.redis.del(key);
    expect(await h.publishingQueue.count()).toBe(0);

    const workers = await startWorkers({
      redisUrl: 'redis://127.0.0.1:6379',
      prefix: h.prefix,
      mode: 'test',
      logger: pino({ level: 'silent' }),
      publishing: { db: h.database.db },
    });
    try {
      for (let i = 0; i < 100; i++) {
        if ((await editor.request('GET', `/api/articles/${a.id}`)).json().article.status === 'published') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const final = (await editor.request('GET', `/api/articles/${a.id}`)).json().article;
      expect(final.status).toBe('published');
      expect(new Date(final.publishedAt).getTime()).toBe(new Date(at.toISOString()).getTime());
      // the worker made the working version the live one, which readers see
      expect(final.live).toMatchObject({ differs: false });
      h.clock.now = new Date();
      const reader = await h.app.inject({ method: 'GET', url: `/articles/${final.slug}` });
      expect(reader.statusCode).toBe(200);
      expect(reader.body).toContain('Le hasard comme garde-fou.');
    } finally {
      await workers.close(5_000);
    }
  });
});
