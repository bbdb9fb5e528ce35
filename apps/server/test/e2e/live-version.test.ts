import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateUser } from '@crieur/db';
import type { Harness } from '../harness';
import { login, shoot } from './browser';
import { startE2e, type E2eWorld } from './start-e2e';

/** The computed text-decoration line of an element (run in the page: no DOM types on the server side). */
const decoration = (element: Locator) =>
  element.evaluate(
    (node) =>
      (globalThis as unknown as { getComputedStyle(n: unknown): { textDecorationLine: string } }).getComputedStyle(node)
        .textDecorationLine,
  );

const paragraphs = (...texts: string[]) => ({
  type: 'doc',
  content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

describe('a live article changes only when an editor says so (Chromium)', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;
  let authorBrowser: BrowserContext;
  let editorBrowser: BrowserContext;

  beforeAll(async () => {
    world = await startE2e({ browsers: 2, realClock: true });
    ({ h, base } = world);
    [authorBrowser, editorBrowser] = world.browsers as [BrowserContext, BrowserContext];
  });
  afterAll(() => world?.close());

  const reader = async (slug: string) => (await fetch(`${base}/articles/${slug}`)).text();
  const wide = async (context: BrowserContext): Promise<Page> => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1440, height: 1000 });
    return page;
  };

  it('an author edits a live article; readers see the change once an editor presses « Mettre à jour »', async () => {
    const author = await h.createStaff('author', 'nora@icpc.example');
    const editor = await h.createStaff('editor', 'lea@icpc.example');
    await updateUser(h.database.db, { id: author.id, name: 'Nora Benali' });
    await updateUser(h.database.db, { id: editor.id, name: 'Léa Dubois' });

    // a piece written, reviewed and published through the API
    const [nora, lea] = [h.client(), h.client()];
    await nora.login(author.email);
    await lea.login(editor.email);
    const created = (
      await nora.request('POST', '/api/articles', { title: 'Le tirage au sort à Grenoble', rubrique: 'sur-le-terrain' })
    ).json().article;
    const saved = await nora.request('PUT', `/api/articles/${created.id}`, {
      version: created.version,
      title: 'Le tirage au sort à Grenoble',
      slug: '',
      lede: 'Un conseil citoyen pas comme les autres.',
      body: paragraphs('Le conseil de quartier est tiré au sort.', 'Il se réunit chaque mois.'),
      rubrique: 'sur-le-terrain',
    });
    expect(saved.statusCode).toBe(200);
    for (const [client, action] of [
      [nora, 'submit'],
      [lea, 'approve'],
      [lea, 'publish'],
    ] as const) {
      expect((await client.request('POST', `/api/articles/${created.id}/transition`, { action })).statusCode).toBe(200);
    }
    const slug: string = created.slug;
    expect(await reader(slug)).toContain('Il se réunit chaque mois.');

    // the author edits the live article in the studio: a new sentence at the end of the first paragraph, the
    // second paragraph's sentence deleted
    const page = await wide(authorBrowser);
    await login(page, base, author.email);
    await page.goto(`${base}/studio/editorial/articles/${created.id}`);
    const banner = page.getByTestId('live-banner');
    await banner
      .getByText(/Vous modifiez la version de travail\s;\sles lecteurs voient la version publiée le/)
      .waitFor();
    await banner.getByText('La version de travail est identique à la version publiée.').waitFor();
    // the editor may still be taking its content when the banner shows: check each keystroke landed, else retry
    const second = page.locator('.ProseMirror p').nth(1);
    for (let attempt = 0; (await second.textContent())?.trim() !== '' && attempt < 5; attempt++) {
      await second.click();
      await page.keyboard.press('End');
      await page.keyboard.press('Shift+Home');
      await page.keyboard.press('Backspace');
      await page.waitForTimeout(200);
    }
    expect((await second.textContent())?.trim()).toBe('');
    await page.locator('.ProseMirror p').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Le mandat dure deux ans.');
    await banner.getByText('La version de travail diffère de la version publiée.').waitFor({ timeout: 15_000 });
    // autosaved, and still invisible to readers
    let published = await reader(slug);
    expect(published).toContain('Il se réunit chaque mois.');
    expect(published).not.toContain('Le mandat dure deux ans.');

    await banner.getByRole('button', { name: 'Voir les différences' }).click();
    const compare = page.getByRole('dialog', { name: 'Comparer deux versions' });
    const diff = compare.getByTestId('version-diff');
    await diff.waitFor();
    expect((await diff.locator('ins').allTextContents()).map((s) => s.trim())).toContain('Le mandat dure deux ans.');
    expect((await diff.locator('del').allTextContents()).map((s) => s.trim())).toContain('Il se réunit chaque mois.');
    // readable without colour: underlined insertions, struck-through deletions
    expect(await decoration(diff.locator('ins').first())).toBe('underline');
    expect(await decoration(diff.locator('del').first())).toBe('line-through');
    await shoot(page, 'studio-version-compare.png', { fullPage: false });
    await compare.getByRole('button', { name: 'Fermer la fenêtre' }).click();

    await page.getByRole('button', { name: 'Proposer ces modifications' }).click();
    const propose = page.getByRole('dialog', { name: 'Proposer ces modifications' });
    await propose.getByLabel('Note pour l’équipe (facultatif)').fill('J’ai précisé la durée du mandat.');
    await propose.getByRole('button', { name: 'Proposer ces modifications' }).click();
    await banner.getByText(/Vos modifications sont en relecture/).waitFor();
    await page.getByRole('button', { name: 'Retirer de la relecture' }).waitFor();
    await page.locator('.mantine-Modal-overlay').waitFor({ state: 'detached' });
    await shoot(page, 'studio-live-banner.png', { fullPage: false });
    expect(await reader(slug)).not.toContain('Le mandat dure deux ans.');

    // the editor reviews: the versions say who did what, then « Mettre à jour »
    const review = await wide(editorBrowser);
    await login(review, base, editor.email);
    await review.goto(`${base}/studio/editorial/articles/${created.id}`);
    await review
      .getByTestId('live-banner')
      .getByText(/Modifications proposées par l’autrice ou l’auteur/)
      .waitFor();
    await review.getByRole('tab', { name: 'Versions' }).click();
    await review.getByText(/^Publiée par Léa Dubois, le /).waitFor();
    await review
      .getByText(/^Envoyée en relecture par Nora Benali, le /)
      .first()
      .waitFor();
    // the versions tab sits below the fold at 1440 × 1000: the whole page
    await shoot(review, 'studio-versions-panel.png');
    await review.getByRole('button', { name: 'Mettre à jour' }).click();
    await review.getByRole('dialog', { name: 'Mettre à jour' }).getByRole('button', { name: 'Mettre à jour' }).click();
    await review.getByText(/Version publiée mise à jour/).waitFor();

    published = await reader(slug);
    expect(published).toContain('Le mandat dure deux ans.');
    expect(published).not.toContain('Il se réunit chaque mois.');
  }, 180_000);
});
