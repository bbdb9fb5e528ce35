import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserForLogin } from '@crieur/db';
import type { Harness } from '../harness';
import { inviteWithLink } from '../invitation-link';
import { launchChromium, shoot } from './browser';
import { startE2e, type E2eWorld } from './start-e2e';

const PASSPHRASE = 'cheval-agrafe-pile-correct-2026';

describe('new passwords and failed logins in the studio (Chromium)', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;
  let browser: BrowserContext;

  beforeAll(async () => {
    // three failures from one IP, then it waits: the browser and the API client share 127.0.0.1
    world = await startE2e({ deps: { login: { failuresPerIp: 3 } } });
    ({ h, base, browser } = world);
  });
  afterAll(() => world?.close());

  it('explains in French, as one types, why a password is weak; loads zxcvbn only there', async () => {
    h.clock.now = new Date();
    const admin = h.client();
    await admin.login((await h.createStaff('admin')).email);
    const invitation = { email: 'ines.moreau@icpc.example', name: 'Inès Moreau', role: 'editor' };
    const { inviteUrl } = await inviteWithLink(h, admin, invitation, { publicUrl: base });

    const page = await browser.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${base}/studio/login`);
    await page.getByLabel('Adresse e-mail').waitFor();
    expect(scripts.some((url) => /password-strength|zxcvbn/.test(url))).toBe(false); // not in the first load

    await page.goto(inviteUrl);
    await expect.poll(() => page.getByLabel('Adresse e-mail').inputValue()).toBe('ines.moreau@icpc.example');
    const password = page.getByLabel('Mot de passe', { exact: true });
    const hint = page.getByTestId('password-strength');

    await password.fill('password1234');
    await hint.getByText('Trop facile à deviner.').waitFor();
    await hint.getByText('Trop proche d’un mot de passe courant.').waitFor();
    expect(await hint.textContent()).toContain('phrase de passe');
    expect(scripts.some((url) => /password-strength|zxcvbn/.test(url))).toBe(true);

    await password.fill('aaaaaaaaaaaa');
    await hint.getByText(/Suite de caractères répétés/).waitFor();
    await password.fill('azertyuiop12');
    await hint.getByText(/rangée de touches du clavier/).waitFor();
    await password.fill('inesmoreau2026');
    await hint.getByText(/reprend votre nom, votre adresse e-mail/).waitFor();
    await shoot(page, 'invitation-weak-password.png', { fullPage: false });

    // submitted anyway: refused before it leaves the page, with the reason under the field
    await page.getByLabel('Confirmer le mot de passe').fill('inesmoreau2026');
    await page.getByRole('button', { name: 'Activer mon compte' }).click();
    await page.getByText('Ce mot de passe est trop facile à deviner : suivez les conseils sous le champ.').waitFor();
    expect(page.url()).toBe(inviteUrl);

    await password.fill(PASSPHRASE);
    await hint.getByText('Mot de passe solide.').waitFor();
    await page.getByLabel('Confirmer le mot de passe').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Activer mon compte' }).click();
    await page.getByRole('link', { name: 'Éditorial' }).first().waitFor();
    expect(await findUserForLogin(h.database.db, 'ines.moreau@icpc.example')).toMatchObject({ status: 'active' });
    await page.close();
  }, 120_000);

  it('shows one message for an unknown address and a wrong password, another when the IP must wait', async () => {
    const staff = await h.createStaff('editor', 'paul@icpc.example');
    const stranger = await launchChromium(); // no session, no known-device cookie
    const page = await stranger.newPage();
    const failedWith = async (email: string) => {
      await page.getByLabel('Adresse e-mail').fill(email);
      await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      await page.reload();
      return text;
    };
    await page.goto(`${base}/studio/login`);
    const unknown = await failedWith('personne@icpc.example');
    const wrong = await failedWith(staff.email);
    expect(unknown).toContain('Adresse e-mail ou mot de passe incorrect.');
    expect(wrong).toBe(unknown);
    await failedWith(staff.email);
    const waiting = await failedWith(staff.email);
    expect(waiting).toMatch(/Trop de tentatives depuis votre connexion \(adresse IP\)\. Patientez\s\d+\smin/);
    await shoot(page, 'login-ip-waits.png', { fullPage: false });
    await stranger.close();
  }, 120_000);
});
