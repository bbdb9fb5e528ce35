// « Mot de passe oublié ? » in Chromium: the link on the login page, the email in the outbox (.eml), the
// reset page, the new password working and the old one not, and the link refused the second time.
import path from 'node:path';
import { pino } from 'pino';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, type Mailer } from '@crieur/mailer';
import { startWorkers, type RunningWorkers } from '@crieur/workers';
import { PASSWORD, TEST_LINK_KEY, type Harness } from '../harness';
import { shoot } from './browser';
import { outboxEmailsTo } from './outbox';
import { startE2e, type E2eWorld } from './start-e2e';

const NEW_PASSWORD = 'lanterne-girafe-brouette-2026';

describe('a forgotten password, reset from the email (Chromium, outbox, PostgreSQL, Redis)', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;
  let browser: BrowserContext;
  let mailer: Mailer;
  let workers: RunningWorkers;
  let outbox: string;

  /** the .eml files the mail worker wrote, parsed, to one address */
  const emailsTo = (address: string) => outboxEmailsTo(outbox, address);

  beforeAll(async () => {
    world = await startE2e({ realClock: true });
    ({ h, base, browser } = world);
    outbox = path.join(world.dataDir, 'outbox');
    mailer = createMailer({ outboxDir: outbox }); // no SMTP_URL: the mail worker writes .eml files
    workers = await startWorkers({
      redisUrl: 'redis://127.0.0.1:6379',
      prefix: h.prefix,
      mode: 'test',
      logger: pino({ level: 'silent' }),
      mail: {
        db: h.database.db,
        mailer,
        publicUrl: base,
        linkKey: TEST_LINK_KEY,
        mailFrom: 'equipe@democraties.example',
      },
    });
  });
  afterAll(async () => {
    await workers?.close(5_000);
    await mailer?.close();
    await world?.close();
  });

  it('sends the link from the login page; the link sets a new password once', async () => {
    const email = 'lea.dubois@icpc.example';
    await h.createStaff('editor', email);
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${base}/studio/login`);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByRole('link', { name: 'Mot de passe oublié\u00a0?' }).click();

    // the address typed on the login page comes along
    await page.getByRole('heading', { name: 'Mot de passe oublié' }).waitFor();
    expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe(email);
    await shoot(page, 'password-forgot-1440.png', { fullPage: false });
    await page.getByRole('button', { name: 'Recevoir le lien' }).click();
    await page
      .getByText(
        'Si un compte existe pour cette adresse, un e-mail vient de lui être envoyé. Le lien est valable une heure.',
      )
      .waitFor();
    await shoot(page, 'password-forgot-sent-1440.png', { fullPage: false });

    await expect.poll(async () => (await emailsTo(email)).length, { timeout: 15_000 }).toBe(1);
    const [mail] = await emailsTo(email);
    expect(mail!.subject).toBe('Réinitialiser votre mot de passe');
    expect(mail!.text).toContain('Si vous n’êtes pas à l’origine de cette demande, ignorez ce message');
    const link = new RegExp(`${base}/studio/password-reset/[A-Za-z0-9_-]{20,}`).exec(mail!.text ?? '')![0];

    // the email as mail clients show it, on a desktop and on a phone
    const preview = await browser.newPage();
    for (const width of [1440, 390]) {
      await preview.setViewportSize({ width, height: 900 });
      await preview.setContent(mail!.html || '');
      await shoot(preview, `password-reset-email-${width}.png`);
    }
    await preview.close();

    await page.goto(link);
    await page.getByRole('heading', { name: 'Choisir un nouveau mot de passe' }).waitFor();
    expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe(email);
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('leadubois2026');
    await page.getByTestId('password-strength').getByText('Trop facile à deviner.').waitFor();
    await shoot(page, 'password-reset-weak-1440.png', { fullPage: false });
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PASSWORD);
    await page.getByTestId('password-strength').getByText('Mot de passe solide.').waitFor();
    await page.getByLabel('Confirmer le nouveau mot de passe').fill(NEW_PASSWORD);
    await shoot(page, 'password-reset-1440.png', { fullPage: false });
    await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();

    // back on the login page, told to log in with the new password
    await page.getByText('Mot de passe changé\u00a0; connectez-vous.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/studio/login');
    await shoot(page, 'password-reset-done-1440.png', { fullPage: false });
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText(/Adresse e-mail ou mot de passe incorrect/).waitFor();
    await page.getByLabel('Mot de passe', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('link', { name: 'Éditorial' }).first().waitFor();

    // the same link a second time: refused, with a way to ask for a new one
    await page.goto(link);
    await page.getByRole('heading', { name: 'Lien non valable' }).waitFor();
    await page.getByText(/Ce lien de réinitialisation n’est plus valable/).waitFor();
    await shoot(page, 'password-reset-invalid-1440.png', { fullPage: false });
    await page.getByRole('link', { name: 'Demander un nouveau lien' }).click();
    await page.getByRole('heading', { name: 'Mot de passe oublié' }).waitFor();
    await page.close();
  }, 120_000);
});
