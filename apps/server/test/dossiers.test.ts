import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDossierJobId } from '@crieur/queue';
import { startWorkers } from '@crieur/workers';
import { startHarness, type Client, type Harness } from './harness';

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

type Dossier = {
  id: string;
  slug: string;
  title: string;
  lede: string;
  version: number;
  editorialNote: unknown;
  coverMediaId: string | null;
};

describe('dossiers like articles (PostgreSQL, Redis)', () => {
  let h: Harness;
  let editor: Client;
  let creator: Client;
  let creatorId: string;
  let author: Client;

  beforeAll(async () => {
    h = await startHarness();
    editor = h.client();
    creator = h.client();
    author = h.client();
    await editor.login((await h.createStaff('editor')).email);
    const second = await h.createStaff('editor');
    creatorId = second.id;
    await creator.login(second.email);
    await author.login((await h.createStaff('author')).email);
  });
  afterAll(() => h.close());

  const createDossier = async (c: Client, title: string): Promise<Dossier> =>
    (await c.request('POST', '/api/dossiers', { title, lede: 'Un chapô.' })).json().dossier;
  const save = (c: Client, d: Dossier, patch: Partial<Dossier> = {}) =>
    c.request('PUT', `/api/dossiers/${d.id}`, {
      version: d.version,
      title: d.title,
      slug: d.slug,
      lede: d.lede,
      editorialNote: d.editorialNote,
      coverMediaId: d.coverMediaId,
      ...patch,
    });
  const transition = (c: Client, d: { id: string; version: number }, action: string, scheduledAt?: string) =>
    c.request('POST', `/api/dossiers/${d.id}/transition`, { action, version: d.version, scheduledAt });
  const createArticle = async (title: string, dossierId: string | null = null) =>
    (await editor.request('POST', '/api/articles', { title, rubrique: 'sur-le-terrain', dossierId })).json().article
      .id as string;
  const publishArticle = async (id: string) => {
    for (const action of ['submit', 'approve', 'publish'])
      await editor.request('POST', `/api/articles/${id}/transition`, { action });
  };
  const page = (slug: string) => h.app.inject({ method: 'GET', url: `/dossiers/${slug}` });
  const rowsOf = async <T>(result: Promise<unknown>) => ((await result) as { rows: T[] }).rows;
  const reviewMail = (dossierId: string) =>
    rowsOf<{ event: string; recipient_id: string }>(
      h.database.db.execute(
        `select event, recipient_id from staff_mail where dossier_id = '${dossierId}' order by created_at, event`,
      ),
    );

  it('links an article to its dossier only once the dossier is published, under its live title', async () => {
    const d = await createDossier(editor, 'Manger, voter');
    const id = await createArticle('Les cantines en débat', d.id);
    await publishArticle(id);
    const slug = (await editor.request('GET', `/api/articles/${id}`)).json().article.slug as string;
    const article = () => h.app.inject({ method: 'GET', url: `/articles/${slug}` });
    expect((await article()).body).not.toContain(`/dossiers/${d.slug}`);
    const published = (await transition(editor, d, 'publish')).json().dossier as Dossier;
    expect((await article()).body).toContain('Manger, voter</a>');
    // a new working title stays in the studio until « Mettre à jour »
    expect((await save(editor, published, { title: 'Titre de travail' })).statusCode).toBe(200);
    const body = (await article()).body;
    expect(body).toContain('Manger, voter</a>');
    expect(body).not.toContain('Titre de travail');
  });

  it('counts every article of each dossier, and those that are published', async () => {
    const d = await createDossier(editor, 'Démocratie du vivant');
    const first = await createArticle('La rivière a-t-elle des droits ?', d.id);
    await createArticle('Parler pour les forêts', d.id);
    await publishArticle(first);
    const list = (await editor.request('GET', '/api/dossiers')).json().dossiers;
    expect(list.find((x: { id: string }) => x.id === d.id)).toMatchObject({
      articleCount: 2,
      publishedCount: 1,
      status: 'draft',
      scheduledAt: null,
    });
  });

  it('adds articles found by title, moves one from another dossier, orders and removes them', async () => {
    const d = await createDossier(editor, 'Les communes sauveront-elles la démocratie ?');
    const other = await createDossier(editor, 'Démocratie alimentaire');
    const free = await createArticle('Budget participatif à Lille');
    const taken = await createArticle('Budget des cantines', other.id);
    await createArticle('Sans rapport');

    const found = await editor.request('GET', `/api/dossiers/${d.id}/candidates?q=budget`);
    // an article in no dossier comes first; the other says which dossier it would leave
    expect(found.json().articles).toEqual([
      { id: free, title: 'Budget participatif à Lille', status: 'draft', dossier: null },
      { id: taken, title: 'Budget des cantines', status: 'draft', dossier: { id: other.id, title: other.title } },
    ]);
    expect((await author.request('GET', `/api/dossiers/${d.id}/candidates?q=budget`)).statusCode).toBe(403);
    expect((await author.request('POST', `/api/dossiers/${d.id}/articles`, { articleId: free })).statusCode).toBe(403);

    const versionBefore = (await editor.request('GET', `/api/articles/${taken}`)).json().article.version;
    const added = await editor.request('POST', `/api/dossiers/${d.id}/articles`, { articleId: free });
    expect(added.json()).toMatchObject({ movedFrom: null, dossier: { articles: [{ id: free, position: 0 }] } });
    const moved = await editor.request('POST', `/api/dossiers/${d.id}/articles`, { articleId: taken });
    expect(moved.json().movedFrom).toBe('Démocratie alimentaire');
    expect(moved.json().dossier.articles.map((a: { id: string }) => a.id)).toEqual([free, taken]);
    // the article's own editor must not silently put it back: its version moved
    expect((await editor.request('GET', `/api/articles/${taken}`)).json().article).toMatchObject({
      version: versionBefore + 1,
      dossier: { id: d.id },
    });
    expect((await editor.request('GET', `/api/dossiers/${other.id}`)).json().dossier.articles).toEqual([]);
    // already in: no longer a candidate
    expect((await editor.request('GET', `/api/dossiers/${d.id}/candidates?q=budget`)).json().articles).toEqual([]);

    const ordered = await editor.request('PUT', `/api/dossiers/${d.id}/order`, { articleIds: [taken, free] });
    expect(ordered.json().dossier.articles.map((a: { id: string }) => a.id)).toEqual([taken, free]);
    const removed = await editor.request('DELETE', `/api/dossiers/${d.id}/articles/${taken}`);
    expect(removed.json().dossier.articles.map((a: { id: string }) => a.id)).toEqual([free]);
    expect((await editor.request('DELETE', `/api/dossiers/${d.id}/articles/${taken}`)).statusCode).toBe(404);
    expect((await editor.request('GET', `/api/articles/${taken}`)).json().article.dossier).toBeNull();
    const list = (await editor.request('GET', '/api/dossiers')).json().dossiers;
    expect(list.find((x: { id: string }) => x.id === d.id).articleCount).toBe(1);
  });

  it('autosaves over the version it started from, keeps each save, and never overwrites someone else’s', async () => {
    const d = await createDossier(editor, 'Tirage au sort');
    const saved = await save(editor, d, { editorialNote: doc('Le hasard comme garde-fou.') });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().dossier).toMatchObject({ version: 2, editorialNote: doc('Le hasard comme garde-fou.') });
    const stale = await save(creator, d, { title: 'Autre titre' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'EDIT_CONFLICT', current: { version: 2 } });
    const revisions = await rowsOf<{ version: number; step: string }>(
      h.database.db.execute(
        `select version, step from dossier_revisions where dossier_id = '${d.id}' order by version`,
      ),
    );
    expect(revisions).toEqual([{ version: 2, step: 'autosave' }]);
    // the note is a document of @crieur/content: a script or an unknown node is refused, naming the place
    const bad = await save(editor, saved.json().dossier, {
      editorialNote: { type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toMatch(/^editorialNote/);
    expect((await save(author, saved.json().dossier, { title: 'x' })).statusCode).toBe(403);
  });

  it('shows readers only the live version until "Mettre à jour"; the preview shows the working one', async () => {
    const d = await createDossier(creator, 'Démocratie et intelligence artificielle');
    const article = await createArticle('Une consultation lue par une machine', d.id);
    await publishArticle(article);
    const first = (await save(creator, d, { editorialNote: doc('Ce que les outils changent.') })).json().dossier;
    expect((await page(d.slug)).statusCode).toBe(404); // a draft
    expect((await transition(editor, d, 'publish')).json().error.code).toBe('EDIT_CONFLICT'); // not what they saw
    const live = (await transition(editor, first, 'publish')).json().dossier;
    expect(live).toMatchObject({ status: 'published', live: { differs: false } });

    const shown = await page(d.slug);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('<p>Ce que les outils changent.</p>');
    expect(shown.body).toContain('Une consultation lue par une machine');

    const working = (
      await save(editor, live, { title: 'BROUILLON NON RELU', editorialNote: doc('Texte en cours.') })
    ).json().dossier;
    expect(working.live).toMatchObject({ differs: true });
    const still = await page(d.slug);
    expect(still.body).toContain('Démocratie et intelligence artificielle');
    expect(still.body).not.toContain('BROUILLON');
    expect(still.body).not.toContain('Texte en cours.');
    const card = (await h.app.inject({ method: 'GET', url: '/' })).body;
    expect(card).not.toContain('BROUILLON');
    const preview = await editor.request('GET', `/api/dossiers/${d.id}/preview`);
    expect(preview.headers['content-type']).toContain('text/html');
    expect(preview.body).toContain('BROUILLON NON RELU');
    expect(preview.body).toContain('<p>Texte en cours.</p>');
    expect(preview.body).toContain('Aperçu de la version de travail');
    expect(preview.body).toContain('noindex');
    // a published dossier keeps its address
    const moved = await save(editor, working, { slug: 'nouvelle-adresse' });
    expect(moved.json().error.issues).toEqual([{ path: 'slug', message: expect.stringContaining('ne change plus') }]);

    const updated = (await transition(editor, working, 'update')).json().dossier;
    expect(updated.live).toMatchObject({ differs: false });
    const after = await page(d.slug);
    expect(after.body).toContain('BROUILLON NON RELU');
    expect(after.body).toContain('<p>Texte en cours.</p>');
    // the creator hears of each publication by someone else
    expect(await reviewMail(d.id)).toEqual([
      { event: 'published', recipient_id: creatorId },
      { event: 'published', recipient_id: creatorId },
    ]);

    expect((await transition(editor, updated, 'unpublish')).json().dossier.status).toBe('draft');
    expect((await page(d.slug)).statusCode).toBe(404);
    expect((await editor.request('GET', '/api/dossiers/pas-un-id/preview')).statusCode).toBe(404);
  });

  it('publishes a scheduled dossier when due, even after Redis lost its job; unschedule takes the date back', async () => {
    const d = await createDossier(creator, 'Démocratie alimentaire, le dossier');
    const past = await transition(editor, d, 'schedule', '2026-03-01T09:00:00.000Z'); // the harness clock: 2 March
    expect(past.json().error.issues).toEqual([
      { path: 'scheduledAt', message: 'Choisissez une date de publication à venir.' },
    ]);
    const later = await transition(editor, d, 'schedule', '2099-01-01T08:00:00.000Z');
    expect(later.json().dossier).toMatchObject({ status: 'draft', scheduledAt: '2099-01-01T08:00:00.000Z' });
    expect((await transition(editor, d, 'unschedule')).json().dossier.scheduledAt).toBeNull();
    expect((await transition(editor, d, 'unschedule')).json().error.code).toBe('TRANSITION_NOT_ALLOWED');

    const at = new Date(Date.now() + 1500);
    const scheduled = await transition(editor, d, 'schedule', at.toISOString());
    expect(scheduled.json().dossier.scheduledAt).toBe(at.toISOString());
    expect(await h.publishingQueue.getJob(publishDossierJobId(d.id, at))).toBeTruthy();
    // Redis loses everything under our prefix, as after FLUSHALL without persistence
    for (const key of await h.redis.keys(`${h.prefix}:*`)) await h.redis.del(key);

    const workers = await startWorkers({
      redisUrl: 'redis://127.0.0.1:6379',
      prefix: h.prefix,
      mode: 'test',
      logger: pino({ level: 'silent' }),
      publishing: { db: h.database.db },
    });
    try {
      let final = (await editor.request('GET', `/api/dossiers/${d.id}`)).json().dossier;
      for (let i = 0; i < 100 && final.status !== 'published'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        final = (await editor.request('GET', `/api/dossiers/${d.id}`)).json().dossier;
      }
      expect(final).toMatchObject({ status: 'published', scheduledAt: null, live: { differs: false } });
      expect(new Date(final.publishedAt).getTime()).toBe(at.getTime());
      expect((await page(d.slug)).statusCode).toBe(200);
    } finally {
      await workers.close(5_000);
    }
    // the creator hears of both schedules and of the publication, made in the name of who scheduled it
    expect(await reviewMail(d.id)).toEqual([
      { event: 'scheduled', recipient_id: creatorId },
      { event: 'scheduled', recipient_id: creatorId },
      { event: 'published', recipient_id: creatorId },
    ]);
  });
});
