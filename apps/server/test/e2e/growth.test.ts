import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Growth } from '@crieur/api';
import { takeSnapshots } from '@crieur/growth';
import { seedGrowthFixture } from '@crieur/db/testing';
import type { Harness } from '../harness';
import { login, shoot } from './browser';

const SHOTS = process.env.GROWTH_SHOTS; // a folder to keep copies of the screenshots in, to look at
const plain = (text: string | null) => text?.replace(/[\u202f\u00a0]/g, ' ');
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
    expect(plain(await d.locator('[data-figure="since"]').textContent())).toBe('+10 depuis le 1er janvier');
    expect(
      (await page.locator('[data-headline="membres"] [data-figure="now"]').textContent())?.replace(/\u202f/g, ' '),
    ).toBe('3 240 abonné·es');
    expect(await page.locator('[data-headline="adherents"]').count()).toBe(0);

    await page
      .locator('[data-chart="growth-line"] svg path[fill="none"][stroke="#d9480f"]')
      .first()
      .waitFor({ state: 'attached' });
    // 200 measured days from 15 June each; the January count entered for démocratieS is a mark apart, never joined
    expect(await linePoints(page, 'growth-line', ['#d9480f', '#1c7ed6'])).toEqual([200, 200]);
    // the entered count is marked, and said to be entered
    await page.getByText('Les chiffres marqués « saisi »').waitFor();
    const texts = await page.locator('[data-chart="growth-line"] svg text').allTextContents();
    expect(texts.filter((x) => x === 'saisi')).toHaveLength(1); // the label on the diamond
    expect(texts).toContain('Lettre de démocratieS (saisi)'); // and its legend
    await page.locator('[data-chart="growth-net"] svg').waitFor();
    await page.locator('[data-chart="growth-moves"] svg').waitFor();
    await page.waitForTimeout(800); // the charts' entry animation
    await shoot(page, 'studio-growth.png', { copyTo: SHOTS });

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
    await shoot(page, 'studio-growth-phone.png', { copyTo: SHOTS });
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

  it('shows an import of today as today’s provisional point, and a list without a full month says why', async () => {
    // the server's day is now the real one; the nightly job has caught up to yesterday, today is live
    h.clock.now = new Date();
    await takeSnapshots(h.database.db, { now: h.clock.now });
    await browser.clearCookies();
    const staff = await h.createStaff('sender', 'imports@icpc.example');
    const api = h.client();
    expect((await api.login(staff.email)).statusCode).toBe(200);
    await api.refreshCsrf();
    const before = (await api.request('GET', '/api/growth?lists=adherents')).json<Growth>().lists[0]!;
    const imported = await h.app.inject({
      method: 'POST',
      url: '/api/imports?list=adherents&dryRun=false',
      headers: {
        cookie: `crieur_session=${api.cookie('crieur_session')}; crieur_csrf=${api.cookie('crieur_csrf')}`,
        'x-csrf-token': api.csrfToken!,
        'content-type': 'text/csv',
        'x-file-name': 'adhesions.csv',
      },
      payload: ['email', 'ines@example.org', 'jules@example.org', 'kim@example.org'].join('\r\n'),
    });
    expect(imported.statusCode).toBe(202);
    await expect
      .poll(async () => (await api.request('GET', '/api/growth?lists=adherents')).json<Growth>().lists[0]!.headline)
      .toMatchObject({ confirmedNow: before.headline.confirmedNow + 3 });

    const page = await browser.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, base, staff.email);
    await page.goto(`${base}/studio/growth?lists=adherents`);
    const now = `${before.headline.confirmedNow + 3} abonné·es`;
    expect(plain(await page.locator('[data-headline="adherents"] [data-figure="now"]').textContent())).toBe(now);
    // the chart's figures, as a screen reader reads them: today's row, provisional
    const today = page.locator('[data-chart-table="growth-line"] tr[data-kind="today"]');
    expect(await today.count()).toBe(1);
    expect(
      plain(
        await today
          .locator('td')
          .allTextContents()
          .then((cells) => cells.join('|')),
      ),
    ).toBe(
      `Lettre des adhérent·es|${new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris' }).format(new Date())}|${before.headline.confirmedNow + 3}|aujourd’hui (provisoire)`,
    );
    // and the chart marks it so
    await page.locator('[data-chart="growth-line"] svg').waitFor();
    await page.waitForTimeout(800);
    const texts = await page.locator('[data-chart="growth-line"] svg text').allTextContents();
    expect(texts).toContain('aujourd’hui (provisoire)');
    expect(texts).toContain('0'); // the axis starts at zero
    await shoot(page, 'studio-growth-today.png', { copyTo: SHOTS });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(800);
    await shoot(page, 'studio-growth-today-phone.png', { copyTo: SHOTS });

    // a list created by staff while the server runs: in the filters at once, counted from today
    await h.database.db.execute(
      `insert into lists (slug, name, visibility, legal_basis) values ('benevoles', 'Lettre des bénévoles', 'private', 'legitimate_interest')`,
    );
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${base}/studio/growth?lists=benevoles`);
    await page.getByRole('checkbox', { name: 'Lettre des bénévoles' }).waitFor({ state: 'attached' });
    const card = page.locator('[data-headline="benevoles"]');
    expect(plain(await card.locator('[data-figure="now"]').textContent())).toBe('0 abonné·e');
    expect(plain(await card.locator('[data-figure="since"]').textContent())).toBe(
      'Relevés automatiques depuis aujourd’hui : l’évolution s’affichera dès demain.',
    );
    // no empty frame: the net growth says when it will show
    expect(plain(await page.locator('[data-chart-empty="growth-net"]').textContent())).toMatch(
      /^La croissance nette apparaîtra dès le premier mois complet de relevés/,
    );
    // nor an empty chart of moves: a list fed by imports (or new) has none, and says so
    expect(plain(await page.locator('[data-chart-empty="growth-moves"]').textContent())).toMatch(
      /^Aucune inscription ni désinscription sur cette période\. Les imports n’y figurent pas/,
    );
    await page.waitForTimeout(800);
    await shoot(page, 'studio-growth-new-list.png', { copyTo: SHOTS });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(800);
    // nothing wider than the phone: the entered counts' table scrolls inside its card
    expect(
      await page.locator('html').evaluate((el) => (el as unknown as { scrollWidth: number }).scrollWidth),
    ).toBeLessThanOrEqual(390);
    await shoot(page, 'studio-growth-new-list-phone.png', { copyTo: SHOTS });
  }, 120_000);
});
