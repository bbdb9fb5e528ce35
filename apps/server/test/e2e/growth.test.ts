import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeSnapshots } from '@crieur/db';
import { seedGrowthFixture } from '@crieur/db/testing';
import { freePort } from '../free-port';
import { startHarness, type Harness } from '../harness';
import { launchChromium, login, screenshotDir } from './browser';

const studioDir = path.resolve(import.meta.dirname, '..', '..', '..', 'studio', 'dist');

/** Points of each line of a chart, read from the SVG ECharts drew: one M or L command per point. */
async function linePoints(page: Page, chart: string, colors: string[]): Promise<number[]> {
  return page.locator(`[data-chart="${chart}"] svg`).evaluate((svg, wanted) => {
    const paths = [...svg.querySelectorAll('path')].filter((p) => p.getAttribute('fill') === 'none' && wanted.includes(p.getAttribute('stroke') ?? ''));
    return wanted.map((color) => {
      const line = paths.filter((p) => p.getAttribute('stroke') === color).sort((a, b) => (b.getAttribute('d') ?? '').length - (a.getAttribute('d') ?? '').length)[0];
      return (line?.getAttribute('d')?.match(/[ML]/g) ?? []).length;
    });
  }, colors);
}

describe('the Croissance page (Chromium, the known 2025 ledger)', () => {
  let h: Harness;
  let base: string;
  let browser: BrowserContext;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://localhost:${port}`;
    h = await startHarness({ studioDir, env: { PUBLIC_URL: base } });
    h.clock.now = new Date('2026-11-23T08:00:00Z');
    await seedGrowthFixture(h.database.db);
    await takeSnapshots(h.database.db, { now: h.clock.now });
    await h.app.listen({ host: '127.0.0.1', port });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('shows the headline figures and one point per day and entered month', async () => {
    // an editor sees growth too: the board reads it without managing subscribers
    const editor = await h.createStaff('editor', 'redaction@icpc.example');
    const page = await browser.newPage();
    await login(page, base, editor.email);
    await page.getByRole('link', { name: 'Croissance' }).first().click();
    await page.getByRole('tab', { name: 'Abonné·es' }).waitFor();
    await page.goto(`${base}/studio/growth?lists=democraties,membres&from=2025-01-01&to=2025-12-31`);

    const d = page.locator('[data-headline="democraties"]');
    await d.waitFor();
    expect((await d.locator('[data-figure="now"]').textContent())?.replace(/\u202f/g, ' ')).toBe('1 724 abonné·es');
    expect(await d.locator('[data-figure="since"]').textContent()).toBe('+10 depuis le 1er janvier');
    expect((await page.locator('[data-headline="membres"] [data-figure="now"]').textContent())?.replace(/\u202f/g, ' ')).toBe('3 240 abonné·es');
    expect(await page.locator('[data-headline="adherents"]').count()).toBe(0);

    await page.locator('[data-chart="growth-line"] svg path').first().waitFor();
    // démocratieS: 200 days from 15 June plus the January count entered by staff; membres: 200 days
    expect(await linePoints(page, 'growth-line', ['#d9480f', '#1c7ed6'])).toEqual([201, 200]);
    // the entered count is marked, and said to be entered
    await page.getByText('Les chiffres marqués « saisi »').waitFor();
    expect(await page.locator('[data-chart="growth-line"] svg text', { hasText: 'saisi' }).count()).toBe(1);
    await page.locator('[data-chart="growth-net"] svg').waitFor();
    await page.locator('[data-chart="growth-moves"] svg').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'studio-growth.png'), fullPage: true });

    // download as SVG: a real SVG file with the chart in it
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger « Abonné·es confirmé·es » en SVG' }).click()]);
    expect(download.suggestedFilename()).toBe('croissance-2025-01-01-2025-12-31-abonnes.svg');
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger « Abonné·es confirmé·es » en PNG' }).click()]);
    expect(png.suggestedFilename()).toBe('croissance-2025-01-01-2025-12-31-abonnes.png');
  }, 120_000);

  it('lists the campaigns and prints the yearly report', async () => {
    const page = await browser.newPage();
    const sender = await h.createStaff('sender', 'envois@icpc.example');
    await login(page, base, sender.email);
    await page.goto(`${base}/studio/growth/campaigns?year=2025`);
    const table = page.getByTestId('campaign-report');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(11);
    expect((await table.locator('tbody tr', { hasText: 'membres-octobre' }).textContent())?.replace(/\u202f/g, ' ')).toContain('3 3003 29064060');
    await page.screenshot({ path: path.join(screenshotDir, 'studio-growth-campaigns.png'), fullPage: true });

    await page.goto(`${base}/studio/growth/report?year=2025`);
    const lists = page.getByTestId('report-lists');
    await lists.waitFor();
    expect((await lists.locator('tbody tr', { hasText: 'démocratieS' }).textContent())?.replace(/\u202f/g, ' ')).toBe('Lettre de démocratieS1 459 (saisi)1 714+25515440');
    expect(await page.locator('[data-figure="sends"]').textContent()).toBe('11 lettres envoyées en 2025.');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').first().isVisible()).toBe(false);
    await page.screenshot({ path: path.join(screenshotDir, 'studio-growth-report-print.png'), fullPage: true });
  }, 120_000);
});
