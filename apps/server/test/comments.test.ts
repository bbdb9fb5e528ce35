// The review as a conversation: anchored and general comments, resolve and reopen, who may take part, who is
// told by email (staff_mail rows and their jobs), and the home page's "À relire" and "Mes articles" lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, type Role } from '@crieur/auth';
import { addComment, createUser, findStaffMail, owedStaffMail, setStaffPreferences } from '@crieur/db';
import { createMailQueue, createPublishingQueue, createCampaignQueue, createRedis } from '@crieur/queue';
import { freePort } from './free-port';
import { PASSWORD, startHarness, type Client, type Harness } from './harness';

type Json = Record<string, unknown>;
const anchor = (id: string) => ({ type: 'commentAnchor', attrs: { id } });
/** « Le hasard [comme garde-fou] des assemblées. » with the bracketed words under anchor `id`. */
const anchoredDoc = (id: string) => ({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Le hasard ' },
        { type: 'text', text: 'comme garde-fou', marks: [{ type: 'bold' }, anchor(id)] },
        { type: 'text', text: ' des assemblées.' },
      ],
    },
  ],
});

describe('comments on articles (PostgreSQL, Redis)', () => {
  let h: Harness;
  const people: Record<string, { id: string; client: Client }> = {};

  const person = async (key: string, role: Role, name: string) => {
    const email = `${key}-${Math.random().toString(36).slice(2, 8)}@example.org`;
    const user = await createUser(h.database.db, {
      email,
      name,
      role,
      status: 'active',
      passwordHash: await hashPassword(PASSWORD),
    });
    const client = h.client();
    await client.login(email);
    people[key] = { id: user.id, client };
  };
  const as = (key: string) => people[key]!.client;
  const create = async (key: string, title: string) =>
    (await as(key).request('POST', '/api/articles', { title, rubrique: 'points-de-vue' })).json().article as {
      id: string;
      version: number;
    };
  const saveBody = (key: string, a: { id: string; version: number }, body: unknown, title = 'Tirer au sort') =>
    as(key).request('PUT', `/api/articles/${a.id}`, {
      version: a.version,
      title,
      slug: '',
      lede: '',
      body,
      rubrique: 'points-de-vue',
    });
  const comment = (key: string, articleId: string, body: Json) =>
    as(key).request('POST', `/api/articles/${articleId}/comments`, body);
  /** The review emails written for one comment, by recipient. */
  const mailsFor = async (commentId: number) => {
    const owed = await owedStaffMail(h.database.db, { now: new Date() });
    const rows = await Promise.all(owed.map((o) => findStaffMail(h.database.db, o.staffMailId)));
    return rows.filter((r) => r?.commentId === commentId).map((r) => r!);
  };

  beforeAll(async () => {
    h = await startHarness();
    await person('author', 'author', 'Camille Martin');
    await person('other', 'author', 'Tom Girard');
    await person('editor', 'editor', 'Léa Dubois');
    await person('quiet', 'editor', 'Noé Petit');
    await person('admin', 'admin', 'Inès Roy');
    await person('sender', 'sender', 'Sam Bernard');
    // Noé turned review emails off: never told
    await setStaffPreferences(h.database.db, { userId: people.quiet!.id, notifyReview: false });
  });
  afterAll(() => h.close());

  it('keeps anchored and general comments in time order, with author, passage and kind', async () => {
    const draft = await create('author', 'Tirer au sort');
    const saved = await saveBody('author', draft, anchoredDoc('c-garde-fou'));
    expect(saved.statusCode).toBe(200);
    expect(JSON.stringify(saved.json().article.body)).toContain('"commentAnchor"');

    const anchored = await comment('editor', draft.id, {
      body: 'Formule forte : la garder ?',
      anchorId: 'c-garde-fou',
      quote: 'comme garde-fou',
    });
    expect(anchored.statusCode).toBe(201);
    expect(anchored.json().comment).toMatchObject({
      kind: 'comment',
      author: 'Léa Dubois',
      body: 'Formule forte : la garder ?',
      anchorId: 'c-garde-fou',
      quote: 'comme garde-fou',
      resolvedAt: null,
      resolvedBy: null,
    });
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    const general = await comment('author', draft.id, { body: '  Je reprends la conclusion.  ' });
    expect(general.json().comment).toMatchObject({ anchorId: null, quote: '', body: 'Je reprends la conclusion.' });

    const listed = (await as('author').request('GET', `/api/articles/${draft.id}/comments`)).json().comments;
    expect(listed.map((c: Json) => [c.author, c.anchorId])).toEqual([
      ['Léa Dubois', 'c-garde-fou'],
      ['Camille Martin', null],
    ]);
    expect(new Date(listed[1].at).getTime() - new Date(listed[0].at).getTime()).toBe(60_000);
    // the editor page gets the same conversation with the article
    const detail = (await as('editor').request('GET', `/api/articles/${draft.id}`)).json().article;
    expect(detail.comments).toEqual(listed);
  });

  it('refuses a passage id that is not one, an extract without a passage, and an empty comment', async () => {
    const draft = await create('author', 'Validation');
    for (const body of [
      { body: 'x', anchorId: '"><script>' },
      { body: 'x', quote: 'un extrait' },
      { body: '   ' },
      { body: 'x', anchorId: 'a'.repeat(41) },
    ]) {
      const res = await comment('author', draft.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
    }
    // an anchor id the editor's schema also refuses: the document cannot carry it either
    const bad = await saveBody('author', draft, anchoredDoc('pas un id'), 'Validation');
    expect(bad.statusCode).toBe(400);
  });

  it('lets an author take part only on their own articles, editors and admins on all, senders on none', async () => {
    const mine = await create('author', 'À moi');
    expect((await comment('other', mine.id, { body: 'Intrus' })).statusCode).toBe(403);
    expect((await as('other').request('GET', `/api/articles/${mine.id}/comments`)).statusCode).toBe(403);
    expect((await comment('sender', mine.id, { body: 'Pas mon rôle' })).statusCode).toBe(403);
    expect((await comment('admin', mine.id, { body: 'Vu.' })).statusCode).toBe(201);
    expect((await comment('author', mine.id, { body: 'Merci.' })).statusCode).toBe(201);
    const missing = await comment('editor', '00000000-0000-4000-8000-000000000000', { body: 'x' });
    expect(missing.statusCode).toBe(404);
  });

  it('resolves and reopens, keeping who resolved first; only on the article the comment belongs to', async () => {
    const draft = await create('author', 'À résoudre');
    const other = await create('editor', 'Un autre article');
    const c = (await comment('editor', draft.id, { body: 'Source ?', anchorId: 'src', quote: 'chiffre' })).json()
      .comment;
    const url = (articleId: string, action: string) => `/api/articles/${articleId}/comments/${c.id}/${action}`;

    expect((await as('other').request('POST', url(draft.id, 'resolve'))).statusCode).toBe(403);
    expect((await as('editor').request('POST', url(other.id, 'resolve'))).statusCode).toBe(404);
    const resolved = (await as('author').request('POST', url(draft.id, 'resolve'))).json().comment;
    expect(resolved).toMatchObject({ resolvedBy: 'Camille Martin', resolvedAt: h.clock.now.toISOString() });
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    const twice = (await as('editor').request('POST', url(draft.id, 'resolve'))).json().comment;
    expect(twice).toMatchObject({ resolvedBy: 'Camille Martin', resolvedAt: resolved.resolvedAt });
    const reopened = (await as('editor').request('POST', url(draft.id, 'reopen'))).json().comment;
    expect(reopened).toMatchObject({ resolvedBy: null, resolvedAt: null, anchorId: 'src' });
    expect((await as('editor').request('POST', `/api/articles/${draft.id}/comments/999999/resolve`)).statusCode).toBe(
      404,
    );
  });

  it('tells the owner of an editor’s comment, and the willing editors of the owner’s, by email', async () => {
    const draft = await create('author', 'Qui est prévenu ?');
    const fromEditor = (await comment('editor', draft.id, { body: 'Une remarque' })).json().comment;
    const toOwner = await mailsFor(fromEditor.id);
    expect(toOwner.map((m) => [m.recipientId, m.event, m.actorId, m.articleId])).toEqual([
      [people.author!.id, 'commented', people.editor!.id, draft.id],
    ]);
    expect(await h.mailQueue.getJob(`staff-${toOwner[0]!.id}`)).toBeTruthy();

    const fromOwner = (await comment('author', draft.id, { body: 'Réponse' })).json().comment;
    const toEditors = await mailsFor(fromOwner.id);
    // the admin and Léa; not Noé (emails off), not the author, not the other author or the sender
    expect(toEditors.map((m) => m.recipientId).sort()).toEqual([people.admin!.id, people.editor!.id].sort());
    for (const mail of toEditors) expect(await h.mailQueue.getJob(`staff-${mail.id}`)).toBeTruthy();
  });

  it('never shows the anchors to readers once the article is published', async () => {
    const a = await create('editor', 'Publié avec un passage commenté');
    const saved = (await saveBody('editor', a, anchoredDoc('lecteurs'), 'Garde-fou')).json().article;
    for (const action of ['submit', 'approve', 'publish']) {
      const res = await as('editor').request('POST', `/api/articles/${a.id}/transition`, { action });
      expect(res.statusCode, action).toBe(200);
    }
    const page = await h.app.inject({ method: 'GET', url: `/articles/${saved.slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<strong>comme garde-fou</strong>');
    expect(page.body).not.toContain('data-comment-anchor');
  });

  describe('the home page lists', () => {
    // within the sessions' 12 hours of idle time
    const later = (minutes: number) => {
      h.clock.now = new Date(h.clock.now.getTime() + minutes * 60_000);
      return h.clock.now.toISOString();
    };
    const transition = (key: string, id: string, action: string) =>
      as(key).request('POST', `/api/articles/${id}/transition`, { action });

    it('« À relire »: submissions and proposed updates, oldest first, with the note; editors only', async () => {
      later(1);
      const late = await create('author', 'Envoyé en second');
      const early = await create('other', 'Envoyé en premier');
      const live = await create('editor', 'Déjà en ligne');
      await create('author', 'Encore un brouillon');
      const earlyAt = later(60);
      expect((await transition('other', early.id, 'submit')).statusCode).toBe(200);
      await addComment(h.database.db, {
        articleId: early.id,
        authorId: people.other!.id,
        body: 'Relisez surtout la fin, merci.',
        kind: 'submission',
        now: h.clock.now,
      });
      const lateAt = later(60);
      expect((await transition('author', late.id, 'submit')).statusCode).toBe(200);
      later(60);
      for (const action of ['submit', 'approve', 'publish']) await transition('editor', live.id, action);
      await h.database.db.execute(`update articles set update_in_review = true where id = '${live.id}'`);

      const res = await as('editor').request('GET', '/api/articles/review-queue');
      expect(res.statusCode).toBe(200);
      const queue = res.json().articles as Json[];
      const ours = queue.filter((q) => [late.id, early.id, live.id].includes(q.id as string));
      expect(ours.map((q) => [q.title, q.status, q.updateInReview])).toEqual([
        ['Envoyé en premier', 'in_review', false],
        ['Envoyé en second', 'in_review', false],
        ['Déjà en ligne', 'published', true],
      ]);
      expect(ours[0]).toMatchObject({
        owner: 'Tom Girard',
        authors: ['Tom Girard'],
        note: 'Relisez surtout la fin, merci.',
        sentAt: earlyAt,
      });
      expect(ours[1]).toMatchObject({ owner: 'Camille Martin', note: null, sentAt: lateAt });
      expect(queue.some((q) => q.title === 'Encore un brouillon')).toBe(false);
      expect((await as('author').request('GET', '/api/articles/review-queue')).statusCode).toBe(403);
      expect((await as('admin').request('GET', '/api/articles/review-queue')).statusCode).toBe(200);
    });

    it('« Mes articles »: what I created, last changed first, with the decision note while it is the last word', async () => {
      later(1);
      const sentBack = await create('author', 'Renvoyé avec une note');
      later(60);
      await transition('author', sentBack.id, 'submit');
      await addComment(h.database.db, {
        articleId: sentBack.id,
        authorId: people.editor!.id,
        body: 'Ajoutez une source au deuxième paragraphe.',
        kind: 'changes_requested',
        now: h.clock.now,
      });
      // a plain comment afterwards does not hide the decision
      await comment('author', sentBack.id, { body: 'Je m’en occupe.' });

      const mine = (await as('author').request('GET', '/api/articles/mine')).json().articles as Json[];
      expect(mine[0]).toMatchObject({
        title: 'Renvoyé avec une note',
        status: 'in_review',
        decision: {
          body: 'Ajoutez une source au deuxième paragraphe.',
          by: 'Léa Dubois',
          at: h.clock.now.toISOString(),
        },
      });
      expect(mine.every((a) => a.title !== 'Envoyé en premier')).toBe(true); // Tom's
      expect(mine.some((a) => a.title === 'Encore un brouillon' && a.decision === null)).toBe(true);

      // sent again with a note: the old decision is no longer the last word
      await addComment(h.database.db, {
        articleId: sentBack.id,
        authorId: people.author!.id,
        body: 'Source ajoutée.',
        kind: 'submission',
        now: h.clock.now,
      });
      const again = (await as('author').request('GET', '/api/articles/mine')).json().articles as Json[];
      expect(again.find((a) => a.id === sentBack.id)?.decision).toBeNull();

      const editorsOwn = (await as('editor').request('GET', '/api/articles/mine')).json().articles as Json[];
      expect(editorsOwn.map((a) => a.title)).toContain('Déjà en ligne');
      expect(editorsOwn.map((a) => a.title)).not.toContain('Renvoyé avec une note');
      expect((await as('sender').request('GET', '/api/articles/mine')).statusCode).toBe(403);
    });
  });
});

describe('a comment while Redis is down', () => {
  let h: Harness;
  const closers: (() => Promise<unknown> | void)[] = [];

  beforeAll(async () => {
    const dead = `redis://127.0.0.1:${await freePort()}`;
    // as main.ts builds the server's: fail-fast connections to a port nobody listens on
    const connection = createRedis(dead, 'client');
    const redis = createRedis(dead, 'client');
    for (const c of [connection, redis]) c.on('error', () => undefined);
    const mailQueue = createMailQueue(connection, 'test-dead');
    const publishingQueue = createPublishingQueue(connection, 'test-dead');
    const campaignQueue = createCampaignQueue(connection, 'test-dead');
    for (const q of [mailQueue, publishingQueue, campaignQueue]) {
      q.on('error', () => undefined);
      closers.push(() => q.close());
    }
    closers.push(
      () => connection.disconnect(),
      () => redis.disconnect(),
    );
    h = await startHarness({ deps: { redis, mailQueue, publishingQueue, campaignQueue } });
  });
  afterAll(async () => {
    await h.close();
    for (const close of closers) await close();
  });

  it('is saved and answered at once; its email row waits for the mail reconcile', async () => {
    const author = h.client();
    const editor = h.client();
    const { id: authorId, email } = await h.createStaff('author');
    await author.login(email);
    await editor.login((await h.createStaff('editor')).email);
    const draft = (
      await author.request('POST', '/api/articles', { title: 'Sans Redis', rubrique: 'points-de-vue' })
    ).json().article;
    const start = performance.now();
    const res = await editor.request('POST', `/api/articles/${draft.id}/comments`, { body: 'Toujours là ?' });
    expect(res.statusCode).toBe(201);
    expect(performance.now() - start).toBeLessThan(1_500);
    const owed = await owedStaffMail(h.database.db, { now: new Date() });
    const rows = await Promise.all(owed.map((o) => findStaffMail(h.database.db, o.staffMailId)));
    expect(rows.filter((r) => r?.commentId === res.json().comment.id).map((r) => r!.recipientId)).toEqual([authorId]);
  });
});
