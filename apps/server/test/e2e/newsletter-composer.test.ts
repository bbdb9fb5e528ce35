import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, type Mailer } from '@crieur/mailer';
import type { Harness } from '../harness';
import { startSmtpSink } from '../smtp-sink';
import { login, shoot } from './browser';
import { blockLabels, publishArticle } from './composer-helpers';
import { startE2e, type E2eWorld } from './start-e2e';

const FIRST = 'Le tirage au sort entre à la mairie';
const SECOND = 'Une convention citoyenne pour l’eau du bassin';
const EDITO = 'Chères et chers membres, voici les nouvelles du printemps.';
const EVENT = 'Rencontres de la participation';

describe('a sender composes the members newsletter and sends a test (Chromium)', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;
  let browser: BrowserContext;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let mailer: Mailer;

  beforeAll(async () => {
    sink = await startSmtpSink();
    mailer = createMailer({ smtpUrl: sink.url, outboxDir: '/nonexistent' }); // SMTP: the outbox is never written
    world = await startE2e({ deps: { mailer } });
    ({ h, base, browser } = world);
  });
  afterAll(async () => {
    await world?.close();
    await mailer?.close();
    await sink?.close();
  });

  it('edito, two article cards and an agenda; preview at both widths; reorder; test mail over SMTP', async () => {
    h.clock.now = new Date();
    const editor = h.client();
    await editor.login((await h.createStaff('editor', 'lea@icpc.example')).email);
    await publishArticle(editor, FIRST, 'Dans cette commune, le conseil de quartier est tiré au sort depuis deux ans.');
    await publishArticle(
      editor,
      SECOND,
      'Quarante habitant·es tirés au sort ont rendu leurs propositions sur la gestion de l’eau.',
    );
    const sender = await h.createStaff('sender', 'camille@icpc.example');

    const page = await browser.newPage();
    // wide enough for the settings and a 600 px newsletter side by side
    await page.setViewportSize({ width: 1440, height: 1000 });
    try {
      await compose(page, sender.email);
    } catch (error) {
      // what the page showed when it went wrong, for whoever reads the failure
      await shoot(page, 'composer-failure.png').catch(() => undefined);
      console.error(h.logLines.filter((line) => /"level":(40|50)/.test(line)).join('\n'));
      throw error;
    }
  }, 180_000);

  async function compose(page: Page, email: string): Promise<void> {
    const sender = { email };
    await login(page, base, sender.email);
    await page.getByRole('link', { name: 'Newsletters' }).first().click();
    await page.getByText('Aucune newsletter pour l').waitFor();
    await shoot(page, 'newsletters-empty.png', { fullPage: false });
    await page.getByRole('button', { name: 'Nouvelle newsletter' }).click();
    await page.getByRole('menuitem', { name: 'Lettre des membres' }).click();
    await page.waitForURL(/\/studio\/newsletters\/[0-9a-f-]{36}$/);

    await page.getByLabel('Objet').fill('La lettre des membres — printemps 2026');
    // a members issue starts with an empty edito; add one only if the skeleton ever changes
    const edito = page.getByRole('textbox', { name: 'Texte de l’édito' });
    if ((await edito.count()) === 0) {
      await page.getByRole('button', { name: 'Ajouter un bloc' }).click();
      await page.getByRole('menuitem', { name: 'Édito' }).click();
    }
    await edito.first().click();
    await page.keyboard.type(EDITO);
    // the members' news block of the skeleton: filled, or the test would be refused
    const news = page.getByRole('region', { name: /Actualités des adhérent·es/ });
    if ((await news.count()) > 0) {
      await news.getByLabel('Titre de l’actualité').fill('Territoires en dialogue publie son guide');
      await news.getByLabel(/^Texte/).fill('Un guide pratique de la concertation locale.');
    }

    for (const [query, title] of [
      ['tirage', FIRST],
      ['convention', SECOND],
    ] as const) {
      const dialog = page.getByRole('dialog', { name: 'Insérer un article publié' });
      // the preflight panel appears below the blocks as the preview settles: the button may move under the click
      for (let attempt = 0; attempt < 3 && !(await dialog.isVisible()); attempt++) {
        await page.getByRole('button', { name: 'Insérer un article' }).click();
        await dialog.waitFor({ timeout: 3000 }).catch(() => undefined);
      }
      await dialog.getByLabel('Rechercher').fill(query);
      // the results re-render as the search settles: check the pick and the insertion landed, else try again
      const picked = dialog.locator('[aria-pressed="true"]');
      for (let attempt = 0; attempt < 3 && (await picked.count()) === 0; attempt++) {
        await dialog.getByRole('button', { name: `Insérer «\u00a0${title}\u00a0»` }).click();
        await picked
          .first()
          .waitFor({ timeout: 5000 })
          .catch(() => undefined);
      }
      for (let attempt = 0; attempt < 3 && (await dialog.isVisible()); attempt++) {
        await dialog
          .getByRole('button', { name: 'Insérer l’article' })
          .click({ timeout: 10_000 })
          .catch(() => undefined);
        await dialog.waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
      }
      await dialog.waitFor({ state: 'detached' });
    }

    await page.getByRole('button', { name: 'Ajouter un bloc' }).click();
    await page.getByRole('menuitem', { name: 'Agenda' }).click();
    const agenda = page.getByRole('region', { name: /Agenda/ });
    await agenda.getByLabel('Intitulé de l’événement').fill(EVENT);
    await agenda.getByLabel(/^Date/).fill('2026-05-21');
    await agenda.getByLabel('Heure (facultative)').fill('18:30');
    await agenda.getByLabel('Lieu').fill('Lyon, Hôtel de ville');

    const desktop = page.frameLocator('iframe[title="Aperçu sur ordinateur"]');
    await expect.poll(() => desktop.locator('body').textContent(), { timeout: 15_000 }).toContain(EVENT);
    const desktopText = (await desktop.locator('body').textContent()) ?? '';
    for (const text of [EDITO, FIRST, SECOND]) expect(desktopText).toContain(text);
    await page.getByText(/Enregistré à \d\d:\d\d/).waitFor({ timeout: 15_000 });
    await page.getByRole('link', { name: 'Toutes les newsletters' }).scrollIntoViewIfNeeded();
    await shoot(page, 'composer-desktop.png', { fullPage: false });

    // reorder from the keyboard: the second article goes above the first
    const before = await blockLabels(page);
    const firstAt = before.findIndex((label) => label.includes(FIRST));
    expect(before.findIndex((label) => label.includes(SECOND))).toBe(firstAt + 1);
    await page.getByRole('button', { name: `Déplacer Article\u00a0«\u00a0${SECOND}\u00a0»` }).focus();
    // dnd-kit listens for the arrows once the pick-up has been handled, and measures on each move
    for (const key of ['Space', 'ArrowUp', 'Space']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(300);
    }
    await expect.poll(async () => (await blockLabels(page)).findIndex((label) => label.includes(SECOND))).toBe(firstAt);
    await expect
      .poll(
        async () => {
          const html = (await desktop.locator('body').innerHTML()) ?? '';
          return html.indexOf(SECOND) < html.indexOf(FIRST);
        },
        { timeout: 15_000 },
      )
      .toBe(true);

    await page.getByRole('tab', { name: 'Mobile' }).click();
    const mobileFrame = page.locator('iframe[title="Aperçu sur mobile (375 px)"]');
    expect((await mobileFrame.boundingBox())?.width).toBe(375);
    const mobileText =
      (await page.frameLocator('iframe[title="Aperçu sur mobile (375 px)"]').locator('body').textContent()) ?? '';
    for (const text of [EDITO, FIRST, SECOND, EVENT]) expect(mobileText).toContain(text);
    await page.getByText(/Enregistré à \d\d:\d\d/).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Insérer un dossier' }).scrollIntoViewIfNeeded();
    await shoot(page, 'composer-mobile.png', { fullPage: false });

    await page.getByRole('button', { name: 'Envoyer un test' }).click();
    const dialog = page.getByRole('dialog', { name: 'Envoyer un test' });
    await dialog.getByText(`Un message partira à ${sender.email}.`).waitFor();
    expect(await dialog.getByLabel('Adresses de test').inputValue()).toBe(sender.email);
    await page.waitForTimeout(400); // the modal's opening transition, for the screenshot only
    await shoot(page, 'composer-test-dialog.png', { fullPage: false });
    await dialog.getByRole('button', { name: 'Envoyer le test' }).click();
    await page.getByText(`Envoyé par le serveur de messagerie à ${sender.email}.`).waitFor();

    const [mail] = await sink.waitFor(1);
    expect(sink.messages).toHaveLength(1);
    expect(mail!.to).toEqual([sender.email]);
    expect(mail!.raw).toMatch(/Content-Type: multipart\/alternative/i);
    expect(mail!.parsed.subject).toBe('[Test] La lettre des membres — printemps 2026');
    const html = String(mail!.parsed.html);
    const text = mail!.parsed.text ?? '';
    for (const expected of [EDITO, FIRST, SECOND, EVENT]) {
      expect(html).toContain(expected);
      expect(text).toContain(expected);
    }
    // the saved order is the one the test carries
    expect(html.indexOf(SECOND)).toBeLessThan(html.indexOf(FIRST));

    await page.getByRole('link', { name: 'Toutes les newsletters' }).click();
    const row = page.getByRole('row', { name: /La lettre des membres — printemps 2026/ });
    await row.getByText('brouillon').waitFor();
    await shoot(page, 'newsletters-list.png', { fullPage: false });
  }
});
