// A sender starts a campaign from the studio, pauses and resumes it, and follows it to the end,
// with a real campaign worker, SMTP server, PostgreSQL and Redis behind the page.
import path from 'node:path';
import { Redis } from 'ioredis';
import pino from 'pino';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdCampaign, scheduleCampaign } from '@crieur/db';
import { createMailer, type Mailer } from '@crieur/mailer';
import { startCampaignWorker, type CampaignWorker } from '@crieur/workers';
import { createDraftCampaign, seedSubscribers } from '../../../../workers/test/support/campaign-fixture';
import { startSmtpRecorder, type SmtpRecorder } from '../../../../workers/test/support/smtp-recorder';
import { TEST_LINK_KEY, type Harness } from '../harness';
import { login, shoot } from './browser';
import { startE2e, type E2eWorld } from './start-e2e';

const SUBJECT = 'La lettre des membres — mars 2026';
const RECIPIENTS = 300;
// slow enough that the page sees the bar move, measures the pace and pauses midway, even on a busy machine (300 messages take about 10 s)
const SEND_RATE = 30;

/** The figure after "<label> :" in the progress legend. */
async function legendFigure(page: Page, label: string): Promise<number> {
  const text =
    (await page
      .locator('li', { hasText: `${label} :` })
      .first()
      .textContent()) ?? '';
  const digits = /:\s*([\d\s\u202f\u00a0]+)/.exec(text)?.[1]?.replace(/\D/g, '');
  if (!digits) throw new Error(`no figure for ${label} in "${text}"`);
  return Number(digits);
}

describe('a sender sends a campaign and follows it live (Chromium)', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;
  let browser: BrowserContext;
  let smtp: SmtpRecorder;
  let mailer: Mailer;
  let connection: Redis;
  let worker: CampaignWorker | undefined;

  beforeAll(async () => {
    // the worker runs on real time: the server's clock must too
    world = await startE2e({ env: { MAIL_FROM: 'démocratieS <lettre@lettre.example.org>' }, realClock: true });
    ({ h, base, browser } = world);
    smtp = await startSmtpRecorder();
    mailer = createMailer({
      smtpUrl: smtp.url,
      outboxDir: path.join(world.dataDir, 'outbox'),
      pool: true,
      maxConnections: 3,
    });
    connection = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    worker = await startCampaignWorker({
      db: h.database.db,
      transport: mailer,
      publicUrl: base,
      linkKey: TEST_LINK_KEY,
      mailFrom: 'démocratieS <lettre@lettre.example.org>',
      sendRate: SEND_RATE,
      concurrency: 3,
      lateMinutes: 60,
      batchSize: 100,
      retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 400 },
      reconcileEveryMs: 500,
      livenessTtlMs: 5000,
      lockDurationMs: 10_000,
      connection,
      prefix: h.prefix,
      logger: pino({ level: 'silent' }),
      now: () => new Date(),
    });
  });
  afterAll(async () => {
    await worker?.close();
    await mailer?.close();
    await smtp?.close();
    connection?.disconnect();
    await world?.close();
  });

  it('send now (one click), see the bar move, pause, resume, 300 sent, look up one address; desktop and 390 px', async () => {
    const emails = await seedSubscribers(h.database.db, { list: 'membres', count: RECIPIENTS, now: new Date() });
    const id = await createDraftCampaign(h.database.db, { lists: ['membres'], subject: SUBJECT });
    const sender = await h.createStaff('sender', 'camille@icpc.example');
    const page = await browser.newPage();
    const sendRequests: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith(`/api/campaigns/${id}/send`))
        sendRequests.push(request.url());
    });
    try {
      await login(page, base, sender.email);
      await page.getByRole('link', { name: 'Campagnes' }).first().click();
      const row = page.getByRole('row', { name: new RegExp(SUBJECT) });
      await row.waitFor();
      expect(await row.textContent()).toContain('Brouillon');
      await row.getByRole('link', { name: SUBJECT }).click();
      await page.waitForURL(`${base}/studio/campaigns/${id}`);
      await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
      await shoot(page, 'campaign-draft.png');

      // the confirmation names the list and the approximate count
      await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
      const dialog = page.getByRole('dialog', { name: 'Envoyer maintenant ?' });
      await dialog.getByText(`Environ ${RECIPIENTS} personnes la recevront.`).waitFor();
      expect(await dialog.textContent()).toContain('Lettre des membres');
      await shoot(page, 'campaign-send-confirm.png', { fullPage: false });
      // a double click sends one request: the button is disabled while the first one runs
      // with the preflight's warnings (no DKIM here) the button reads « Envoyer quand même »
      await dialog.getByRole('button', { name: /^(Confirmer l’envoi|Envoyer quand même)$/ }).dblclick();
      await dialog.waitFor({ state: 'detached' });
      expect(sendRequests).toHaveLength(1);

      // the bar moves: the sent figure grows while the campaign is sending
      await page.getByText('Envoi en cours', { exact: true }).first().waitFor({ timeout: 10_000 });
      await expect.poll(() => legendFigure(page, 'Envoyés'), { timeout: 10_000, interval: 200 }).toBeGreaterThan(0);
      const early = await legendFigure(page, 'Envoyés');
      expect(early).toBeLessThan(RECIPIENTS);
      await expect.poll(() => legendFigure(page, 'Envoyés'), { timeout: 10_000, interval: 200 }).toBeGreaterThan(early);
      // the page measures the pace between its polls: about SEND_RATE a second, written the French way
      const rate = async () =>
        Number(
          (
            (await page
              .getByText(/^\d+(,\d)? messages\/s$/)
              .first()
              .textContent()) ?? ''
          )
            .replace(' messages/s', '')
            .replace(',', '.'),
        );
      await expect.poll(rate, { timeout: 10_000 }).toBeGreaterThan(SEND_RATE * 0.6);
      expect(await rate()).toBeLessThan(SEND_RATE * 1.5);
      await page.getByText(/^(moins d’une minute|environ \d+ min)$/).waitFor();
      await shoot(page, 'campaign-sending.png');

      await page.getByRole('button', { name: 'Mettre en pause' }).click();
      await page.getByText('En pause', { exact: true }).first().waitFor();
      await page.getByRole('button', { name: 'Reprendre' }).waitFor();
      // in-flight messages land, then nothing moves while paused
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const pausedAt = smtp.messages.length;
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(smtp.messages.length).toBe(pausedAt);
      expect(pausedAt).toBeLessThan(RECIPIENTS);
      await expect.poll(() => legendFigure(page, 'Envoyés'), { timeout: 5000 }).toBe(pausedAt);
      await shoot(page, 'campaign-paused.png');

      await page.getByRole('button', { name: 'Reprendre' }).click();
      await page.getByText('Envoyée', { exact: true }).first().waitFor({ timeout: 60_000 });
      await expect.poll(() => legendFigure(page, 'Envoyés'), { timeout: 5000 }).toBe(RECIPIENTS);
      expect(await legendFigure(page, 'Restants')).toBe(0);
      expect(await legendFigure(page, 'Échecs')).toBe(0);
      await page.getByText(/300 sur 300 traités \(100\s%\)/).waitFor();
      await page.getByText('Aucune erreur pour cette campagne.').waitFor();
      await page.getByText('Vitesse moyenne').waitFor();
      // exactly one message per recipient, pause and resume included
      const counts = smtp.countsByAddress();
      expect(counts.size).toBe(RECIPIENTS);
      for (const email of emails) expect(counts.get(email)).toBe(1);

      // "did r42 get it?"
      await page.getByLabel('Adresse e-mail').fill('R42@example.org');
      await page.getByRole('button', { name: 'Chercher' }).click();
      const found = page.getByText('envoyé (accepté par le serveur d’envoi)');
      await found.waitFor();
      const card = page.locator('section', { has: page.getByRole('heading', { name: 'Retrouver un·e destinataire' }) });
      const cardText = (await card.textContent()) ?? '';
      expect(cardText).toContain('Réponse du serveur');
      expect(cardText).toMatch(/250/);
      expect(cardText).toMatch(/Envoyé le\s*\d{1,2} \p{L}+ \d{4}/u);
      await page.getByLabel('Adresse e-mail').fill('personne@ailleurs.example');
      await page.getByRole('button', { name: 'Chercher' }).click();
      await page.getByText(/personne@ailleurs\.example ne fait pas partie des destinataires/).waitFor();
      await page.getByLabel('Adresse e-mail').fill('r42@example.org');
      await page.getByRole('button', { name: 'Chercher' }).click();
      await found.waitFor();
      await shoot(page, 'campaign-sent-desktop.png');

      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(400); // the navbar folds away with a transition
      await shoot(page, 'campaign-sent-390.png');

      // the list shows the figures too, in French
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.getByRole('link', { name: 'Toutes les campagnes' }).click();
      const sentRow = page.getByRole('row', { name: new RegExp(SUBJECT) });
      await sentRow.getByText('Envoyée', { exact: true }).waitFor();
      expect(await sentRow.textContent()).toContain('300 / 300');
      await shoot(page, 'campaigns-list.png');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(400);
      await shoot(page, 'campaigns-list-390.png');
    } catch (error) {
      await shoot(page, 'campaign-sending-failure.png').catch(() => undefined);
      throw error;
    }
  }, 180_000);
  it('a campaign that is not ready lists its problems; scheduling in Paris time from a browser elsewhere; a held campaign offers a choice', async () => {
    const sender = await h.createStaff('sender', 'louise@icpc.example');
    const unready = await createDraftCampaign(h.database.db, { lists: ['adherents'], subject: '' });
    await browser.clearCookies(); // the first test's sender is still logged in
    const page = await browser.newPage();
    // the browser lives in New York: the schedule must still be read in Paris time
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'America/New_York' });
    try {
      await login(page, base, sender.email);
      await page.goto(`${base}/studio/campaigns/${unready}`);
      await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
      const dialog = page.getByRole('dialog', { name: 'Envoyer maintenant ?' });
      // nobody is on the adherents list in this test: the dialog says so instead of "about 0 people"
      await dialog.getByText(/^Personne n’est inscrit·e et confirmé·e sur ces listes/).waitFor();
      // the checks before sending find the empty subject as soon as the dialog opens: sending is not offered
      await dialog.getByText('L’objet est vide\u00a0: écrivez-le dans les réglages de la lettre.').waitFor();
      expect(await dialog.getByRole('link', { name: 'Corriger dans la lettre' }).getAttribute('href')).toBe(
        `/studio/newsletters/${unready}`,
      );
      // its label says « Envoyer quand même » when warnings remain too (no DKIM here): blocked either way
      const confirm = dialog.getByRole('button', { name: /^(Confirmer l’envoi|Envoyer quand même)$/ });
      expect(await confirm.isDisabled()).toBe(true);
      await shoot(page, 'campaign-not-ready.png', { fullPage: false });
      await dialog.getByRole('button', { name: 'Annuler' }).click();

      const ready = await createDraftCampaign(h.database.db, {
        lists: ['adherents'],
        subject: 'La lettre des adhérent·es',
      });
      await page.goto(`${base}/studio/campaigns/${ready}`);
      await page.getByRole('button', { name: 'Programmer' }).click();
      const schedule = page.getByRole('dialog', { name: 'Programmer l’envoi' });
      await schedule.getByRole('button', { name: 'Programmer' }).click();
      await schedule.getByText('Choisissez une date.').waitFor();
      await schedule.getByText('Indiquez une heure, par exemple 09:30.').waitFor();
      await schedule.getByLabel('Date').click();
      await page.getByRole('button', { name: 'Mois suivant' }).click();
      // the 15th of next month, as the calendar names its days ("15 avril 2027")
      const now = new Date();
      const target = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 15, 12));
      const dayName = new Intl.DateTimeFormat('fr-FR', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(target);
      await page.getByRole('button', { name: dayName, exact: true }).click();
      await schedule.getByLabel('Heure (heure de Paris)').fill('09:30');
      await shoot(page, 'campaign-schedule.png', { fullPage: false });
      await schedule.getByRole('button', { name: 'Programmer' }).click();
      await schedule.waitFor({ state: 'detached' });
      await page.getByText('Programmée', { exact: true }).first().waitFor();
      await page.getByText(`Programmée pour le ${dayName} à 09:30 (heure de Paris).`, { exact: false }).waitFor();
      const stored = await (await page.request.get(`${base}/api/campaigns/${ready}`)).json();
      const paris = new Intl.DateTimeFormat('fr-FR', {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: 'Europe/Paris',
      }).format(new Date(stored.campaign.scheduledAt));
      expect(paris).toBe(`${dayName} à 09:30`);
      await shoot(page, 'campaign-scheduled.png');
      await page.getByRole('button', { name: 'Annuler la programmation' }).click();
      await page.getByText('Brouillon', { exact: true }).first().waitFor();

      // a schedule found too late is held for a human, with the reason
      await scheduleCampaign(h.database.db, { campaignId: ready, now: new Date(), at: new Date(Date.now() + 60_000) });
      await holdCampaign(h.database.db, {
        campaignId: ready,
        now: new Date(),
        reason: 'L’heure prévue est passée depuis 95 min (système arrêté).',
      });
      await page.reload();
      await page.getByText('Retenue', { exact: true }).first().waitFor();
      await page.getByText('L’heure prévue est passée depuis 95 min (système arrêté).').waitFor();
      await page.getByRole('button', { name: 'Envoyer maintenant' }).waitFor();
      await page.getByRole('button', { name: 'Reprogrammer' }).waitFor();
      await shoot(page, 'campaign-held.png');
    } catch (error) {
      await shoot(page, 'campaign-schedule-failure.png').catch(() => undefined);
      throw error;
    }
  }, 120_000);
});
