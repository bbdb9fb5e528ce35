import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailQueue, createPublishingQueue, createRedis } from '@crieur/queue';
import { freePort } from './free-port';
import { startHarness, type Client, type Harness } from './harness';

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe('live and working versions, review notes and notifications (PostgreSQL, Redis)', () => {
  let h: Harness;
  let author: Client;
  let editor: Client;
  let sender: Client;
  const ids = { author: '', editor: '' };

  beforeAll(async () => {
    h = await startHarness();
    [author, editor, sender] = [h.client(), h.client(), h.client()];
    const staff = { author: await h.createStaff('author'), editor: await h.createStaff('editor') };
    ids.author = staff.author.id;
    ids.editor = staff.editor.id;
    await author.login(staff.author.email);
    await editor.login(staff.editor.email);
    await sender.login((await h.createStaff('sender')).email);
  });
  afterAll(() => h.close());

  type Mail = { id: string; event: string; recipient_id: string; comment_id: number | null };
  const mailRows = async (articleId: string, event: string): Promise<Mail[]> =>
    (
      (await h.database.db.execute(
        `select id, event, recipient_id, comment_id from staff_mail
         where article_id = '${articleId}' and event = '${event}' order by created_at`,
      )) as unknown as { rows: Mail[] }
    ).rows;
  const mails = async (articleId: string, event: string) =>
    (await mailRows(articleId, event)).map(({ id: _id, ...rest }) => rest);
  const step = (c: Client, id: string, body: Record<string, unknown>) =>
    c.request('POST', `/api/articles/${id}/transition`, body);
  const get = async (c: Client, id: string) => (await c.request('GET', `/api/articles/${id}`)).json().article;
  const write = async (c: Client, id: string, title: string, text: string) => {
    const current = await get(c, id);
    const res = await c.request('PUT', `/api/articles/${id}`, {
      version: current.version,
      title,
      slug: current.slug,
      lede: `Chapô de ${title}`,
      body: doc(text),
      rubrique: 'points-de-vue',
      tags: ['budget participatif'],
      authors: ['Nora Benali'],
    });
    return res;
  };
  const page = (slug: string) => h.app.inject({ method: 'GET', url: `/articles/${slug}` });
  const publishAs = async (owner: Client, title: string, text: string) => {
    const created = await owner.request('POST', '/api/articles', { title, rubrique: 'points-de-vue' });
    expect(created.json(), created.body).toHaveProperty('article');
    const a = created.json().article;
    expect((await write(owner, a.id, title, text)).statusCode).toBe(200);
    expect((await step(owner, a.id, { action: 'submit', note: 'Prêt pour relecture.' })).statusCode).toBe(200);
    expect((await step(editor, a.id, { action: 'approve' })).statusCode).toBe(200);
    expect((await step(editor, a.id, { action: 'publish' })).statusCode).toBe(200);
    return a as { id: string; slug: string };
  };

  it('shows readers the live version until an editor presses « Mettre à jour »', async () => {
    h.clock.now = new Date('2026-03-02T13:05:00Z');
    const a = await publishAs(editor, 'Le budget participatif', 'Première version du texte.');
    expect((await page(a.slug)).body).toContain('Première version du texte.');
    let detail = await get(editor, a.id);
    expect(detail).toMatchObject({ live: { differs: false }, allowedTransitions: ['unpublish'] });

    h.clock.now = new Date('2026-03-02T14:00:00Z');
    expect((await write(editor, a.id, 'Le budget participatif, corrigé', 'Texte corrigé.')).statusCode).toBe(200);
    detail = await get(editor, a.id);
    expect(detail).toMatchObject({ title: 'Le budget participatif, corrigé', live: { differs: true } });
    expect(detail.allowedTransitions).toEqual(['unpublish', 'update']);
    // readers: page, home, rubrique, feed, newsletter cards all keep the live version
    const before = await page(a.slug);
    expect(before.body).toContain('Première version du texte.');
    expect(before.body).not.toContain('Texte corrigé.');
    for (const url of ['/', '/rubriques/points-de-vue', '/feed.xml']) {
      const body = (await h.app.inject({ method: 'GET', url })).body;
      expect(body, url).toContain('Le budget participatif');
      expect(body, url).not.toContain('corrigé');
    }
    const cards = (await sender.request('GET', '/api/campaigns/articles?q=budget')).json().items;
    expect(cards.map((c: { title: string }) => c.title)).toEqual(['Le budget participatif']);
    expect((await sender.request('GET', '/api/campaigns/articles?q=corrig')).json().items).toEqual([]);
    // staff preview the working version
    expect((await editor.request('GET', `/api/articles/${a.id}/preview`)).body).toContain('Texte corrigé.');

    const updated = (await step(editor, a.id, { action: 'update' })).json().article;
    expect(updated).toMatchObject({ status: 'published', live: { differs: false }, updateInReview: false });
    expect(updated.publishedAt).toBe('2026-03-02T13:05:00.000Z'); // the first publication's date stays
    const after = await page(a.slug);
    expect(after.body).toContain('Texte corrigé.');
    expect(after.body).toContain('Le budget participatif, corrigé');
    expect((await h.app.inject({ method: 'GET', url: '/feed.xml' })).body).toContain('Texte corrigé.');

    const revisions = (await editor.request('GET', `/api/articles/${a.id}/revisions`)).json().revisions;
    expect(revisions.map((r: { step: string; isLive: boolean }) => [r.step, r.isLive])).toEqual([
      ['published', true],
      ['autosave', false],
      ['published', false],
      ['submitted', false],
      ['autosave', false],
    ]);
    const live = (await editor.request('GET', `/api/articles/${a.id}/revisions/${revisions[0].id}`)).json().revision;
    expect(live).toMatchObject({ title: 'Le budget participatif, corrigé', tags: ['budget participatif'] });

    // unpublishing hides the live version but keeps it
    expect((await step(editor, a.id, { action: 'unpublish' })).statusCode).toBe(200);
    expect((await page(a.slug)).statusCode).toBe(404);
    expect((await get(editor, a.id)).live).toMatchObject({ revisionId: revisions[0].id });
  });

  it('does not count a comment anchor as a change readers would see', async () => {
    h.clock.now = new Date('2026-03-02T14:30:00Z');
    const a = await publishAs(editor, 'Le jury citoyen', 'Un jury tiré au sort.');
    const current = await get(editor, a.id);
    const anchored = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Un jury ' },
            { type: 'text', text: 'tiré au sort', marks: [{ type: 'commentAnchor', attrs: { id: 'c1' } }] },
            { type: 'text', text: '.' },
          ],
        },
      ],
    };
    h.clock.now = new Date('2026-03-02T14:35:00Z');
    const saved = await editor.request('PUT', `/api/articles/${a.id}`, {
      version: current.version,
      title: current.title,
      slug: current.slug,
      lede: current.lede,
      body: anchored,
      rubrique: 'points-de-vue',
      tags: current.tags,
      authors: current.authors,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const detail = await get(editor, a.id);
    expect(detail.body).toEqual(anchored);
    expect(detail).toMatchObject({ live: { differs: false } });
    expect(detail.allowedTransitions).not.toContain('update');
  });

  it('sends an author’s changes to a live article through review, with notes and emails', async () => {
    const a = await publishAs(author, 'Les communes', 'Texte publié.');
    const [submission] = (await get(author, a.id)).comments;
    expect(submission).toMatchObject({ kind: 'submission', body: 'Prêt pour relecture.' });
    expect(await mails(a.id, 'submitted')).toEqual([
      { event: 'submitted', recipient_id: ids.editor, comment_id: submission.id },
    ]);
    expect((await mails(a.id, 'approved')).map((m) => m.recipient_id)).toEqual([ids.author]);
    expect((await mails(a.id, 'published')).map((m) => m.recipient_id)).toEqual([ids.author]);

    // the author edits the live article: readers see nothing of it
    expect((await write(author, a.id, 'Les communes', 'Texte revu par l’autrice.')).statusCode).toBe(200);
    expect((await page(a.slug)).body).not.toContain('revu par');
    let mine = await get(author, a.id);
    expect(mine).toMatchObject({ canEdit: true, allowedTransitions: ['submit_update'] });
    expect((await step(author, a.id, { action: 'update' })).json().error.code).toBe('TRANSITION_NOT_ALLOWED');

    mine = (await step(author, a.id, { action: 'submit_update', note: 'Une précision.' })).json().article;
    expect(mine).toMatchObject({ updateInReview: true, canEdit: false, allowedTransitions: ['withdraw'] });
    expect((await write(author, a.id, 'Les communes', 'Encore.')).statusCode).toBe(403);
    expect((await mails(a.id, 'update_submitted')).map((m) => m.recipient_id)).toEqual([ids.editor]);

    const noNote = await step(editor, a.id, { action: 'request_changes' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.issues).toEqual([{ path: 'note', message: 'Dites ce qu’il faut changer.' }]);
    const sentBack = (
      await step(editor, a.id, { action: 'request_changes', note: 'Citez la source, s’il vous plaît.' })
    ).json().article;
    expect(sentBack).toMatchObject({ status: 'published', updateInReview: false, live: { differs: true } });
    const note = sentBack.comments.find((c: { kind: string }) => c.kind === 'changes_requested');
    expect(note.body).toBe('Citez la source, s’il vous plaît.');
    expect(await mails(a.id, 'changes_requested')).toEqual([
      { event: 'changes_requested', recipient_id: ids.author, comment_id: note.id },
    ]);
    expect((await page(a.slug)).body).toContain('Texte publié.');

    await step(author, a.id, { action: 'submit_update' });
    // pages are cached per live version and its date: the update comes later than the first publication
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    expect((await step(editor, a.id, { action: 'update' })).statusCode).toBe(200);
    expect((await page(a.slug)).body).toContain('Texte revu par l’autrice.');
    expect((await mails(a.id, 'published')).map((m) => m.recipient_id)).toEqual([ids.author, ids.author]);
  });

  it('lets an author withdraw a submission with a note, and edit again', async () => {
    const a = (await author.request('POST', '/api/articles', { title: 'Retiré', rubrique: 'points-de-vue' })).json()
      .article;
    await step(author, a.id, { action: 'submit' });
    expect(await mails(a.id, 'submitted')).toEqual([
      { event: 'submitted', recipient_id: ids.editor, comment_id: null },
    ]);
    const back = (await step(author, a.id, { action: 'withdraw', note: 'Je reprends la fin.' })).json().article;
    expect(back).toMatchObject({ status: 'draft', canEdit: true, allowedTransitions: ['submit'] });
    expect(back.comments).toMatchObject([{ kind: 'withdrawn', body: 'Je reprends la fin.' }]);
    const [withdrawn] = await mailRows(a.id, 'withdrawn');
    expect(withdrawn).toMatchObject({ recipient_id: ids.editor, comment_id: back.comments[0].id });
    // queued at once, under the id the mail reconcile also uses
    expect(await h.mailQueue.getJob(`staff-${withdrawn!.id}`)).toBeDefined();
    expect((await write(author, a.id, 'Retiré', 'Une fin reprise.')).statusCode).toBe(200);
    // a note is at most 2,000 characters
    const long = await step(author, a.id, { action: 'submit', note: 'x'.repeat(2001) });
    expect(long.statusCode).toBe(400);
  });
});

describe('review steps while Redis is down', () => {
  let h: Harness;
  const connections: ReturnType<typeof createRedis>[] = [];
  const queues: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    // built as main.ts builds the server's: fail-fast connections to a port nobody listens on
    const dead = `redis://127.0.0.1:${await freePort()}`;
    const [redis, queueConnection] = [createRedis(dead, 'client'), createRedis(dead, 'client')];
    for (const c of [redis, queueConnection]) {
      c.on('error', () => undefined);
      connections.push(c);
    }
    const mailQueue = createMailQueue(queueConnection, 'test-dead');
    const publishingQueue = createPublishingQueue(queueConnection, 'test-dead');
    for (const q of [mailQueue, publishingQueue]) q.on('error', () => undefined);
    queues.push(mailQueue, publishingQueue);
    h = await startHarness({ deps: { redis, mailQueue, publishingQueue } });
  });
  afterAll(async () => {
    for (const q of queues) await q.close();
    for (const c of connections) c.disconnect();
    await h?.close();
  });

  it('takes the step and keeps the emails owed for the mail reconcile, within about a second', async () => {
    const author = h.client();
    await author.login((await h.createStaff('author')).email);
    await h.createStaff('editor');
    const a = (await author.request('POST', '/api/articles', { title: 'Sans Redis', rubrique: 'points-de-vue' })).json()
      .article;
    const start = performance.now();
    const res = await author.request('POST', `/api/articles/${a.id}/transition`, {
      action: 'submit',
      note: 'À relire.',
    });
    expect(performance.now() - start).toBeLessThan(2_000);
    expect(res.statusCode).toBe(200);
    expect(res.json().article.status).toBe('in_review');
    const owed = (await h.database.db.execute(
      `select count(*)::int as n from staff_mail where article_id = '${a.id}' and sent_at is null`,
    )) as unknown as { rows: { n: number }[] };
    expect(owed.rows[0]!.n).toBe(1);
  });
});
