// The team in Chromium (issue 14): an admin invites a colleague by email, the email reaches the outbox through the
// mail worker, its link opens the invitation page that asks the name, the colleague joins and logs in; an address
// already in the team is refused by name; the first-run checklist ticks « Inviter l’équipe »; the settings page has
// the review-email switch, the organisation's name (« Identité ») and the activity log in words.
import path from 'node:path';
import { pino } from 'pino';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserById, findUserForLogin } from '@crieur/db';
import { createMailer, type Mailer } from '@crieur/mailer';
import { startWorkers, type RunningWorkers } from '@crieur/workers';
import { PASSWORD, TEST_LINK_KEY, type Harness } from '../harness';
import { login, shoot } from './browser';
import { outboxEmailsTo } from './outbox';
import { startE2e, type E2eWorld } from './start-e2e';

const LEA = 'lea.dubois@icpc.example';

describe('the team page, invitations by email and the first steps (Chromium, outbox, PostgreSQL, Redis)', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;
  let admin: BrowserContext;
  let colleague: BrowserContext;
  let mailer: Mailer;
  let workers: RunningWorkers;
  let outbox: string;

  const emailsTo = (address: string) => outboxEmailsTo(outbox, address);
  const step = (page: Page, label: string) => page.getByTestId('first-run-steps').locator('li', { hasText: label });

  beforeAll(async () => {
    world = await startE2e({ realClock: true, browsers: 2 });
    ({ h, base } = world);
    [admin, colleague] = world.browsers as [BrowserContext, BrowserContext];
    outbox = path.join(world.dataDir, 'outbox');
    mailer = createMailer({ outboxDir: outbox }); // no SMTP_URL: the mail worker writes .eml files
    workers = await startWorkers({
      redisUrl: 'redis://127.0.0.1:6379',
      prefix: h.prefix,
      mode: 'test',
      logger: pino({ level: 'silent' }),
      mail: { db: h.database.db, mailer, publicUrl: base, linkKey: TEST_LINK_KEY, mailFrom: 'equipe@icpc.example' },
    });
  });
  afterAll(async () => {
    await workers?.close(5_000);
    await mailer?.close();
    await world?.close();
  });

  it('an admin invites a colleague by email; the link asks the name; the colleague joins; the checklist ticks', async () => {
    const me = await h.createStaff('admin', 'camille.martin@icpc.example');
    const page = await admin.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, base, me.email);

    // a new installation: the first steps, « Inviter l’équipe » still to do
    await page.getByRole('heading', { name: 'Premiers pas' }).waitFor();
    await expect.poll(() => step(page, 'Inviter l’équipe').getAttribute('data-done')).toBe('false');
    await shoot(page, 'team-home-checklist-1440.png', { fullPage: false });

    await step(page, 'Inviter l’équipe').getByRole('link', { name: 'Inviter' }).click();
    await page.getByRole('button', { name: 'Inviter' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Adresse e-mail').fill(LEA);
    await dialog.getByLabel('Nom').fill('Léa Dubois');
    await dialog.getByLabel('Rôle').click();
    // every role says what it may do, in the list and under the field once chosen
    await page.getByRole('option', { name: /Écrit ses articles et les envoie en relecture/ }).waitFor();
    await shoot(page, 'team-invite-roles-1440.png', { fullPage: false });
    await page.getByRole('option', { name: /^Éditeur·rice/ }).click();
    await dialog.getByText(/Relit, programme et publie les articles et les dossiers/).waitFor();
    await shoot(page, 'team-invite-dialog-1440.png', { fullPage: false });
    await dialog.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await dialog.getByText(`Invitation envoyée à ${LEA}`).waitFor();
    await dialog.getByText(/l’e-mail est enregistré dans la boîte d’envoi locale/).waitFor();
    await shoot(page, 'team-invite-sent-1440.png', { fullPage: false });
    await dialog.getByRole('button', { name: 'Fermer', exact: true }).click();

    // the mail worker sends it: the outbox holds the email and its link
    await expect.poll(async () => (await emailsTo(LEA)).length, { timeout: 20_000 }).toBe(1);
    const [mail] = await emailsTo(LEA);
    const link = /(http:\/\/localhost:\d+\/studio\/invitation\/[A-Za-z0-9_-]{43})/.exec(mail!.text ?? '')?.[1];
    expect(link).toBeTruthy();
    expect(link!.startsWith(base)).toBe(true);
    // the worker stamps the email sent just after writing it: the team page then says when it went
    const invited = page.getByTestId(`user-row-${LEA}`);
    await expect
      .poll(
        async () => {
          await page.reload();
          await invited.waitFor();
          return invited.getByText(/Invitation envoyée le/).count();
        },
        { timeout: 15_000 },
      )
      .toBe(1);
    await shoot(page, 'team-users-invited-1440.png', { fullPage: false });

    // inviting the same address again: refused by name, nothing renamed, and the way to her row offered
    await page.getByRole('button', { name: 'Inviter' }).click();
    await dialog.getByLabel('Adresse e-mail').fill('LEA.DUBOIS@icpc.example');
    await dialog.getByLabel('Nom').fill('Quelqu’un d’autre');
    await dialog.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await dialog.getByText(/Cette adresse appartient déjà à Léa Dubois \(éditeur·rice, invité·e/).waitFor();
    await dialog.getByRole('button', { name: 'Renvoyer l’invitation à Léa Dubois' }).waitFor();
    await shoot(page, 'team-invite-taken-1440.png', { fullPage: false });
    await dialog.getByRole('button', { name: 'Voir Léa Dubois dans l’équipe' }).click();
    await expect.poll(() => page.getByTestId(`user-row-${LEA}`).getAttribute('aria-current')).toBe('true');
    expect((await findUserForLogin(h.database.db, LEA))?.name).toBe('Léa Dubois');

    // the colleague opens the link: the page asks her name, prefilled with what the admin typed
    const joining = await colleague.newPage();
    await joining.setViewportSize({ width: 1440, height: 900 });
    await joining.goto(link!);
    await expect.poll(() => joining.getByLabel('Adresse e-mail').inputValue()).toBe(LEA);
    expect(await joining.getByLabel('Nom').inputValue()).toBe('Léa Dubois');
    await joining.getByLabel('Nom').fill('Léa Dubois-Martin');
    await joining.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await joining.getByLabel('Confirmer le mot de passe').fill(PASSWORD);
    await shoot(joining, 'team-invitation-page-1440.png', { fullPage: false });
    await joining.getByRole('button', { name: 'Activer mon compte' }).click();
    await joining.getByRole('link', { name: 'Éditorial' }).first().waitFor();
    // the link works once
    const again = await colleague.newPage();
    await again.goto(link!);
    await again.getByText('Invitation non valable').waitFor();
    await again.close();

    // she logs in again with her password, and turns review emails off for herself only
    await joining.getByTestId('user-menu').click();
    await joining.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await login(joining, base, LEA);
    await joining.getByRole('link', { name: 'Réglages' }).first().click();
    const toggle = joining.getByRole('switch', { name: 'Recevoir par e-mail les demandes et décisions de relecture' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click({ force: true });
    await joining.getByText('Préférence enregistrée.', { exact: false }).waitFor();
    const lea = (await findUserForLogin(h.database.db, LEA))!;
    expect(lea).toMatchObject({ name: 'Léa Dubois-Martin', status: 'active', notifyReview: false });
    expect((await findUserById(h.database.db, me.id))?.notifyReview).toBe(true);
    await shoot(joining, 'team-settings-editor-1440.png', { fullPage: false });

    // the admin's team page: she is active, logged in (not « Jamais »); the checklist has ticked the step
    await page.reload();
    const row = page.getByTestId(`user-row-${LEA}`);
    await row.getByText('actif·ve').waitFor();
    expect(await row.getByText('Jamais').count()).toBe(0);
    await shoot(page, 'team-users-1440.png', { fullPage: false });
    // on a phone, one card a person: nothing cut, the status whole
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId(`user-card-${LEA}`).getByText('actif·ve').waitFor();
    await shoot(page, 'team-users-390.png', { fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.reload();
    await row.waitFor();

    await page.getByRole('link', { name: 'Accueil' }).first().click();
    await expect.poll(() => step(page, 'Inviter l’équipe').getAttribute('data-done')).toBe('true');

    // the organisation's name from « Identité », then the checklist ticks it too
    await step(page, 'Nommer l’organisation').getByRole('link', { name: 'Ouvrir « Identité »' }).click();
    const name = page.getByLabel('Nom de l’association');
    // the checklist's link lands on the field itself
    const nameId = await name.getAttribute('id');
    await expect.poll(() => page.evaluate("document.activeElement?.getAttribute('id')")).toBe(nameId);
    await name.fill('Institut de la concertation et de la participation citoyenne');
    await page.getByRole('button', { name: 'Enregistrer l’association' }).click();
    await page.getByText('Identité de l’association enregistrée.').waitFor();

    // the activity log in words, in the settings
    await page.getByRole('link', { name: 'Réglages' }).first().click();
    const log = page.getByRole('table', { name: 'Journal d’activité' });
    await log.getByText('camille.martin@icpc.example a invité Léa Dubois-Martin (éditeur·rice)').waitFor();
    await log.getByText('Léa Dubois-Martin a rejoint l’équipe (invitation acceptée)').waitFor();
    await shoot(page, 'team-settings-admin-1440.png', { fullPage: true });

    await page.getByRole('link', { name: 'Accueil' }).first().click();
    await expect.poll(() => step(page, 'Nommer l’organisation').getAttribute('data-done')).toBe('true');
    await shoot(page, 'team-home-checklist-ticked-1440.png', { fullPage: false });
  }, 180_000);
});
