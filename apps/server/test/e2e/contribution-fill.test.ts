// A sender fills a letter's agenda, job offers and members' news from the accepted contributions in the composer,
// reorders a row, sends a test over SMTP, and the email shows the filled blocks (Chromium; screenshots to look at).
import { writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedContributions } from '@crieur/db/testing';
import { createMailer, type Mailer } from '@crieur/mailer';
import type { Harness } from '../harness';
import { startSmtpSink } from '../smtp-sink';
import { login, shoot } from './browser';
import { startE2e, type E2eWorld } from './start-e2e';

const SHOTS = '/tmp/shots/D';
const DAY = 86_400_000;
const HOUR = 3_600_000;

describe('« Remplir avec les contributions » in the composer, then the test email (Chromium)', () => {
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

  it('fills the three blocks, says when there is nothing more, and the email carries them', async () => {
    h.clock.now = new Date();
    const at = (ms: number) => new Date(h.clock.now.getTime() + ms);
    const day = (ms: number) => at(ms).toISOString().slice(0, 10);
    await seedContributions(
      h.database.db,
      [
        {
          kind: 'event',
          status: 'accepted',
          title: 'Rencontres régionales de la participation',
          startsAt: at(12 * DAY),
          endsAt: at(12 * DAY + 3 * HOUR),
          place: 'Lyon, Hôtel de Région',
        },
        {
          kind: 'event',
          status: 'accepted',
          title: 'Webinaire : évaluer une concertation',
          startsAt: at(5 * DAY),
          endsAt: at(5 * DAY + HOUR),
          online: true,
          place: '',
        },
        {
          kind: 'job',
          status: 'accepted',
          title: 'Chargé·e de concertation',
          organisation: 'Ville de Grenoble',
          place: 'Grenoble',
          closesOn: day(20 * DAY),
        },
        {
          kind: 'job',
          status: 'accepted',
          title: 'Stage : animation de jurys citoyens',
          organisation: 'Collectif Démocratie Ouverte',
          place: 'Paris',
          remote: true,
          closesOn: day(9 * DAY),
        },
        {
          kind: 'news',
          status: 'accepted',
          title: 'Notre guide de la concertation locale est paru',
          organisation: 'Territoires en dialogue',
          description: 'Soixante pages de méthodes éprouvées, à télécharger librement.\nVersion papier sur demande.',
        },
        // accepted an hour ago: the server's clock stands still at `now`
      ],
      { now: at(-HOUR) },
    );
    const staff = await h.createStaff('sender', 'camille@icpc.example');
    const api = h.client();
    await api.login(staff.email);
    await api.refreshCsrf();
    const { campaign } = (await api.request('POST', '/api/campaigns', { kind: 'adherents' })).json();
    const saved = await api.request('PUT', `/api/campaigns/${campaign.id}`, {
      version: campaign.version,
      kind: 'adherents',
      subject: 'La lettre des adhérent·es — le réseau en mouvement',
      preheader: 'Agenda, offres et nouvelles du réseau',
      fromName: '',
      replyTo: '',
      lists: ['adherents'],
      blocks: [
        { type: 'agenda', title: 'Agenda', events: [{ title: '', date: '', place: '', url: '' }] },
        { type: 'jobs', title: 'Offres d’emploi', offers: [{ title: '', organisation: '', place: '', url: '' }] },
        { type: 'membersNews', title: 'Les actualités de nos adhérent·es', items: [{ title: '', text: '', url: '' }] },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);

    const page = await browser.newPage();
    await page.setViewportSize({ width: 1440, height: 1000 });
    try {
      await fill(page, staff.email, campaign.id as string);
    } catch (error) {
      await shoot(page, 'contribution-fill-failure.png', { copyTo: SHOTS }).catch(() => undefined);
      throw error;
    }

    const sent = await api.request('POST', `/api/campaigns/${campaign.id}/test`, { addresses: staff.email });
    expect(sent.statusCode, sent.body).toBe(202);
    const [mail] = await sink.waitFor(1);
    const html = String(mail!.parsed.html);
    const text = mail!.parsed.text ?? '';
    for (const expected of ['Webinaire', 'Rencontres régionales', 'Ville de Grenoble', 'Territoires en dialogue'])
      expect(html + text).toContain(expected);
    expect(text).toMatch(/Candidatures jusqu’au \d/);
    // the reordered offers: the stage (closing first) was moved below the Grenoble offer
    expect(html.indexOf('Ville de Grenoble')).toBeLessThan(html.indexOf('animation de jurys'));
    writeFileSync(`${SHOTS}/email.html`, html);
    const email = await browser.newPage();
    for (const width of [600, 375]) {
      await email.setViewportSize({ width, height: 900 });
      await email.setContent(html, { waitUntil: 'load' });
      await email.screenshot({ path: `${SHOTS}/email-${width}.png`, fullPage: true });
    }
  }, 180_000);

  async function fill(page: Page, email: string, id: string): Promise<void> {
    await login(page, base, email);
    await page.goto(`${base}/studio/newsletters/${id}`);
    const regions = {
      agenda: page.getByRole('region', { name: /Agenda/ }),
      jobs: page.getByRole('region', { name: /Offres d’emploi/ }),
      news: page.getByRole('region', { name: /Actualités des adhérent·es/ }),
    };
    await regions.agenda.getByRole('button', { name: 'Remplir avec les contributions' }).waitFor();
    await shoot(page, 'composer-fill-before.png', { fullPage: false, copyTo: SHOTS });
    for (const [region, count] of [
      [regions.agenda, 2],
      [regions.jobs, 2],
      [regions.news, 1],
    ] as const) {
      await region.getByRole('button', { name: 'Remplir avec les contributions' }).click();
      await region
        .getByRole('status')
        .getByText(count > 1 ? `${count} contributions ajoutées` : '1 contribution ajoutée')
        .waitFor();
    }
    // events in date order: the webinar (in 5 days) first, « En ligne »
    expect(await regions.agenda.getByLabel('Intitulé de l’événement').first().inputValue()).toContain('Webinaire');
    expect(await regions.agenda.getByLabel('Lieu').first().inputValue()).toBe('En ligne');
    // a second fill finds nothing new, and says so
    await regions.agenda.getByRole('button', { name: 'Remplir avec les contributions' }).click();
    await regions.agenda.getByRole('status').getByText('Aucune contribution acceptée à ajouter.').waitFor();
    // staff reorder: the Grenoble offer goes up
    await regions.jobs.getByRole('button', { name: 'Monter : Offre 2' }).click();
    expect(await regions.jobs.getByLabel('Intitulé du poste').first().inputValue()).toBe('Chargé·e de concertation');
    await page.getByText(/Enregistré à \d\d:\d\d/).waitFor({ timeout: 15_000 });
    await regions.jobs.scrollIntoViewIfNeeded();
    await shoot(page, 'composer-fill-1440.png', { fullPage: false, copyTo: SHOTS });
    await page.setViewportSize({ width: 390, height: 844 });
    await regions.news.scrollIntoViewIfNeeded();
    await shoot(page, 'composer-fill-390.png', { fullPage: false, copyTo: SHOTS });
  }
});
