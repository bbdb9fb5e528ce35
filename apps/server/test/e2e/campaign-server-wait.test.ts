// A campaign waits for a mail server that refuses or does not answer: the page says why, since when and when it is
// tried next; staff can still pause it, and then both are said. The wait is set in the database as the sender would.
import { tmpdir } from 'node:os';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignProgress } from '@crieur/db';
import { setServerWait } from '@crieur/db/testing';
import { createDraftCampaign, seedSubscribers } from '../../../../workers/test/support/campaign-fixture';
import type { Harness } from '../harness';
import { login, shoot as shootAll } from './browser';
import { startE2e, type E2eWorld } from './start-e2e';

const SUBJECT = 'La lettre des membres — avril 2026';
const REASON =
  'Le serveur d’envoi refuse ou ne répond pas (25 erreurs de suite, dernière : connect ECONNREFUSED 10.0.0.25:587).';
const WAITING = 'En attente du serveur d’envoi';
const PAUSED_WAITING = 'En pause · serveur injoignable';

const parisTime = (d: Date) =>
  new Intl.DateTimeFormat('fr-FR', { timeStyle: 'medium', timeZone: 'Europe/Paris' }).format(d);

/** Keeps a screenshot with the others and a copy in /tmp to look at. */
const shoot = (page: Page, name: string) => shootAll(page, name, { copyTo: tmpdir() });

/** A badge whose label is cut ("En attente du serv…") has more text than room. */
const truncated = (badge: Locator) =>
  badge.locator('.mantine-Badge-label').evaluate((el) => {
    const box = el as unknown as { scrollWidth: number; clientWidth: number }; // no DOM types on the server side
    return box.scrollWidth > box.clientWidth + 1;
  });

describe('a campaign waiting for its mail server (Chromium)', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;
  let browser: BrowserContext;

  beforeAll(async () => {
    // the page compares the next try with the browser's clock: the server's must be real too
    world = await startE2e({ realClock: true });
    ({ h, base, browser } = world);
  });
  afterAll(() => world?.close());

  it('says why, since when and the next try; Pause still works; paused and waiting says both', async () => {
    await seedSubscribers(h.database.db, { list: 'membres', count: 12, now: new Date() });
    const id = await createDraftCampaign(h.database.db, { lists: ['membres'], subject: SUBJECT });
    const sender = await h.createStaff('sender', 'camille@icpc.example');
    // launched through the API; no worker runs here, so nothing is sent and the wait stays as set
    const api = h.client();
    expect((await api.login(sender.email)).statusCode).toBe(200);
    expect((await api.request('POST', `/api/campaigns/${id}/send`, {})).json()).toMatchObject({ status: 'sending' });
    const since = new Date(Date.now() - 4 * 60_000);
    const next = new Date(Date.now() + 20 * 60_000);
    await setServerWait(h.database.db, { campaignId: id, reason: REASON, since, nextProbeAt: next });

    const page = await browser.newPage();
    try {
      await login(page, base, sender.email);
      // the list says the campaign waits, in full, instead of "Envoi en cours"
      await page.goto(`${base}/studio/campaigns`);
      const row = page.getByRole('row', { name: new RegExp(SUBJECT) });
      const listBadge = row.getByText(WAITING, { exact: true });
      await listBadge.waitFor();
      expect(await row.getByText('Envoi en cours', { exact: true }).count()).toBe(0);
      expect(await truncated(row.locator('.mantine-Badge-root'))).toBe(false);
      await shoot(page, 'campaigns-list-server-wait.png');

      await row.getByRole('link', { name: SUBJECT }).click();
      await page.waitForURL(`${base}/studio/campaigns/${id}`);
      const alert = page.getByRole('status').filter({ hasText: WAITING });
      await alert.waitFor();
      expect(await alert.getAttribute('aria-labelledby')).toBeTruthy();
      const text = (await alert.textContent()) ?? '';
      expect(text).toContain(REASON);
      expect(text).toContain(`En attente depuis ${parisTime(since)} (heure de Paris)`);
      expect(text).toContain(`Prochain essai automatique à ${parisTime(next)}`);
      expect(text).toContain('L’envoi reprendra tout seul dès que le serveur répondra');
      expect(await page.getByTestId('campaign-status').textContent()).toBe(WAITING);
      await page.getByText('en attente du serveur', { exact: true }).waitFor(); // the time left
      const pause = page.getByRole('button', { name: 'Mettre en pause' });
      expect(await pause.isEnabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Annuler l’envoi' }).isEnabled()).toBe(true);
      await shoot(page, 'campaign-server-wait-desktop.png');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(400); // the navbar folds away with a transition
      expect(await truncated(page.getByTestId('campaign-status'))).toBe(false);
      await shoot(page, 'campaign-server-wait-390.png');
      await page.setViewportSize({ width: 1280, height: 800 });

      // staff pause a waiting campaign: it pauses, and the page says both
      await pause.click();
      const both = page.getByRole('status').filter({ hasText: 'En pause, et le serveur d’envoi ne répond pas' });
      await both.waitFor();
      expect(await page.getByTestId('campaign-status').textContent()).toBe(PAUSED_WAITING);
      const bothText = (await both.textContent()) ?? '';
      expect(bothText).toContain('L’envoi a été mis en pause par l’équipe.');
      expect(bothText).toContain(REASON);
      expect(bothText).toMatch(/la pause n’est jamais levée automatiquement/);
      expect(bothText).not.toContain('Prochain essai automatique');
      await page.getByRole('button', { name: 'Reprendre' }).waitFor();
      expect(await page.getByRole('button', { name: 'Annuler l’envoi' }).isEnabled()).toBe(true);
      expect((await campaignProgress(h.database.db, { campaignId: id, now: new Date() })).status).toBe('paused');
      await page.locator('.mantine-Notification-root').getByRole('button').click(); // the toast would hide the alert
      await shoot(page, 'campaign-server-wait-paused.png');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(400);
      expect(await truncated(page.getByTestId('campaign-status'))).toBe(false);
      await shoot(page, 'campaign-server-wait-paused-390.png');
      await page.setViewportSize({ width: 1280, height: 800 });

      await page.getByRole('link', { name: 'Toutes les campagnes' }).click();
      await row.getByText(PAUSED_WAITING, { exact: true }).waitFor();
      expect(await truncated(row.locator('.mantine-Badge-root'))).toBe(false);
      await shoot(page, 'campaigns-list-server-wait-paused.png');
    } catch (error) {
      await shoot(page, 'campaign-server-wait-failure.png').catch(() => undefined);
      throw error;
    }
  }, 120_000);
});
