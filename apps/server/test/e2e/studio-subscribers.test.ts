import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../harness';
import { login, shoot } from './browser';
import { startE2e, type E2eWorld } from './start-e2e';

describe('staff import a spreadsheet and find the people (Chromium)', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;
  let browser: BrowserContext;

  beforeAll(async () => {
    world = await startE2e();
    ({ h, base, browser } = world);
  });
  afterAll(() => world?.close());

  it('uploads a CSV, reads the summary, and finds an imported person with their consent proof', async () => {
    h.clock.now = new Date();
    const sender = await h.createStaff('sender', 'chloe@icpc.example');
    const file = path.join(tmpdir(), `adherents-${Date.now()}.csv`);
    writeFileSync(
      file,
      '\ufeffPrénom;Nom;Courriel\r\nHélène;Durand;helene@example.org\r\nJean;Dupont;pas-une-adresse\r\nZoé;Martin;zoe@example.org\r\nZoé;Martin;ZOE@example.org\r\n',
    );

    const page = await browser.newPage();
    await login(page, base, sender.email);
    await page.getByRole('link', { name: 'Abonné·es' }).first().click();
    await page.getByRole('link', { name: 'Importer un fichier' }).click();

    await page.getByRole('combobox', { name: 'Liste', exact: true }).click();
    await page.getByRole('option', { name: /adhérent/i }).click();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: 'Lancer l’import' }).click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    expect(await page.getByTestId('import-count-imported').textContent()).toContain('2');
    expect(await page.getByTestId('import-count-problems').textContent()).toContain('2');
    await shoot(page, 'studio-import.png');

    await page.goto(`${base}/studio/subscribers`);
    await page.getByLabel('Rechercher').fill('zoe@');
    await page.getByLabel('Rechercher').press('Enter');
    await page.getByRole('link', { name: 'zoe@example.org' }).click();
    await page.getByRole('heading', { name: 'zoe@example.org' }).waitFor();
    const subscriptions = page.getByTestId('subscriptions-table');
    await subscriptions
      .getByText(/import/i)
      .first()
      .waitFor();
    await shoot(page, 'studio-subscriber.png');
  }, 120_000);
});
