// The checklist before sending, in Chromium: the composer's panel and the send dialog, with a block and with warnings.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCampaign } from '@crieur/db/testing';
import { seedSubscribers } from '../../../../workers/test/support/campaign-fixture';
import { login, shoot } from './browser';
import { startE2e, type E2eWorld } from './start-e2e';

const SHOTS = '/tmp/shots/D';
const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe('preflight in the studio (Chromium)', () => {
  let world: E2eWorld;
  let email: string;

  beforeAll(async () => {
    world = await startE2e({ env: { DNS_SERVERS: '127.0.0.1:9' } });
    email = (await world.h.createStaff('sender')).email;
    await seedSubscribers(world.h.database.db, { list: 'membres', count: 12, now: world.h.clock.now });
  }, 60_000);
  afterAll(async () => world?.close());

  const draft = (blocks: unknown[]) =>
    createTestCampaign(world.h.database.db, {
      slug: `e2e-${randomUUID().slice(0, 8)}`,
      lists: ['membres'],
      subject: 'Le printemps des communes',
      preheader: '',
      blocks,
    });

  it('blocks an image without alt text, in the composer and in the send dialog; warnings allow « Envoyer quand même »', async () => {
    const blocked = await draft([
      { type: 'edito', doc: doc('Chères et chers membres, le printemps des communes commence.') },
      { type: 'image', src: '/media/absente/email.jpg', caption: 'Atelier à Lyon' },
    ]);
    const warned = await draft([
      { type: 'edito', doc: doc('Chères et chers membres, le printemps des communes commence.') },
      { type: 'button', label: 'Une page du site qui n’existe pas', url: `${world.base}/articles/introuvable` },
    ]);
    for (const width of [1440, 390]) {
      let page = await world.browser.newPage();
      await page.setViewportSize({ width, height: 900 });
      // one browser profile: logged in once for both widths
      if (width === 1440) await login(page, world.base, email);
      await page.goto(`${world.base}/studio/newsletters/${blocked}`);
      const panel = page.locator('section', { has: page.getByRole('heading', { name: 'Vérifications avant envoi' }) });
      await panel.getByText(/point bloque l’envoi/).waitFor({ timeout: 20_000 });
      await panel
        .getByText(/Une image n’a pas de texte alternatif/)
        .first()
        .waitFor();
      await panel.getByRole('button', { name: 'Aller au bloc 2' }).first().click();
      await panel.scrollIntoViewIfNeeded();
      await shoot(page, `preflight-composer-${width}.png`, { fullPage: false, copyTo: SHOTS });
      // a fresh page: the composer may ask before leaving (beforeunload), which Playwright answers "stay"
      await page.close();
      page = await world.browser.newPage();
      await page.setViewportSize({ width, height: 900 });

      await page.goto(`${world.base}/studio/campaigns/${blocked}`);
      // « Programmer » shows the same checklist: a block keeps it off
      await page.getByRole('button', { name: 'Programmer', exact: true }).click();
      const scheduling = page.getByRole('dialog', { name: 'Programmer l’envoi' });
      await scheduling.getByText(/point bloque l’envoi/).waitFor({ timeout: 20_000 });
      expect(await scheduling.getByRole('button', { name: /^Programmer/ }).isDisabled()).toBe(true);
      // the modal fades in (Mantine's transition): shot once it is opaque
      await page.waitForTimeout(400);
      await shoot(page, `preflight-schedule-blocked-${width}.png`, { copyTo: SHOTS });
      await scheduling.getByRole('button', { name: 'Annuler' }).click();
      await scheduling.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
      let dialog = page.getByRole('dialog', { name: 'Envoyer maintenant ?' });
      await dialog.getByText(/point bloque l’envoi/).waitFor({ timeout: 20_000 });
      expect(await dialog.getByRole('button', { name: /Confirmer l’envoi|Envoyer quand même/ }).isDisabled()).toBe(
        true,
      );
      await shoot(page, `preflight-send-blocked-${width}.png`, { copyTo: SHOTS });
      await dialog.getByRole('button', { name: 'Annuler' }).click();

      await page.goto(`${world.base}/studio/campaigns/${warned}`);
      await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
      dialog = page.getByRole('dialog', { name: 'Envoyer maintenant ?' });
      await dialog
        .getByText(/avertissements/)
        .first()
        .waitFor({ timeout: 20_000 });
      await dialog.getByText(/Un lien répond 404/).waitFor();
      await dialog.getByRole('button', { name: /Voir les vérifications réussies/ }).click();
      await shoot(page, `preflight-send-warnings-${width}.png`, { copyTo: SHOTS });
      if (width === 390) {
        await dialog.getByRole('button', { name: 'Envoyer quand même' }).click();
        await dialog.waitFor({ state: 'detached' });
      }
      await page.close();
    }
  }, 120_000);
});
