// The composer as a sender meets it: new blocks quiet until touched, French messages, test addresses, the keyboard.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../harness';
import { login, shoot } from './browser';
import { blockLabels, publishArticle } from './composer-helpers';
import { startE2e, type E2eWorld } from './start-e2e';

const SHOTS = '/tmp/shots/C';
const KINDS = [
  'Édito',
  'Titre de rubrique',
  'Article',
  'Dossier à la une',
  'Texte libre',
  'Agenda',
  'Offres d’emploi',
  'Actualités des adhérent·es',
  'Image',
  'Bouton',
  'Séparateur',
];
// what zod or a browser says when nobody translated it
const NOT_FRENCH = /invalid|expected|received|required|undefined|must|please|string|number/i;

/** The messages shown in one card, per field wrapper: the wrapper's label and its error texts. */
async function shownErrors(card: Locator): Promise<{ label: string; messages: string[] }[]> {
  // server tests have no DOM types: the few members used here, declared
  type Node = {
    querySelector(s: string): Node | null;
    querySelectorAll(s: string): Node[];
    textContent: string | null;
  };
  return card.evaluate((element) =>
    [...(element as unknown as Node).querySelectorAll('.mantine-InputWrapper-root, .mantine-Input-wrapper')]
      .map((wrapper) => ({
        label: wrapper.querySelector('label')?.textContent ?? '',
        messages: [...wrapper.querySelectorAll('.mantine-InputWrapper-error')].map((e) => e.textContent ?? ''),
      }))
      .filter((field) => field.messages.length > 0),
  );
}

describe('the composer’s fields, test addresses and keyboard (Chromium)', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;
  let browser: BrowserContext;

  beforeAll(async () => {
    world = await startE2e();
    ({ h, base, browser } = world);
  });
  afterAll(async () => {
    await world?.close();
  });

  async function newLetter(page: Page, email: string): Promise<void> {
    await browser.clearCookies();
    await login(page, base, email);
    await page.goto(`${base}/studio/newsletters`);
    await page.getByRole('button', { name: 'Nouvelle newsletter' }).click();
    await page.getByRole('menuitem', { name: 'Lettre des membres' }).click();
    await page.waitForURL(/\/studio\/newsletters\/[0-9a-f-]{36}$/);
  }

  it('a new block of each kind is quiet until a field is left; then one French message per field', async () => {
    h.clock.now = new Date();
    const sender = await h.createStaff('sender', 'camille@icpc.example');
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1440, height: 1000 });
    await newLetter(page, sender.email);
    const selected = page.locator('li[aria-current="true"] > section');
    const problems: string[] = [];
    for (const kind of KINDS) {
      const item = page.getByRole('menuitem', { name: kind, exact: true });
      // the new block scrolls into view smoothly: the button may move under the click, so open until the menu shows
      for (let attempt = 0; attempt < 3 && !(await item.isVisible()); attempt++) {
        await page.getByRole('button', { name: 'Ajouter un bloc' }).click();
        await item.waitFor({ timeout: 2000 }).catch(() => undefined);
      }
      await item.click({ timeout: 5000 }).catch(async (error: unknown) => {
        await shoot(page, 'menu-failure.png', { fullPage: false, copyTo: SHOTS });
        throw error;
      });
      const card = selected;
      await expect.poll(() => card.getAttribute('aria-label')).toMatch(new RegExp(`: ${kind.slice(0, 5)}`));
      // the live preview refuses the empty block after its debounce: still nothing red in the card
      await page.waitForTimeout(1500);
      const early = await shownErrors(card);
      const invalid = await card.locator('[aria-invalid="true"]').count();
      if (early.length > 0 || invalid > 0) problems.push(`${kind}: erreurs avant saisie ${JSON.stringify(early)}`);
      // leave every field once, as a sender tabbing through
      const fields = card.locator('input:not([type="hidden"]):not([type="file"]):not([disabled]), textarea');
      for (let i = 0; i < (await fields.count()); i++) {
        await fields.nth(i).focus();
        await page.keyboard.press('Tab');
      }
      await page.waitForTimeout(1500);
      for (const field of await shownErrors(card)) {
        if (field.messages.length > 1) problems.push(`${kind} › ${field.label}: ${field.messages.length} messages`);
        for (const message of field.messages)
          if (NOT_FRENCH.test(message)) problems.push(`${kind} › ${field.label}: « ${message} »`);
      }
      const texts = (await card.innerText()).split('\n').filter((line) => NOT_FRENCH.test(line));
      if (texts.length > 0) problems.push(`${kind}: ${texts.join(' | ')}`);
    }
    // the date of an event shows one message, not two, once left empty
    const agenda = page.getByRole('region', { name: /: Agenda/ });
    const date = agenda.getByLabel(/^Date/);
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    await shoot(page, 'new-blocks-touched-1440.png', { fullPage: false, copyTo: SHOTS });
    expect(problems).toEqual([]);
    await page.close();
  }, 240_000);

  it('test addresses: commas or lines, five at most, a wrong one named; the server agrees', async () => {
    h.clock.now = new Date();
    const sender = await h.createStaff('sender', 'paul@icpc.example');
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1440, height: 1000 });
    await newLetter(page, sender.email);
    // a letter ready to test: a subject, the edito and the members' news of the skeleton
    await page.getByRole('textbox', { name: 'Objet', exact: true }).fill('La lettre des membres — hiver');
    await page.getByRole('textbox', { name: 'Texte de l’édito' }).click();
    await page.keyboard.type('Bonne année à toutes et à tous.');
    const news = page.getByRole('region', { name: /Actualités des adhérent·es/ });
    await news.getByLabel('Titre de l’actualité').fill('Un guide de la concertation');
    await news.getByLabel(/^Texte/).fill('Territoires en dialogue publie son guide.');
    await page.getByText(/Enregistré à \d\d:\d\d/).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Envoyer un test' }).click();
    const dialog = page.getByRole('dialog', { name: 'Envoyer un test' });
    const field = dialog.getByLabel('Adresses de test');
    await field.fill('a@icpc.example\nb@icpc.example, c@icpc.example');
    await dialog.getByText(/3 messages partiront/).waitFor();
    await field.fill(['a', 'b', 'c', 'd', 'e', 'f'].map((x) => `${x}@icpc.example`).join('\n'));
    // the problem shows once the field is left (or at « Envoyer le test »), as in the composer
    await dialog.getByRole('button', { name: 'Envoyer le test' }).click();
    await dialog.getByText(/5 adresses au plus\s*: vous en avez indiqué 6/).waitFor();
    await field.fill('a@icpc.example, pas-une-adresse');
    await page.keyboard.press('Tab');
    await dialog.getByText(/«\s*pas-une-adresse\s*» n’est pas une adresse valide/).waitFor();
    await shoot(page, 'test-addresses-invalid-1440.png', { fullPage: false, copyTo: SHOTS });

    const client = h.client();
    await client.login(sender.email);
    const id = page.url().split('/').at(-1)!;
    const six = await client.request('POST', `/api/campaigns/${id}/test`, {
      addresses: 'a@x.fr\nb@x.fr\nc@x.fr\nd@x.fr\ne@x.fr\nf@x.fr',
    });
    expect(six.statusCode).toBe(400);
    expect(six.body).toMatch(/5 adresses au plus/);
    const bad = await client.request('POST', `/api/campaigns/${id}/test`, { addresses: 'a@x.fr, faux@' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/faux@/);
    await page.close();
  }, 120_000);

  it('without a mouse: add a block after the selected one, move it, insert an article', async () => {
    h.clock.now = new Date();
    const editor = h.client();
    await editor.login((await h.createStaff('editor', 'lea@icpc.example')).email);
    await publishArticle(editor, 'Le jury citoyen de Grenoble', 'Vingt habitant·es tirés au sort.');
    const sender = await h.createStaff('sender', 'ines@icpc.example');
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1440, height: 1000 });
    await newLetter(page, sender.email);
    await page.getByRole('textbox', { name: 'Texte de l’édito' }).waitFor();
    const before = await blockLabels(page);

    // Tab into the edito's text: the edito is selected; the add menu opens and picks with the keyboard
    await page.getByRole('textbox', { name: 'Texte de l’édito' }).focus();
    await page.getByRole('button', { name: 'Ajouter un bloc' }).focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu');
    await menu.waitFor();
    const focused = menu.locator('[role="menuitem"]:focus');
    const focusedName = async () => ((await focused.count()) > 0 ? await focused.textContent() : '');
    for (let i = 0; i < 12 && (await focusedName()) !== 'Bouton'; i++) await page.keyboard.press('ArrowDown');
    expect(await focusedName()).toBe('Bouton');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await blockLabels(page))[1]).toMatch(/^Bloc 2\s: Bouton/);
    // the new block's first field has the focus
    expect(await page.locator('li[aria-current="true"] :focus').count()).toBe(1);
    await page.keyboard.type('Adhérer');

    // move it down with the keyboard: its « Descendre » button, Enter
    await page.getByRole('button', { name: /Descendre .*Adhérer/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await blockLabels(page))[2]).toMatch(/^Bloc 3\s: Bouton/);

    // insert an article after it, keyboard only
    await page.getByRole('button', { name: 'Insérer un article' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Insérer un article publié' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /Insérer «.Le jury citoyen de Grenoble.»/ }).focus();
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Insérer l’article' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const after = await blockLabels(page);
    expect(after).toHaveLength(before.length + 2);
    expect(after[3]?.replace(/\s+/g, ' ')).toBe('Bloc 4 : Article « Le jury citoyen de Grenoble »');
    await page.getByText(/Enregistré à \d\d:\d\d/).waitFor({ timeout: 15_000 });
    await page.getByRole('region', { name: /^Bloc 3\s: Bouton/ }).scrollIntoViewIfNeeded();
    await shoot(page, 'composer-keyboard-1440.png', { fullPage: false, copyTo: SHOTS });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('region', { name: /^Bloc 3\s: Bouton/ }).scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await shoot(page, 'composer-keyboard-390.png', { fullPage: false, copyTo: SHOTS });
    await page.close();
  }, 120_000);
});
