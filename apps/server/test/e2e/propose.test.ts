// A member of the network proposes an event in Chromium with the keyboard, gets the confirmation email, follows its
// link and confirms: axe-core finds nothing serious on any page, at 1440 and 390 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listProposerContributions } from '@crieur/db';
import type { Harness } from '../harness';
import { axeFindings, describeFinding, isBlocking } from './axe';
import { shoot } from './browser';
import { startMailWorld, type MailWorld } from '../mail-world';
import { startE2e, type E2eWorld } from './start-e2e';

const SHOTS = '/tmp/shots/A';
const WIDTHS = [1440, 390] as const;

async function expectAccessible(page: Page, where: string) {
  const blocking = (await axeFindings(page)).filter(isBlocking);
  expect(blocking.map(describeFinding), where).toEqual([]);
}

/** Both widths: axe at each, then a full-page screenshot named `<name>-<width>.png`. */
async function checkAndShoot(page: Page, name: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page, `${name} at ${width}px`);
    const sideways = await page.evaluate('document.documentElement.scrollWidth > window.innerWidth');
    expect(sideways, `${name} scrolls sideways at ${width}px`).toBe(false);
    await shoot(page, `propose-${name}-${width}.png`, { copyTo: SHOTS });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** Types into the focused field, as a person would. */
async function typeInto(page: Page, label: string | RegExp, text: string) {
  await page.getByLabel(label).first().focus();
  await page.keyboard.type(text);
}

describe('proposing an event (Chromium, SMTP, PostgreSQL, Redis)', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;
  let mail: MailWorld;

  beforeAll(async () => {
    world = await startE2e({ realClock: true });
    ({ h, base } = world);
    mail = await startMailWorld(h, { publicUrl: base });
  });
  afterAll(async () => {
    await mail?.close();
    await world?.close();
  });

  it('form → errors kept in place → answer → email → « Mes propositions » → confirmed', async () => {
    const page = await world.browser.newPage();
    await page.goto(`${base}/proposer`);
    expect(await page.locator('h1').count()).toBe(1);
    await checkAndShoot(page, 'choice');
    await page.getByRole('link', { name: 'Un événement' }).click();
    await page.getByRole('heading', { name: 'Proposer un événement' }).waitFor();
    expect(await page.getByRole('link', { name: 'Un événement' }).getAttribute('aria-current')).toBe('page');
    await checkAndShoot(page, 'form-event');

    // sent half filled, with the keyboard: the errors come back beside their fields, what was typed stays
    await typeInto(page, 'Titre de l’événement', 'Rencontres <em>de la participation</em>');
    await typeInto(page, 'Votre nom', 'Camille Dupont');
    await page.getByRole('button', { name: 'Envoyer ma proposition' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /champs à corriger/ }).waitFor();
    expect(await page.getByLabel('Titre de l’événement').inputValue()).toBe('Rencontres <em>de la participation</em>');
    expect(await page.getByLabel('Votre nom').inputValue()).toBe('Camille Dupont');
    await expect(page.getByRole('alert').getByRole('link', { name: /Début/ }).count()).resolves.toBe(1);
    await checkAndShoot(page, 'form-errors');
    // the summary's link takes focus to its field
    await page
      .getByRole('alert')
      .getByRole('link', { name: /Organisé par/ })
      .click();
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('prop-organiser');

    const year = new Date().getFullYear() + 1;
    await page.getByLabel('Début').fill(`${year}-03-28T18:30`);
    await page.getByLabel('Fin').fill(`${year}-03-28T21:00`);
    await typeInto(page, 'Organisé par', 'Réseau Rhône');
    await typeInto(page, /^Lieu/, 'Maison des associations, Lyon');
    await typeInto(page, 'Description courte', 'Deux soirées de débats.\n\nEntrée libre.');
    await typeInto(page, 'Votre adresse e-mail', 'camille@reseau.example.org');
    await page.getByLabel(/J’accepte d’être contacté·e/).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Envoyer ma proposition' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Vérifiez votre boîte mail' }).waitFor();
    await checkAndShoot(page, 'thanks');

    const [email] = await mail.sink.waitFor(1);
    expect(email!.to).toEqual(['camille@reseau.example.org']);
    expect(email!.raw).not.toContain('Camille');
    expect(email!.raw).not.toContain('Rencontres');
    const link = email!.parsed.text!.match(/https?:\/\/\S+\/proposer\/suivi\/[A-Za-z0-9_-]+/)![0];
    // the confirmation email as a phone and a desktop client show it
    const viewer = await world.browser.newPage();
    for (const width of [600, 375]) {
      await viewer.setViewportSize({ width, height: 900 });
      await viewer.setContent(email!.parsed.html as string);
      await shoot(viewer, `propose-email-confirm-${width}.png`, { copyTo: SHOTS });
    }

    await page.goto(link); // a link scanner's GET confirms nothing
    await page.getByRole('heading', { name: 'Mes propositions' }).waitFor();
    await checkAndShoot(page, 'suivi-unconfirmed');
    const [before] = await statuses(h, 'camille@reseau.example.org');
    expect(before).toBe('unconfirmed');
    expect(await page.getByLabel(/Rencontres <em>de la participation<\/em>/).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByText('votre proposition est transmise à l’équipe').waitFor();
    expect(page.url()).toBe(`${link}?fait=confirme`);
    await checkAndShoot(page, 'suivi-confirmed');
    expect(await statuses(h, 'camille@reseau.example.org')).toEqual(['pending']);
  });
});

async function statuses(h: Harness, email: string): Promise<string[]> {
  const found = (await h.database.db.execute(
    `select id from proposers where lower(email) = lower('${email}')`,
  )) as unknown as { rows: { id: string }[] };
  const proposals = await listProposerContributions(h.database.db, { proposerId: found.rows[0]!.id });
  return proposals.map((p) => p.status);
}
