// An editor comments a passage of an author's submitted article in Chromium; the comment stays anchored to the
// same words while text is typed around them and after a reload, and resolving it removes the highlight.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, type Role } from '@crieur/auth';
import { addComment, createArticle, createUser, listRubriques, setArticleStatus } from '@crieur/db';
import { PASSWORD, type Harness } from '../harness';
import { login, shoot } from './browser';
import { startE2e, type E2eWorld } from './start-e2e';

const FIRST = 'Le tirage au sort donne une voix à celles et ceux qu’on n’entend jamais.';
const SECOND = 'Les assemblées citoyennes se multiplient en France.';
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/**
 * Puts the caret in a paragraph of the body (one line at this width) at `offset` characters from its start, then
 * selects `length` characters with Shift+→, as a keyboard user would.
 */
async function caret(page: Page, paragraph: number, offset: number, length = 0): Promise<void> {
  await page.locator('.ProseMirror p').nth(paragraph).click();
  await page.keyboard.press('Home');
  for (let i = 0; i < offset; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < length; i++) await page.keyboard.press('Shift+ArrowRight');
}

const highlighted = (page: Page) => page.locator('.ProseMirror .crieur-comment-anchor').allTextContents();

describe('a comment anchored to a passage (Chromium)', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;
  const person = async (role: Role, name: string, email: string) =>
    createUser(h.database.db, { email, name, role, status: 'active', passwordHash: await hashPassword(PASSWORD) });

  beforeAll(async () => {
    world = await startE2e({ realClock: true, browsers: 2 });
    ({ h, base } = world);
  });
  afterAll(() => world?.close());

  it('survives edits around it and a reload, and leaves when resolved', async () => {
    const db = h.database.db;
    const author = await person('author', 'Camille Martin', 'camille@icpc.example');
    const editor = await person('editor', 'Léa Dubois', 'lea@icpc.example');
    const rubriqueId = (await listRubriques(db))[0]!.id;
    const write = async (title: string, by: string) =>
      createArticle(db, {
        title,
        slug: title.toLowerCase().replace(/[^a-z]+/g, '-'),
        rubriqueId,
        dossierId: null,
        body: { type: 'doc', content: [paragraph(FIRST), paragraph(SECOND)] },
        authors: ['Camille Martin'],
        userId: by,
        now: new Date(),
      });
    const id = await write('Tirer au sort les conseils de quartier', author.id);
    await setArticleStatus(db, { id, from: 'draft', to: 'in_review', userId: author.id, now: new Date() });
    await addComment(db, {
      articleId: id,
      authorId: author.id,
      body: 'Je doute du deuxième paragraphe : un avis ?',
      kind: 'submission',
      now: new Date(),
    });
    const sentBack = await write('Budget participatif : le bilan', author.id);
    await addComment(db, {
      articleId: sentBack,
      authorId: editor.id,
      body: 'Ajoutez les chiffres de 2025 et une source pour chacun.',
      kind: 'changes_requested',
      now: new Date(),
    });

    const page = await world.browser.newPage();
    await page.setViewportSize({ width: 1440, height: 1000 });
    await login(page, base, editor.email);
    const queue = page.getByRole('region', { name: 'À relire' });
    await queue.getByText('Je doute du deuxième paragraphe : un avis ?').waitFor();
    await shoot(page, 'home-review-editor-1440.png');
    await queue.getByRole('link', { name: 'Relire « Tirer au sort les conseils de quartier »' }).click();

    const body = page.getByRole('textbox', { name: 'Corps de l’article' });
    await body.waitFor();
    // the keyboard way: Ctrl+Alt+M opens the form; Escape leaves the text as it was
    await caret(page, 1, SECOND.indexOf('se multiplient'), 'se multiplient'.length);
    await page.keyboard.press('Control+Alt+KeyM');
    await page.getByRole('dialog', { name: 'Commenter ce passage' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await highlighted(page)).toEqual([]);

    const at = FIRST.indexOf('une voix');
    await caret(page, 0, at, 'une voix'.length);
    await page.getByRole('button', { name: 'Commenter ce passage' }).waitFor();
    await shoot(page, 'editor-comment-bubble-1440.png', { fullPage: false });
    await page.getByRole('button', { name: 'Commenter ce passage' }).click();
    const dialog = page.getByRole('dialog', { name: 'Commenter ce passage' });
    await dialog.getByRole('textbox', { name: 'Votre commentaire' }).waitFor();
    await shoot(page, 'editor-comment-dialog-1440.png', { fullPage: false });
    await expect(dialog.getByText('une voix', { exact: true }).count()).resolves.toBe(1);
    await dialog
      .getByRole('textbox', { name: 'Votre commentaire' })
      .fill('« Une voix » : laquelle ? Précisez qui parle.');
    await dialog.getByRole('button', { name: 'Commenter', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.ProseMirror .crieur-comment-anchor').first().waitFor();
    expect(await highlighted(page)).toEqual(['une voix']);
    const panel = page.locator('li', { hasText: '« Une voix » : laquelle ? Précisez qui parle.' });
    await panel.getByText('une voix', { exact: true }).waitFor();

    // text typed just before and just after the passage, and in another paragraph
    await caret(page, 0, at);
    await page.keyboard.type('vraiment ');
    await caret(page, 0, at + 'vraiment une voix'.length);
    await page.keyboard.type(' réelle');
    await page.locator('.ProseMirror p').nth(1).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Et ailleurs ?');
    expect(await highlighted(page)).toEqual(['une voix']);
    await page
      .getByText(/Enregistré/)
      .first()
      .waitFor({ timeout: 15_000 });
    await shoot(page, 'editor-anchored-comment-1440.png');

    await page.reload();
    await body.waitFor();
    await page.locator('.ProseMirror .crieur-comment-anchor').first().waitFor();
    expect(await highlighted(page)).toEqual(['une voix']);
    await expect(body.locator('p').first().textContent()).resolves.toBe(
      'Le tirage au sort donne vraiment une voix réelle à celles et ceux qu’on n’entend jamais.',
    );
    await expect(body.locator('p').nth(1).textContent()).resolves.toBe(`${SECOND} Et ailleurs ?`);

    // a click on the words shows their comment in the panel
    await page.locator('.ProseMirror .crieur-comment-anchor').first().click();
    const item = page.locator('li[data-comment-id]', { hasText: 'Précisez qui parle.' });
    await expect(item.getAttribute('aria-current')).resolves.toBe('true');
    await shoot(page, 'comments-panel-1440.png');

    await item.getByRole('button', { name: 'Résoudre' }).click();
    await page.locator('.ProseMirror .crieur-comment-anchor').waitFor({ state: 'detached' });
    expect(await highlighted(page)).toEqual([]);
    await page.reload();
    await body.waitFor();
    await page.getByRole('switch', { name: 'Afficher le commentaire résolu' }).waitFor();
    expect(await highlighted(page)).toEqual([]);
    // the mark stays in the text (reopening brings the highlight back), readers never get it
    const preview = await (await page.context().request.get(`${base}/api/articles/${id}/preview`)).text();
    expect(preview).toContain('vraiment une voix réelle');
    expect(preview).not.toContain('data-comment');

    // the author's home: their articles in words, with the decision note
    const authorPage = await world.browsers[1]!.newPage();
    await authorPage.setViewportSize({ width: 1440, height: 900 });
    await login(authorPage, base, author.email);
    const mine = authorPage.getByRole('region', { name: 'Mes articles' });
    await mine.getByText('Ajoutez les chiffres de 2025 et une source pour chacun.').waitFor();
    await mine.getByText('En relecture par l’équipe éditoriale').waitFor();
    expect(await authorPage.getByRole('region', { name: 'À relire' }).count()).toBe(0);
    await shoot(authorPage, 'home-mine-author-1440.png');
    // two browsers, two reloads and an autosave: slower than the default on a busy machine
  }, 120_000);
});
