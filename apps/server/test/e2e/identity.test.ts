// The association's identity in Chromium (issue 15): an admin fills « Identité » (name, postal address, sender, a logo
// uploaded with its alt text, the démocratieS accent checked live for contrast) and saves; after a reload it is all
// there; the login page names the association; no page of the studio shows the software's name, nor any tab title.
import { mkdirSync } from 'node:fs';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frenchOf } from '@crieur/content';
import { getNewsletterBranding, getOrganisation, updateOrganisation } from '@crieur/db';
import type { Harness } from '../harness';
import { login, shoot } from './browser';
import { startE2e, type E2eWorld } from './start-e2e';

const SHOTS = '/tmp/shots/B';
const NAME = 'Institut de la concertation et de la participation citoyenne';

/** Every text a person can read on the page, and the tab title, must be free of the software's name. */
async function expectNoSoftwareName(page: Page, where: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const text = await page.evaluate('`${document.title}\\n${document.body.innerText}`');
  expect(text, where).not.toMatch(/crieur/i);
}

// an <img> that the browser fetched and decoded (no DOM types in the tests' compile)
const loaded = (img: unknown) => {
  const i = img as { complete: boolean; naturalWidth: number };
  return i.complete && i.naturalWidth > 0;
};

describe('« Identité »: the association’s identity, set in the studio (Chromium, PostgreSQL, Redis)', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;
  let logoFile: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    world = await startE2e({ realClock: true });
    ({ h, base } = world);
    // a transparent PNG, as logos are
    logoFile = `${world.dataDir}/logo-icpc.png`;
    await sharp({
      create: { width: 480, height: 160, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .composite([
        {
          input: Buffer.from(
            '<svg width="480" height="160"><rect x="10" y="20" width="120" height="120" rx="24" fill="#1b4d89"/>' +
              '<text x="150" y="105" font-size="64" font-family="sans-serif" fill="#1b4d89">ICPC</text></svg>',
          ),
        },
      ])
      .png()
      .toFile(logoFile);
  });
  afterAll(async () => {
    await world?.close();
  });

  it('an admin fills the identity and a newsletter’s colours; they stay; the login page names the association', async () => {
    const me = await h.createStaff('admin', 'camille.martin@icpc.example');
    const page = await world.browser.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });

    // before anyone names the association: neutral words, never the software's name
    await page.goto(`${base}/studio/login`);
    await page.getByText('Espace réservé à l’équipe de l’association.').waitFor();
    await expect.poll(() => page.title()).toBe('Connexion au studio — Studio');
    await expectNoSoftwareName(page, 'login, unnamed');

    await login(page, base, me.email);
    await page.getByRole('link', { name: 'Identité' }).first().click();
    await page.getByRole('heading', { name: 'Identité', level: 1 }).waitFor();
    await page.getByText('Pas encore de logo').waitFor();

    await page.getByLabel('Nom de l’association').fill(NAME);
    await page.getByLabel('Adresse postale').fill('12 rue de l’Exemple\n75011 Paris');
    await page.getByLabel('Nom d’expéditeur par défaut').fill('ICPC');
    const senderEmail = page.getByLabel('Adresse d’expédition par défaut');
    // an error appears once the field is left, in French, and goes once it is right
    await senderEmail.fill('lettre@');
    await senderEmail.blur();
    await page.getByText('Saisissez une adresse e-mail valide, par exemple contact@exemple.org.').waitFor();
    await senderEmail.fill('lettre@icpc.example');
    await page.getByLabel('Adresse de réponse').fill('contact@icpc.example');

    // the logo: uploaded through the media library, alt text required
    await page.getByRole('button', { name: 'Choisir ou téléverser une image' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Choisir le logo de l’association' });
    await dialog.getByLabel('Fichier image').setInputFiles(logoFile);
    await dialog.getByRole('button', { name: 'Téléverser' }).click();
    await dialog.getByText('Le texte alternatif est obligatoire.').waitFor();
    await dialog.getByLabel('Texte alternatif').fill('Logo de l’ICPC');
    await dialog.getByRole('button', { name: 'Téléverser' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('img', { name: 'Logo de l’ICPC' }).first().waitFor();
    await page.getByRole('button', { name: 'Enregistrer l’association' }).click();
    await page.getByText('Identité de l’association enregistrée.').waitFor();
    // the header follows at once, the logo beside the name
    await page.getByRole('banner').getByRole('link', { name: NAME }).waitFor();
    const headerLogo = page.getByRole('banner').getByTestId('organisation-logo');
    await headerLogo.waitFor();
    expect(await headerLogo.evaluate(loaded)).toBe(true);

    // démocratieS: a light accent is refused live with its ratio, a dark one reads well
    await page.getByRole('tab', { name: 'démocratieS' }).click();
    const form = page.getByRole('form', { name: 'Habillage : démocratieS' });
    const accent = form.getByRole('textbox', { name: 'Couleur principale' });
    await accent.fill('#d0e4ff');
    await form.getByText('Contraste 1,2:1 — trop faible (4,5:1 au moins)').waitFor();
    await accent.fill('#5b3f8c');
    await form.getByText('Contraste 8,2:1 — lisible').waitFor();
    await accent.press('Escape'); // the colour picker closes
    await form.getByLabel('Texte de bienvenue').fill('Merci de votre inscription !\n\nUne lettre par mois.');
    await shoot(page, 'identity-democraties-1440.png', { fullPage: true, copyTo: SHOTS });
    await form.getByRole('button', { name: 'Enregistrer : démocratieS' }).click();
    await page.getByText('Habillage enregistré : démocratieS.').waitFor();

    expect(await getOrganisation(h.database.db)).toMatchObject({
      name: NAME,
      postalAddress: '12 rue de l’Exemple\n75011 Paris',
      senderName: 'ICPC',
      senderEmail: 'lettre@icpc.example',
      replyTo: 'contact@icpc.example',
    });
    expect(await getNewsletterBranding(h.database.db, 'democraties')).toMatchObject({ accent: '#5b3f8c' });

    // after a reload, everything is there
    await page.reload();
    await expect.poll(() => page.getByLabel('Nom de l’association').inputValue()).toBe(NAME);
    expect(await page.getByLabel('Adresse postale').inputValue()).toBe('12 rue de l’Exemple\n75011 Paris');
    expect(await page.getByLabel('Adresse d’expédition par défaut').inputValue()).toBe('lettre@icpc.example');
    await page.getByText('Texte alternatif : « Logo de l’ICPC »').waitFor();
    await page.getByRole('tab', { name: 'démocratieS' }).click();
    expect(await form.getByRole('textbox', { name: 'Couleur principale' }).inputValue()).toBe('#5b3f8c');
    await expect.poll(() => page.title()).toBe(`Identité — ${NAME}`);
    await page.getByRole('tab', { name: 'Lettre des membres' }).click();
    await shoot(page, 'identity-1440.png', { fullPage: true, copyTo: SHOTS });
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, 'identity-390.png', { fullPage: true, copyTo: SHOTS });
    await page.evaluate('window.scrollTo(0, 0)');
    await shoot(page, 'identity-390-top.png', { fullPage: false, copyTo: SHOTS });
    await page.setViewportSize({ width: 1440, height: 900 });

    // the login page names the association
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await page.getByText(`Espace réservé à l’équipe ${frenchOf(NAME)}.`).waitFor();
    await page.getByTestId('organisation-logo').waitFor();
    // the public pages: the association's logo in the footer, on its white plate
    await page.goto(`${base}/subscribe`);
    const footerLogo = page.getByRole('contentinfo').locator('.footer-logo img');
    await footerLogo.waitFor();
    expect(await footerLogo.evaluate(loaded)).toBe(true);
    await page.getByRole('contentinfo').screenshot({ path: `${SHOTS}/public-footer-1440.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('contentinfo').screenshot({ path: `${SHOTS}/public-footer-390.png` });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${base}/studio/login`);
    await expect.poll(() => page.title()).toBe(`Connexion au studio — ${NAME}`);
    await expectNoSoftwareName(page, 'login, named');
    await shoot(page, 'login-1440.png', { fullPage: true, copyTo: SHOTS });
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, 'login-390.png', { fullPage: true, copyTo: SHOTS });
    await page.close();
  }, 240_000);

  it('no page of the studio shows the software’s name, nor any tab title', async () => {
    // independent of the test above: the name is set here too
    await updateOrganisation(h.database.db, { name: NAME }, new Date());
    const me = await h.createStaff('admin', 'nora.admin@icpc.example');
    const page = await world.browser.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, base, me.email);
    for (const path of [
      '/',
      '/editorial',
      '/editorial/dossiers',
      '/editorial/calendar',
      '/newsletters',
      '/subscribers',
      '/subscribers/import',
      '/campaigns',
      '/growth',
      '/settings',
      '/settings/identity',
      '/users',
      '/nulle-part',
    ]) {
      await page.goto(`${base}/studio${path}`);
      await page.getByRole('banner').getByRole('link', { name: NAME }).waitFor();
      await expectNoSoftwareName(page, path);
    }
    await page.goto(`${base}/studio/queues`);
    await page.getByText('Files d’attente des envois').first().waitFor();
    await expectNoSoftwareName(page, '/studio/queues');
    await page.close();
  }, 180_000);
});
