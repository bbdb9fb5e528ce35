// The composer puts inserted articles where staff mean them, shows a section's heading, and tests to two reviewers.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, type Mailer } from '@crieur/mailer';
import type { Harness } from '../harness';
import { startSmtpSink } from '../smtp-sink';
import { login, shoot } from './browser';
import { blockLabels, publishArticle } from './composer-helpers';
import { startE2e, type E2eWorld } from './start-e2e';

const FIRST = 'Budgets participatifs : ce que les communes ont appris';
const SECOND = 'Le tirage au sort gagne les conseils de quartier';
const EDITO = 'Chères et chers membres, voici les nouvelles de l’été.';
const EVENT = 'Université d’été de la participation';
const SHOTS = '/tmp/shots/composer';

describe('inserted articles land under the chosen section (Chromium)', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;
  let browser: BrowserContext;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let mailer: Mailer;

  beforeAll(async () => {
    sink = await startSmtpSink();
    mailer = createMailer({ smtpUrl: sink.url, outboxDir: '/nonexistent' });
    world = await startE2e({ deps: { mailer } });
    ({ h, base, browser } = world);
  });
  afterAll(async () => {
    await world?.close();
    await mailer?.close();
    await sink?.close();
  });

  it('selects the démocratieS section, inserts two articles under it in order; the test mail has « Agenda »', async () => {
    h.clock.now = new Date();
    const editor = h.client();
    await editor.login((await h.createStaff('editor', 'lea@icpc.example')).email);
    await publishArticle(editor, FIRST, 'Dix ans de budgets participatifs, et ce qu’ils ont changé.');
    await publishArticle(editor, SECOND, 'Trois villes tirent au sort une partie de leurs conseils.');
    const sender = await h.createStaff('sender', 'camille@icpc.example');
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1440, height: 1000 });
    try {
      await compose(page, sender.email);
    } catch (error) {
      await shoot(page, 'insert-place-failure.png', { copyTo: SHOTS }).catch(() => undefined);
      console.error(h.logLines.filter((line) => /"level":(40|50)/.test(line)).join('\n'));
      throw error;
    }
  }, 240_000);

  async function compose(page: Page, email: string): Promise<void> {
    await login(page, base, email);
    await page.goto(`${base}/studio/newsletters`);
    await page.getByRole('button', { name: 'Nouvelle newsletter' }).click();
    await page.getByRole('menuitem', { name: 'Lettre des membres' }).click();
    await page.waitForURL(/\/studio\/newsletters\/[0-9a-f-]{36}$/);
    await page.getByLabel('Objet').fill('La lettre des membres — été 2026');

    // the skeleton: edito, the démocratieS section title, the members' news with its heading filled in
    await page.getByRole('textbox', { name: 'Texte de l’édito' }).click();
    await page.keyboard.type(EDITO);
    const news = page.getByRole('region', { name: /^Bloc 3\s: Actualités des adhérent·es/ });
    await expect
      .poll(() => news.getByLabel('Titre de la rubrique').inputValue())
      .toBe('Les actualités de nos adhérent·es');

    // an untouched empty field says nothing; leaving it says what is wrong, in French, once
    const newsTitle = news.getByLabel('Titre de l’actualité');
    await expect.poll(() => page.getByText('Bloc à compléter').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await newsTitle.getAttribute('aria-invalid')).not.toBe('true');
    await newsTitle.click();
    await news.getByLabel(/^Texte/).click();
    await expect.poll(() => newsTitle.getAttribute('aria-invalid')).toBe('true');
    expect(await news.getByText('Ce champ ne peut pas être vide').count()).toBe(1);
    await newsTitle.fill('Territoires en dialogue publie son guide');
    await news.getByLabel(/^Texte/).fill('Un guide pratique de la concertation locale.');

    // the members' news block is selected (the last one): an agenda goes at the end, with its visible heading
    await page.getByRole('button', { name: 'Ajouter un bloc' }).click();
    await page.getByRole('menuitem', { name: 'Agenda' }).click();
    const agenda = page.getByRole('region', { name: /^Bloc 4\s: Agenda/ });
    expect(await agenda.getByLabel('Titre de la rubrique').inputValue()).toBe('Agenda');
    await agenda.getByLabel('Intitulé de l’événement').fill(EVENT);
    await agenda.getByLabel(/^Date/).fill('2026-07-02');
    await agenda.getByLabel('Lieu').fill('Lyon');

    // select the démocratieS section by clicking in it, then insert two articles at once
    const section = page.getByRole('region', { name: /^Bloc 2\s: Titre de rubrique/ });
    await section.getByLabel(/^Titre de rubrique/).click();
    await section.getByText('Sélectionné').waitFor();
    const dialog = page.getByRole('dialog', { name: 'Insérer un article publié' });
    // the preflight panel appears below the blocks as the preview settles: the button may move under the click
    for (let attempt = 0; attempt < 3 && !(await dialog.isVisible()); attempt++) {
      await page.getByRole('button', { name: 'Insérer un article' }).click();
      await dialog.waitFor({ timeout: 3000 }).catch(() => undefined);
    }
    await dialog.getByRole('button', { name: `Insérer «\u00a0${FIRST}\u00a0»` }).click();
    await dialog.getByRole('button', { name: `Insérer «\u00a0${SECOND}\u00a0»` }).click();
    expect(await dialog.getByLabel('Position').inputValue()).toMatch(/^after:/);
    expect(await dialog.getByLabel('Position').locator('option:checked').textContent()).toMatch(
      /^Après le bloc 2\s:\sTitre de rubrique/,
    );
    await page.waitForTimeout(300);
    await shoot(page, 'insert-dialog-1440.png', { fullPage: false, copyTo: SHOTS });
    await dialog.getByRole('button', { name: 'Insérer les 2 articles' }).click();
    await dialog.waitFor({ state: 'detached' });

    // the labels' spaces may be any kind (French spacing in titles): compare them as plain spaces
    const labels = (await blockLabels(page)).map((label) => label.replace(/\s+/g, ' '));
    expect(labels.slice(0, 5)).toEqual([
      expect.stringMatching(/^Bloc 1\s: Édito/),
      expect.stringMatching(/^Bloc 2\s: Titre de rubrique\s«\sdémocratieS\s»/),
      `Bloc 3 : Article « ${FIRST} »`,
      `Bloc 4 : Article « ${SECOND} »`,
      expect.stringMatching(/^Bloc 5\s: Actualités des adhérent·es/),
    ]);
    // the last inserted card is the selected block now
    await page
      .getByRole('region', { name: `Bloc 4 : Article\u00a0«\u00a0${SECOND}\u00a0»` })
      .getByText('Sélectionné')
      .waitFor();

    const desktop = page.frameLocator('iframe[title="Aperçu sur ordinateur"]');
    await expect.poll(() => desktop.locator('body').textContent(), { timeout: 15_000 }).toContain(EVENT);
    await expect.poll(() => desktop.locator('body').textContent(), { timeout: 15_000 }).toContain(SECOND);
    await page.getByText(/Enregistré à \d\d:\d\d/).waitFor({ timeout: 15_000 });
    await section.scrollIntoViewIfNeeded();
    await shoot(page, 'composer-1440.png', { fullPage: false, copyTo: SHOTS });

    await page.setViewportSize({ width: 390, height: 844 });
    await section.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await shoot(page, 'composer-390.png', { fullPage: false, copyTo: SHOTS });
    await page.setViewportSize({ width: 1440, height: 1000 });

    // two reviewers, separated by a comma
    await page.getByRole('button', { name: 'Envoyer un test' }).click();
    const test = page.getByRole('dialog', { name: 'Envoyer un test' });
    await test.getByLabel('Adresses de test').fill(`${email}, relecture@icpc.example`);
    await test.getByText('2 messages partiront').waitFor();
    await page.waitForTimeout(300);
    await shoot(page, 'test-dialog-1440.png', { fullPage: false, copyTo: SHOTS });
    await test.getByRole('button', { name: 'Envoyer le test' }).click();
    await page.getByText(`Envoyé par le serveur de messagerie à ${email}, relecture@icpc.example.`).waitFor();

    const mails = await sink.waitFor(2);
    expect(mails.map((mail) => mail.to[0]).sort()).toEqual([email, 'relecture@icpc.example']);
    for (const mail of mails) {
      const html = String(mail.parsed.html);
      expect(html).toMatch(/>\s*Agenda\s*</);
      expect(html).toMatch(/>\s*Les actualités de nos adhérent·es\s*</);
      // titles are found by words that French typography leaves alone at render time
      const at = (text: string) => html.indexOf(text);
      const places = [html.search(/>\s*démocratieS\s*</), at('Budgets participatifs'), at('Le tirage au sort gagne')];
      expect(places.every((place) => place > -1)).toBe(true);
      expect([...places, at('Territoires en dialogue')]).toEqual(
        [...places, at('Territoires en dialogue')].sort((a, b) => a - b),
      );
    }

    // the next test dialog remembers the two addresses
    await page.getByRole('button', { name: 'Envoyer un test' }).click();
    expect(await test.getByLabel('Adresses de test').inputValue()).toBe(`${email}, relecture@icpc.example`);
  }
});
