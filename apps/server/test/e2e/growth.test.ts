import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeSnapshots } from '@crieur/growth';
import { seedGrowthFixture } from '@crieur/db/testing';
import type { Harness } from '../harness';
import { login, shoot } from './browser';
import { startE2e, type E2eWorld } from './start-e2e';

/** Points of each line of a chart, read from the SVG ECharts drew: one M or L command per point. */
async function linePoints(page: Page, chart: string, colors: string[]): Promise<number[]> {
  const counts: number[] = [];
  for (const color of colors) {
    const paths = await page.locator(`[data-chart="${chart}"] svg path[fill="none"][stroke="${color}"]`).all();
    const ds = await Promise.all(paths.map((p) => p.getAttribute('d')));
    // the legend's icon is a short path of the same colour: the line is the longest
    const line = ds.sort((a, b) => (b?.length ?? 0) - (a?.length ?? 0))[0] ?? '';
    counts.push((line.match(/[ML]/g) ?? []).length);
  }
  return counts;
}

describe('the Croissance page (Chromium, the known 2025 ledger)', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;
  let browser: BrowserContext;

  beforeAll(async () => {
    world = await startE2e();
    ({ h, base, browser } = world);
    h.clock.now = new Date('2026-11-23T08:00:00Z');
    await seedGrowthFixture(h.database.db);
    await takeSnapshots(h.database.db, { now: h.clock.now });
  }, 60_000);
  afterAll(() => world?.close());

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
    expect(
      (await page.locator('[data-headline="membres"] [data-figure="now"]').textContent())?.replace(/\u202f/g, ' '),
    ).toBe('3 240 abonné·es');
    expect(await page.locator('[data-headline="adherents"]').count()).toBe(0);

    await page
      .locator('[data-chart="growth-line"] svg path[fill="none"][stroke="#d9480f"]')
      .first()
      .waitFor({ state: 'attached' });
    // démocratieS: 200 days from 15 June plus the January count entered by staff; membres: 200 days
    expect(await linePoints(page, 'growth-line', ['#d9480f', '#1c7ed6'])).toEqual([201, 200]);
    // the entered count is marked, and said to be entered
    await page.getByText('Les chiffres marqués « saisi »').waitFor();
    const texts = await page.locator('[data-chart="growth-line"] svg text').allTextContents();
    expect(texts.filter((x) => x === 'saisi')).toHaveLength(1); // the label on the diamond
    expect(texts).toContain('Lettre de démocratieS (saisi)'); // and its legend
    await page.locator('[data-chart="growth-net"] svg').waitFor();
    await page.locator('[data-chart="growth-moves"] svg').waitFor();
    await page.waitForTimeout(800); // the charts' entry animation
    await shoot(page, 'studio-growth.png');

    // download as SVG: a real SVG file with the chart in it
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger « Abonné·es confirmé·es » en SVG' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('croissance-2025-01-01-2025-12-31-abonnes.svg');
    const svg = readFileSync((await download.path())!, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Lettre de démocratieS');
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger « Abonné·es confirmé·es » en PNG' }).click(),
    ]);
    expect(png.suggestedFilename()).toBe('croissance-2025-01-01-2025-12-31-abonnes.png');
    expect(
      readFileSync((await png.path())!)
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(800);
    await shoot(page, 'studio-growth-phone.png');
  }, 120_000);

  it('lists the campaigns and prints the yearly report', async () => {
    await browser.clearCookies(); // the editor's session stays in this profile otherwise
    const page = await browser.newPage();
    const sender = await h.createStaff('sender', 'envois@icpc.example');
    await login(page, base, sender.email);
    await page.goto(`${base}/studio/growth/campaigns?year=2025`);
    const table = page.getByTestId('campaign-report');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(11);
    const cells = await table.locator('tbody tr', { hasText: 'membres-octobre' }).locator('td').allTextContents();
    expect(cells.map((c) => c.replace(/\u202f/g, ' '))).toEqual([
      '30/10/2025',
      'Lettre membres-octobre',
      'membres',
      '3 300',
      '3 290',
      '6',
      '0',
      '4',
      '60',
    ]);
    await shoot(page, 'studio-growth-campaigns.png');

    await page.goto(`${base}/studio/growth/report?year=2025`);
    const lists = page.getByTestId('report-lists');
    await lists.waitFor();
    expect((await lists.locator('tbody tr', { hasText: 'démocratieS' }).textContent())?.replace(/\u202f/g, ' ')).toBe(
      'Lettre de démocratieS1 459 (saisi)1 714+25515440',
    );
    expect(await page.locator('[data-figure="sends"]').textContent()).toBe('11 lettres envoyées en 2025.');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').first().isVisible()).toBe(false);
    await shoot(page, 'studio-growth-report-print.png');
  }, 120_000);
});
