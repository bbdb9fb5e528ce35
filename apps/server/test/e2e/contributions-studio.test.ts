// Moderation in the studio (issue 17) in Chromium: an editor opens the queue, reads a proposal, accepts one for
// tomorrow 8 a.m. (Paris), asks for changes on another with a message, and edits a third; screenshots at 1440/390 px.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedContribution } from '@crieur/db/testing';
import type { Harness } from '../harness';
import { login, shoot } from './browser';
import { startE2e, type E2eWorld } from './start-e2e';

const SHOTS = '/tmp/shots/B';

describe('contributions in the studio (Chromium, PostgreSQL, Redis)', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;
  let editorEmail: string;
  let senderEmail: string;
  const ids: Record<string, string> = {};
  const stored = async (id: string) =>
    (
      (await h.database.db.execute(
        `select status, publish_at, staff_message, title from contributions where id = '${id}'`,
      )) as unknown as { rows: { status: string; publish_at: Date | null; staff_message: string; title: string }[] }
    ).rows[0]!;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // a second browser profile: the sender logs in without the editor's session
    world = await startE2e({ realClock: true, browsers: 2 });
    ({ h, base } = world);
    editorEmail = (await h.createStaff('editor', 'dominique@icpc.example')).email;
    senderEmail = (await h.createStaff('sender', 'sasha@icpc.example')).email;
    const hours = (n: number) => new Date(Date.now() - n * 3600_000);
    const db = h.database.db;
    ids.event = await seedContribution(
      db,
      {
        kind: 'event',
        title: 'Rencontre régionale de la participation citoyenne',
        description: 'Une journée d’ateliers entre collectivités et associations.\n\nInscription gratuite.',
        organiser: 'Réseau Participation Auvergne-Rhône-Alpes',
        proposerName: 'Léa Martin',
        email: 'lea.martin@participation-aura.example',
        startsAt: new Date('2027-03-27T08:30:00Z'),
        endsAt: new Date('2027-03-27T16:00:00Z'),
      },
      { now: hours(30) },
    );
    ids.job = await seedContribution(
      db,
      {
        kind: 'job',
        title: 'Chargé·e de mission concertation (CDD 12 mois)',
        organisation: 'Ville de Grenoble',
        proposerName: 'Karim Benali',
        email: 'k.benali@grenoble.example',
        closesOn: '2027-01-31',
      },
      { now: hours(20) },
    );
    ids.news = await seedContribution(
      db,
      {
        kind: 'news',
        title: 'Notre guide du débat public est paru',
        organisation: 'Décider ensemble',
        proposerName: 'Anne Roux',
        email: 'anne@decider-ensemble.example',
      },
      { now: hours(2) },
    );
    await seedContribution(db, { kind: 'event', status: 'accepted', title: 'Forum de la démocratie locale' });
  });
  afterAll(async () => {
    await world?.close();
  });

  it('an editor works the queue: reads, accepts for tomorrow 8 h, asks for changes, edits', async () => {
    const page = await world.browser.newPage();
    page.setDefaultTimeout(15_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, base, editorEmail);
    await page.getByRole('link', { name: 'Contributions' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Contributions' }).waitFor();
    const table = page.getByRole('table', { name: 'Propositions : À modérer' });
    await table.waitFor();
    // oldest first: the event came in before the job, the job before the news item
    const titles = await table.getByRole('link').allTextContents();
    expect(titles).toEqual([
      'Rencontre régionale de la participation citoyenne',
      'Chargé·e de mission concertation (CDD 12 mois)',
      'Notre guide du débat public est paru',
    ]);
    await expect(page.getByRole('tab', { name: /À modérer/ }).textContent()).resolves.toMatch(/3/);
    // and the navbar says how many wait, wherever the moderator is
    await page.getByRole('navigation').getByLabel('3 propositions à modérer').waitFor();
    await shoot(page, 'contributions-queue-1440.png', { copyTo: SHOTS });
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, 'contributions-queue-390.png', { copyTo: SHOTS });
    await page.setViewportSize({ width: 1440, height: 900 });

    // the kind filter keeps one kind
    await page.getByRole('combobox', { name: 'Type de proposition' }).click();
    await page.getByRole('option', { name: 'Offre d’emploi ou de stage' }).click();
    await expect
      .poll(() => table.getByRole('link').allTextContents())
      .toEqual(['Chargé·e de mission concertation (CDD 12 mois)']);
    await page.getByRole('combobox', { name: 'Type de proposition' }).click();
    await page.getByRole('option', { name: 'Tous les types' }).click();

    await table.getByRole('link', { name: 'Rencontre régionale de la participation citoyenne' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rencontre régionale de la participation citoyenne' }).waitFor();
    // Paris time: 08:30 UTC in March 2027 (before the change) is 09:30
    await page.getByText('sam. 27 mars 2027 à 09:30').waitFor();
    await page.getByText('lea.martin@participation-aura.example').waitFor();
    await page.getByText('Adresse confirmée').waitFor();
    await shoot(page, 'contribution-detail-1440.png', { copyTo: SHOTS });
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, 'contribution-detail-390.png', { copyTo: SHOTS });
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.getByRole('button', { name: 'Accepter' }).click();
    const accept = page.getByRole('dialog', { name: 'Accepter la proposition' });
    await accept.getByLabel('Publier à une date choisie').check();
    await accept.getByRole('button', { name: 'Demain 8 h' }).click();
    await accept.getByText(/Compris\s:\s/).waitFor();
    await shoot(page, 'contribution-accept-dialog.png', { copyTo: SHOTS, fullPage: false });
    await accept.getByRole('button', { name: 'Accepter et programmer' }).click();
    await expect.poll(() => page.getByTestId('contribution-status').textContent()).toBe('Acceptée');
    await page.getByText('Acceptée, publication programmée').waitFor();
    const event = await stored(ids.event!);
    expect(event.status).toBe('accepted');
    const publishAt = new Date(event.publish_at!);
    const paris = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
    expect(paris.format(publishAt)).toBe('08:00');
    expect(publishAt.getTime()).toBeGreaterThan(Date.now());

    await page.getByRole('link', { name: 'Toutes les propositions' }).click();
    await table.getByRole('link', { name: 'Chargé·e de mission concertation (CDD 12 mois)' }).click();
    await page.getByRole('button', { name: 'Demander des modifications' }).click();
    const ask = page.getByRole('dialog', { name: 'Demander des modifications' });
    await ask
      .getByText(/envoyé par e-mail/)
      .first()
      .waitFor();
    await ask.getByRole('button', { name: 'Envoyer la demande' }).click();
    await ask.getByText('Écrivez le message : il est envoyé par e-mail à l’auteur·rice.').waitFor();
    await ask.getByLabel('Message à l’auteur·rice').fill('Pouvez-vous indiquer la rémunération ?');
    await ask.getByRole('button', { name: 'Envoyer la demande' }).click();
    await expect.poll(() => page.getByTestId('contribution-status').textContent()).toBe('Modifications demandées');
    await page.getByText('Pouvez-vous indiquer la rémunération ?').first().waitFor();
    await shoot(page, 'contribution-changes-requested-1440.png', { copyTo: SHOTS });
    expect(await stored(ids.job!)).toMatchObject({
      status: 'changes_requested',
      staff_message: 'Pouvez-vous indiquer la rémunération ?',
    });
    const mails = (await h.database.db.execute(
      `select kind from contribution_mail where contribution_id in ('${ids.event}', '${ids.job}') order by kind`,
    )) as unknown as { rows: { kind: string }[] };
    expect(mails.rows.map((r) => r.kind)).toEqual(['accepted', 'changes_requested']);

    await page.getByRole('link', { name: 'Toutes les propositions' }).click();
    await table.getByRole('link', { name: 'Notre guide du débat public est paru' }).click();
    await page.getByRole('button', { name: 'Modifier' }).click();
    const form = page.getByRole('form', { name: 'Modifier la proposition' });
    await form.getByLabel(/^Titre/).fill('');
    await form.getByLabel(/^Organisation/).focus();
    await form.getByText('Ce champ ne peut pas être vide').waitFor();
    await form.getByLabel(/^Titre/).fill('Notre guide du débat public est paru (2e édition)');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notre guide du débat public est paru (2e édition)' }).waitFor();
    await page.getByText('Modifiée par l’équipe').waitFor();
    expect((await stored(ids.news!)).title).toBe('Notre guide du débat public est paru (2e édition)');
    await page.close();
  }, 120_000);

  it('a sender sees accepted items only, read-only', async () => {
    const page = await world.browsers[1]!.newPage();
    page.setDefaultTimeout(15_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, base, senderEmail);
    await page.getByRole('link', { name: 'Contributions' }).first().click();
    const table = page.getByRole('table', { name: 'Propositions : Acceptées' });
    await table.getByRole('link', { name: 'Forum de la démocratie locale' }).waitFor();
    expect(await page.getByRole('tab').count()).toBe(1);
    await table.getByRole('link', { name: 'Forum de la démocratie locale' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forum de la démocratie locale' }).waitFor();
    expect(await page.getByRole('button', { name: /Accepter|Refuser|Retirer du site|Modifier/ }).count()).toBe(0);
    expect(await page.getByText('proposante@exemple.org').count()).toBe(0);
    await page.close();
  }, 60_000);
});
