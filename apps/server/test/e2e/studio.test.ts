import type { BrowserContext } from 'playwright-core';
import { findUserForLogin } from '@crieur/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, type Harness } from '../harness';
import { issueInvitationLink } from '../invitation-link';
import { shoot } from './browser';
import { startE2e, type E2eWorld } from './start-e2e';

describe('the studio in Chromium', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;
  let admin: BrowserContext;
  let guest: BrowserContext;

  beforeAll(async () => {
    world = await startE2e({ browsers: 2 });
    ({ h, base } = world);
    [admin, guest] = world.browsers as [BrowserContext, BrowserContext];
  });
  afterAll(() => world?.close());

  it('logs in, shows the shell in French, and an admin invites a user who then joins', async () => {
    h.clock.now = new Date();
    const me = await h.createStaff('admin', 'camille@icpc.example');
    const page = await admin.newPage();
    await page.goto(`${base}/studio/`);
    await page.waitForURL(/\/studio\/login/);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');

    await page.getByLabel('Adresse e-mail').fill(me.email);
    await page.getByLabel('Mot de passe').fill('mauvais mot de passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBeTruthy();
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByLabel('Mot de passe').press('Enter');

    for (const section of ['Éditorial', 'Newsletters', 'Abonné·es', 'Campagnes', 'Croissance', 'Réglages']) {
      await page.getByRole('link', { name: section }).first().waitFor();
    }
    await shoot(page, 'studio-home.png', { fullPage: false });
    // on a phone, a greeting by a long address (no name given yet) wraps instead of widening the page
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() => page.evaluate('document.documentElement.scrollWidth - window.innerWidth') as Promise<number>)
      .toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('link', { name: 'Utilisateur·rices' }).click();
    await page.getByRole('button', { name: 'Inviter' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Adresse e-mail').fill('nora@icpc.example');
    await dialog.getByLabel('Nom').fill('Nora');
    await dialog.getByLabel('Rôle').click();
    await page.getByRole('option', { name: 'Auteur·rice' }).click();
    await dialog.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    // no link to copy any more: it goes by email (the mail worker makes it; here, as it would)
    await dialog.getByText('Invitation envoyée à nora@icpc.example').waitFor();
    await shoot(page, 'studio-invite.png', { fullPage: false });
    await dialog.getByRole('button', { name: 'Fermer', exact: true }).click();
    const nora = (await findUserForLogin(h.database.db, 'nora@icpc.example'))!;
    const first = (await issueInvitationLink(h, nora.id, base)).inviteUrl;

    // the email got lost: the admin sends it again, and only the newest email's link works
    await page.getByRole('button', { name: 'Renvoyer l’invitation à Nora' }).click();
    await page.getByText('Invitation renvoyée à nora@icpc.example.', { exact: false }).waitFor();
    const link = (await issueInvitationLink(h, nora.id, base)).inviteUrl;
    expect(link).not.toBe(first);
    await shoot(page, 'studio-users.png', { fullPage: false });

    const joining = await guest.newPage();
    await joining.goto(first);
    await joining.getByText('Invitation non valable').waitFor();
    await joining.goto(link);
    await expect.poll(() => joining.getByLabel('Adresse e-mail').inputValue()).toBe('nora@icpc.example');
    await joining.getByLabel('Nom').fill('Nora Benali');
    await joining.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await joining.getByLabel('Confirmer le mot de passe').fill(PASSWORD);
    await joining.getByLabel('Confirmer le mot de passe').press('Enter');
    await joining.getByRole('link', { name: 'Éditorial' }).first().waitFor();
    // an author does not see the users page
    expect(await joining.getByRole('link', { name: 'Utilisateur·rices' }).count()).toBe(0);

    await shoot(joining, 'studio-author-home.png', { fullPage: false });
    expect(await findUserForLogin(h.database.db, 'nora@icpc.example')).toMatchObject({
      role: 'author',
      status: 'active',
      name: 'Nora Benali',
    });
    await page.reload();
    await page.getByText('Nora Benali').waitFor();

    // the admin reads the activity log and the local outbox in Réglages
    await page.getByRole('link', { name: 'Réglages' }).first().click();
    const log = page.getByRole('table', { name: 'Journal d’activité' });
    await log.getByText('Nora Benali a rejoint l’équipe (invitation acceptée)').first().waitFor();
    expect(await log.getByText('Échec de connexion au compte de', { exact: false }).count()).toBeGreaterThan(0);
    await page.getByRole('heading', { name: 'Boîte d’envoi locale' }).waitFor();
  }, 120_000);
});
