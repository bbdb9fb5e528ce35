// Review as a conversation, by email (issue 14): in Chromium an author sends an article for review with a note and
// the editor gets an email saying so; the editor finds it under « À relire », asks for changes with a note, and the
// author gets that note by email. The mail worker runs beside the server and writes to the outbox folder.
import path from 'node:path';
import { pino } from 'pino';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateUser } from '@crieur/db';
import { createMailer, type Mailer } from '@crieur/mailer';
import { startWorkers, type RunningWorkers } from '@crieur/workers';
import { TEST_LINK_KEY, type Harness } from '../harness';
import { login, shoot } from './browser';
import { outboxEmailsTo } from './outbox';
import { startE2e, type E2eWorld } from './start-e2e';

const TITLE = 'Le budget participatif de Rennes';

describe('review notifications by email (Chromium, outbox, PostgreSQL, Redis)', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;
  let authorBrowser: BrowserContext;
  let editorBrowser: BrowserContext;
  let mailer: Mailer;
  let workers: RunningWorkers;
  let outbox: string;

  const emailsTo = (address: string) => outboxEmailsTo(outbox, address);
  const wide = async (browser: BrowserContext): Promise<Page> => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    return page;
  };

  beforeAll(async () => {
    world = await startE2e({ realClock: true, browsers: 2 });
    ({ h, base } = world);
    [authorBrowser, editorBrowser] = world.browsers as [BrowserContext, BrowserContext];
    outbox = path.join(world.dataDir, 'outbox');
    mailer = createMailer({ outboxDir: outbox });
    workers = await startWorkers({
      redisUrl: 'redis://127.0.0.1:6379',
      prefix: h.prefix,
      mode: 'test',
      logger: pino({ level: 'silent' }),
      mail: { db: h.database.db, mailer, publicUrl: base, linkKey: TEST_LINK_KEY, mailFrom: 'equipe@icpc.example' },
    });
  });
  afterAll(async () => {
    await workers?.close(5_000);
    await mailer?.close();
    await world?.close();
  });

  it('a submission with a note reaches the editor; « Demander des modifications » reaches the author', async () => {
    const author = await h.createStaff('author', 'nora@icpc.example');
    const editor = await h.createStaff('editor', 'lea@icpc.example');
    await updateUser(h.database.db, { id: author.id, name: 'Nora Benali' });
    await updateUser(h.database.db, { id: editor.id, name: 'Léa Dubois' });
    const nora = h.client();
    await nora.login(author.email);
    const created = (await nora.request('POST', '/api/articles', { title: TITLE, rubrique: 'sur-le-terrain' })).json()
      .article as { id: string };

    // the author sends it for review from the editor, with a note
    const page = await wide(authorBrowser);
    await login(page, base, author.email);
    await page.goto(`${base}/studio/editorial/articles/${created.id}`);
    await page.getByRole('button', { name: 'Soumettre à la relecture' }).click();
    const submit = page.getByRole('dialog', { name: 'Soumettre à la relecture' });
    await submit.getByLabel('Note pour l’équipe (facultatif)').fill('Les chiffres de 2025 sont vérifiés.');
    await submit.getByRole('button', { name: 'Soumettre à la relecture' }).click();
    await page.getByRole('button', { name: 'Retirer de la relecture' }).waitFor();

    await expect.poll(async () => (await emailsTo(editor.email)).length, { timeout: 20_000 }).toBe(1);
    const [toEditor] = await emailsTo(editor.email);
    expect(toEditor!.subject).toBe(`À relire\u00a0: «\u202f${TITLE}\u202f»`);
    expect(toEditor!.text).toContain('Nora Benali');
    expect(toEditor!.text).toContain('Les chiffres de 2025 sont vérifiés.');
    expect(toEditor!.text).toContain(`${base}/studio/editorial/articles/${created.id}`);
    expect(await emailsTo(author.email)).toEqual([]); // never the person who acted

    // the editor finds it under « À relire » on the home page and sends it back with a note
    const review = await wide(editorBrowser);
    await login(review, base, editor.email);
    const queue = review.getByRole('region', { name: 'À relire' });
    await queue.getByText('Les chiffres de 2025 sont vérifiés.').waitFor();
    await shoot(review, 'review-home-queue-1440.png', { fullPage: false });
    await queue.getByRole('link', { name: `Relire « ${TITLE} »` }).click();
    await review.getByRole('button', { name: 'Demander des modifications' }).click();
    const ask = review.getByRole('dialog', { name: 'Demander des modifications' });
    await ask.getByLabel('Ce qu’il faut changer').fill('Ajoutez la source du montant voté.');
    await shoot(review, 'review-request-changes-1440.png', { fullPage: false });
    await ask.getByRole('button', { name: 'Demander des modifications' }).click();
    await review.getByText('Demande de modifications envoyée.').waitFor();

    await expect.poll(async () => (await emailsTo(author.email)).length, { timeout: 20_000 }).toBe(1);
    const [toAuthor] = await emailsTo(author.email);
    expect(toAuthor!.subject).toBe(`Modifications demandées\u00a0: «\u202f${TITLE}\u202f»`);
    expect(toAuthor!.text).toContain('Léa Dubois');
    expect(toAuthor!.text).toContain('Ajoutez la source du montant voté.');
    expect(await emailsTo(editor.email)).toHaveLength(1);

    // the author's page is editable again and shows the note in the conversation
    await page.reload();
    await page.getByText('Ajoutez la source du montant voté.').first().waitFor();
    await page.getByRole('button', { name: 'Soumettre à la relecture' }).waitFor();
  }, 120_000);
});
