import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { PASSWORD } from '../harness';

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launchChromium(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'crieur-chromium-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    locale: 'fr-FR',
    viewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const screenshotDir = path.resolve(import.meta.dirname, '..', '..', '..', '..', '.test-results', 'screenshots');

/** Saves a screenshot with the others, of the whole page unless told; `copyTo` keeps a copy there to look at. */
export async function shoot(
  page: Page,
  name: string,
  options: { fullPage?: boolean; copyTo?: string } = {},
): Promise<void> {
  const file = path.join(screenshotDir, name);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true });
  // the copy's folder may not exist on a fresh machine (CI): a screenshot never fails a test for that
  if (options.copyTo) {
    mkdirSync(options.copyTo, { recursive: true });
    copyFileSync(file, path.join(options.copyTo, name));
  }
}

/** Logs a staff member in through the studio's form and waits for the shell. */
export async function login(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/studio/login`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('link', { name: 'Éditorial' }).first().waitFor();
}
