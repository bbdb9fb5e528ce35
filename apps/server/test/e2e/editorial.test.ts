import { writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../harness';
import { login, shoot } from './browser';
import { startE2e, type E2eWorld } from './start-e2e';

describe('an author writes, an editor publishes, readers read (Chromium)', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;
  let authorBrowser: BrowserContext;
  let editorBrowser: BrowserContext;

  beforeAll(async () => {
    world = await startE2e({ browsers: 2 });
    ({ h, base } = world);
    [authorBrowser, editorBrowser] = world.browsers as [BrowserContext, BrowserContext];
  });
  afterAll(() => world?.close());

  it('bold, a link and an image in the editor; submit; approve; publish; the page and the feed show it', async () => {
    h.clock.now = new Date();
    const author = await h.createStaff('author', 'nora@icpc.example');
    const editor = await h.createStaff('editor', 'lea@icpc.example');
    const image = path.join(world.dataDir, 'seance.png');
    writeFileSync(
      image,
      await sharp({ create: { width: 1200, height: 600, channels: 3, background: '#2f6f4f' } })
        .png()
        .toBuffer(),
    );

    const page = await authorBrowser.newPage();
    await login(page, base, author.email);
    await page.getByRole('link', { name: 'Éditorial' }).first().click();
    await page.getByRole('button', { name: 'Nouvel article' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Titre').fill('Le tirage au sort entre à la mairie');
    await dialog.getByRole('combobox', { name: 'Rubrique' }).click();
    await page.getByRole('option', { name: 'Sur le terrain' }).click();
    await dialog.getByRole('button', { name: 'Créer et ouvrir l’éditeur' }).click();

    const body = page.getByRole('textbox', { name: 'Corps de l’article' });
    await body.waitFor();
    await body.click();
    await page.keyboard.type('Dans cette commune, le conseil de quartier est ');
    await page.getByRole('button', { name: 'Gras', exact: true }).click();
    await page.keyboard.type('tiré au sort');
    await page.getByRole('button', { name: 'Gras', exact: true }).click();
    await page.keyboard.type(' depuis deux ans.');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Image', exact: true }).click();
    const media = page.getByRole('dialog');
    await media.getByLabel('Fichier image').setInputFiles(image);
    await media.getByLabel('Texte alternatif').fill('Le conseil de quartier en séance');
    await media.getByLabel('Légende').fill('Séance de mars');
    await media.getByRole('button', { name: 'Téléverser' }).click();
    // an uploaded image goes into the text at once, and the cursor goes on after it
    await page.locator('.ProseMirror img[alt="Le conseil de quartier en séance"]').waitFor();
    await media.waitFor({ state: 'detached' });
    await page.keyboard.type('Lire le compte rendu');
    await page.keyboard.press('Shift+Home');
    await page.getByRole('button', { name: 'Lien', exact: true }).click();
    await page.getByLabel('Adresse du lien').fill('https://example.org/compte-rendu');
    await page.getByRole('button', { name: 'Appliquer' }).click();
    await page.locator('.ProseMirror a[href="https://example.org/compte-rendu"]').waitFor();
    await page
      .getByText(/Enregistré/)
      .first()
      .waitFor({ timeout: 15_000 });
    await shoot(page, 'studio-editor.png');
    await page.getByRole('button', { name: 'Soumettre à la relecture' }).click();
    // a small dialog takes an optional note for the editors
    await page.getByRole('dialog').getByRole('button', { name: 'Soumettre à la relecture' }).click();
    await page.getByText('en relecture').first().waitFor();

    const review = await editorBrowser.newPage();
    await login(review, base, editor.email);
    await review.getByRole('link', { name: 'Éditorial' }).first().click();
    await review.getByRole('link', { name: 'Le tirage au sort entre à la mairie' }).click();
    await review.getByRole('button', { name: 'Valider' }).click();
    await review.getByRole('button', { name: 'Publier maintenant' }).click();
    await review.getByRole('dialog').getByRole('button', { name: 'Publier maintenant' }).click();
    await review.getByText('publié', { exact: true }).first().waitFor();

    const reader = await editorBrowser.newPage();
    await reader.goto(`${base}/articles/le-tirage-au-sort-entre-a-la-mairie`);
    await reader.getByRole('heading', { name: 'Le tirage au sort entre à la mairie' }).waitFor();
    expect(await reader.locator('.prose strong').textContent()).toBe('tiré au sort');
    expect(await reader.locator('.prose a').getAttribute('href')).toBe('https://example.org/compte-rendu');
    expect(await reader.locator('.prose figure img').getAttribute('alt')).toBe('Le conseil de quartier en séance');
    expect(await reader.locator('.prose figcaption').textContent()).toBe('Séance de mars');
    const src = await reader.locator('.prose figure img').getAttribute('src');
    expect((await fetch(`${base}${src}`)).headers.get('content-type')).toBe('image/webp');
    await shoot(reader, 'reader-article.png');
    const feed = await (await fetch(`${base}/feed.xml`)).text();
    expect(feed).toContain(`${base}/articles/le-tirage-au-sort-entre-a-la-mairie`);
  }, 180_000);
});
