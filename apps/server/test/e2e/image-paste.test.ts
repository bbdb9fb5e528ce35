import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Harness } from '../harness';
import { login, shoot } from './browser';
import { startE2e, type E2eWorld } from './start-e2e';

// runs in the page (the server's tsconfig has no DOM types): a DataTransfer holding the files, dispatched on the editor
const DISPATCH = `({ kind, files, html }) => {
  const data = new DataTransfer();
  if (html) data.setData('text/html', html);
  for (const f of files) {
    const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
    data.items.add(new File([bytes], f.name, { type: f.type }));
  }
  const target = document.querySelector('.ProseMirror');
  if (kind === 'paste') {
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    return;
  }
  // dropped on the first paragraph, as a mouse would
  const box = target.querySelector('p').getBoundingClientRect();
  const at = { clientX: box.left + 5, clientY: box.top + box.height / 2 };
  target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true, ...at }));
  target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, ...at }));
}`;

/** A real paste (or drop) in the page, with the files (and the HTML) a clipboard or a file manager would give. */
async function sendFiles(
  page: Page,
  kind: 'paste' | 'drop',
  files: { name: string; type: string; base64: string }[],
  html = '',
): Promise<void> {
  await page.evaluate(`(${DISPATCH})(${JSON.stringify({ kind, files, html })})`);
}

describe('images pasted and dropped into an article, covers and tags on the site (Chromium)', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;

  beforeAll(async () => {
    world = await startE2e();
    ({ h, base } = world);
  });
  afterAll(() => world?.close());

  it('asks for the alt text, uploads into the library, shows the caption, then the site shows cover and tags', async () => {
    h.clock.now = new Date();
    const editor = await h.createStaff('editor', 'lea@icpc.example');
    const png = await sharp({
      create: { width: 1800, height: 1200, channels: 3, background: '#2f6f4f' },
    })
      .composite([
        {
          input: await sharp({ create: { width: 900, height: 500, channels: 3, background: '#f2a900' } })
            .png()
            .toBuffer(),
          top: 350,
          left: 450,
        },
      ])
      .png()
      .toBuffer();
    const image = { name: 'assemblee.png', type: 'image/png', base64: png.toString('base64') };
    const pdf = {
      name: 'compte-rendu.pdf',
      type: 'application/pdf',
      base64: Buffer.from('%PDF-1.4').toString('base64'),
    };

    const page = await world.browser.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, base, editor.email);
    await page.getByRole('link', { name: 'Éditorial' }).first().click();
    await page.getByRole('button', { name: 'Nouvel article' }).click();
    const create = page.getByRole('dialog');
    await create.getByLabel('Titre').fill('Une assemblée citoyenne à Saillans');
    await create.getByRole('combobox', { name: 'Rubrique' }).click();
    await page.getByRole('option', { name: 'Sur le terrain' }).click();
    await create.getByRole('button', { name: 'Créer et ouvrir l’éditeur' }).click();
    const body = page.getByRole('textbox', { name: 'Corps de l’article' });
    await body.waitFor();
    await body.click();
    await page.keyboard.type('Cent habitant·es tirés au sort se sont réunis samedi.');

    // a drop of a PDF and two images: the PDF is refused in words; one dialog per image; cancel inserts nothing
    await sendFiles(page, 'drop', [pdf, image, { ...image, name: 'mairie.png' }]);
    await page.getByText('« compte-rendu.pdf » n’est pas une image PNG, JPEG, WebP ou GIF.').waitFor();
    const first = page.getByRole('dialog', { name: 'Ajouter une image (1 sur 2)' });
    await first.getByText('assemblee.png').waitFor();
    await first.getByRole('button', { name: 'Annuler', exact: true }).click();
    const second = page.getByRole('dialog', { name: 'Ajouter une image (2 sur 2)' });
    await second.getByText('mairie.png').waitFor();
    await second.getByRole('button', { name: 'Annuler', exact: true }).click();
    await second.waitFor({ state: 'detached' });
    expect(await page.locator('.ProseMirror img').count()).toBe(0);

    // a passage copied from a word processor comes with a picture of itself: the passage is pasted, not the picture
    await body.click();
    await page.keyboard.press('End');
    await sendFiles(page, 'paste', [image], '<p>Texte copié depuis un traitement de texte.</p>');
    await page.locator('.ProseMirror p', { hasText: 'Texte copié depuis un traitement de texte.' }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.keyboard.press('Control+z');
    expect(await page.locator('.ProseMirror').textContent()).toBe(
      'Cent habitant·es tirés au sort se sont réunis samedi.',
    );

    // « Copier l’image » in a browser gives the file and an <img> at its address: only the dialog, nothing else lands
    await sendFiles(page, 'paste', [image], '<meta charset="utf-8"><img src="https://example.org/photo.png">');
    const copied = page.getByRole('dialog', { name: 'Ajouter une image' });
    await copied.getByRole('button', { name: 'Annuler', exact: true }).click();
    await copied.waitFor({ state: 'detached' });
    expect(await page.locator('.ProseMirror img').count()).toBe(0);

    // a paste: the dialog shows the image and refuses to go on without an alt text
    await body.click();
    await page.keyboard.press('End');
    await sendFiles(page, 'paste', [image]);
    const dialog = page.getByRole('dialog', { name: 'Ajouter une image' });
    await dialog.getByRole('img', { name: 'Aperçu de l’image à ajouter' }).waitFor();
    await dialog.getByRole('button', { name: 'Téléverser et insérer' }).click();
    await dialog.getByText('Le texte alternatif est obligatoire : décrivez l’image en quelques mots.').waitFor();
    await dialog.getByLabel('Légende').fill('Photo : Léa Dubois');
    await shoot(page, 'image-paste-dialog.png', { fullPage: false });
    expect(await page.locator('.ProseMirror img').count()).toBe(0);
    await dialog.getByRole('textbox', { name: /Texte alternatif/ }).fill('Des habitant·es en cercle sur la place');
    await dialog.getByRole('button', { name: 'Téléverser et insérer' }).click();
    await dialog.waitFor({ state: 'detached' });

    // in the text, after the paragraph, with its caption editable in place and its alt text at hand
    const figure = page.locator('.ProseMirror figure');
    await figure.locator('img[alt="Des habitant·es en cercle sur la place"]').waitFor();
    expect(await figure.locator('img').getAttribute('src')).toMatch(/^\/media\/[0-9a-f-]{36}\/w1600\.webp$/);
    const caption = figure.getByRole('textbox', { name: 'Légende de l’image' });
    expect(await caption.inputValue()).toBe('Photo : Léa Dubois');
    await caption.fill('Photo : Léa Dubois, place de la mairie');
    await figure.getByRole('button', { name: 'Texte alternatif' }).click();
    await figure.getByRole('textbox', { name: /Texte alternatif/ }).fill('');
    await figure.getByRole('button', { name: 'Enregistrer' }).click();
    await figure.getByText('Le texte alternatif ne peut pas être vide').waitFor();
    await figure.getByRole('button', { name: 'Annuler' }).click();
    await page
      .getByText(/Enregistré/)
      .first()
      .waitFor({ timeout: 15_000 });
    await shoot(page, 'image-paste-editor.png', { fullPage: false });

    // the media library lists it
    await page.getByRole('button', { name: 'Image', exact: true }).click();
    const library = page.getByRole('dialog', { name: 'Médiathèque' });
    await library.getByRole('button', { name: 'Insérer Des habitant·es en cercle sur la place' }).waitFor();
    await page.keyboard.press('Escape');
    await library.waitFor({ state: 'detached' });

    // the cover and the tags, from the side panel
    await page.getByRole('button', { name: 'Choisir une image' }).click();
    await page
      .getByRole('dialog', { name: 'Choisir une image de couverture' })
      .getByRole('button', { name: 'Choisir Des habitant·es en cercle sur la place' })
      .click();
    const tags = page.getByRole('combobox', { name: 'Mots-clés' });
    await tags.fill('Tirage au sort');
    await tags.press('Enter');
    await tags.fill('Démocratie locale');
    await tags.press('Enter');
    await page.waitForTimeout(300);
    await page
      .getByText(/Enregistré/)
      .first()
      .waitFor({ timeout: 15_000 });
    const articleId = page.url().split('/').pop()!;
    await page.close();

    // published through the API (the workflow's screens are tested elsewhere)
    const api: Client = h.client();
    await api.login(editor.email);
    for (const action of ['submit', 'approve', 'publish']) {
      const res = await api.request('POST', `/api/articles/${articleId}/transition`, { action });
      expect(res.statusCode, res.body).toBe(200);
    }

    for (const width of [1440, 390]) {
      const reader = await world.browser.newPage();
      await reader.setViewportSize({ width, height: 900 });
      await reader.goto(`${base}/articles/une-assemblee-citoyenne-a-saillans`);
      const cover = reader.locator('figure.cover img');
      expect(await cover.getAttribute('alt')).toBe('Des habitant·es en cercle sur la place');
      // the browser picked a variant and loaded it
      await expect
        .poll(() => cover.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
        .toBeGreaterThan(0);
      // readers see French spacing before the colon (set when rendering; the editor keeps what was typed)
      expect(await reader.locator('figure.cover figcaption').textContent()).toBe('Photo\u00a0: Léa Dubois');
      expect(await reader.locator('.prose figcaption').textContent()).toBe(
        'Photo\u00a0: Léa Dubois, place de la mairie',
      );
      expect(await reader.locator('nav.tags a').allTextContents()).toEqual(['Tirage au sort', 'Démocratie locale']);
      await shoot(reader, `reader-cover-article-${width}.png`);
      await reader.goto(`${base}/`);
      await reader.locator('.card-item.with-cover img').first().waitFor();
      await shoot(reader, `reader-cover-home-${width}.png`);
      if (width === 390) {
        await reader.goto(`${base}/articles/une-assemblee-citoyenne-a-saillans`);
        await reader.getByRole('link', { name: 'Démocratie locale' }).click();
        // the tag's name is the H1, under a « Mot-clé » kicker
        await reader.getByRole('heading', { level: 1, name: 'Démocratie locale' }).waitFor();
        await shoot(reader, 'reader-tag-390.png');
      }
      await reader.close();
    }
  }, 240_000);
});
