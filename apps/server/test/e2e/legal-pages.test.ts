// The legal pages in Chromium (issue 16): an admin fills them in the studio, readers read them at 1440 and 390 px,
// and a real confirmation email (worker → SMTP) links to them from its footer.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness } from '../harness';
import type { SmtpSink } from '../smtp-sink';
import { startMailWorld, type MailWorld } from '../mail-world';
import { login, shoot } from './browser';
import { startE2e, type E2eWorld } from './start-e2e';

const SHOTS = '/tmp/shots/legal';
const WIDTHS = [1440, 390] as const;
const doc = (text: string) => ({
  type: 'doc',
  content: [text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' }],
});

describe('the legal pages: studio, reader pages and email footers (Chromium, SMTP, PostgreSQL, Redis)', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;
  let api: Client;
  let adminEmail: string;
  let sink: SmtpSink;
  let mailWorld: MailWorld;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    world = await startE2e({ realClock: true });
    ({ h, base } = world);
    mailWorld = await startMailWorld(h, { publicUrl: base, mailFrom: 'lettre@democraties.example' });
    sink = mailWorld.sink;
    adminEmail = (await h.createStaff('admin', 'camille@icpc.example')).email;
    api = h.client();
    await api.login(adminEmail);
    await api.refreshCsrf();
    await api.request('PUT', '/api/organisation', {
      name: 'Institut de la concertation et de la participation citoyenne',
      postalAddress: '12 rue de la Concertation\n75011 Paris',
    });
    const put = async (slug: string, title: string, body: string, fields: Record<string, string>) =>
      expect(
        (await api.request('PUT', `/api/legal-pages/${slug}`, { title, body: doc(body), fields })).statusCode,
      ).toBe(200);
    await put(
      'mentions-legales',
      'Mentions légales',
      'Sauf mention contraire, les textes sont sous licence CC BY-SA 4.0.',
      {
        registration: 'W751234567',
        director: 'Camille Dupont, présidente',
        email: 'contact@i-cpc.example',
        phone: '01 23 45 67 89',
      },
    );
    await put('confidentialite', 'Politique de confidentialité', 'Nous écrivons peu, et seulement à qui le demande.', {
      privacyEmail: 'donnees@i-cpc.example',
    });
    await put('contact', 'Contact', '', {
      intro: 'Une question, une idée d’article, un retour ? Écrivez-nous : nous lisons tout.',
      email: 'redaction@i-cpc.example',
    });
  });
  afterAll(async () => {
    await mailWorld?.close();
    await world?.close();
  });

  it('an admin sees what the law still asks, fills in the host and saves; the page shows it at once', async () => {
    const page = await world.browser.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, base, adminEmail);
    await page.getByRole('link', { name: 'Pages légales' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pages légales' }).waitFor();
    const form = page.getByRole('form', { name: 'Mentions légales' });
    await form.getByText('Indiquez l’hébergeur : la loi l’exige.').waitFor();
    await shoot(page, 'legal-studio-missing.png', { copyTo: SHOTS });
    await form.getByLabel(/^Hébergeur/).fill('OVH SAS');
    await form.getByLabel(/^Adresse de l’hébergeur/).fill('2 rue Kellermann\n59100 Roubaix');
    await form.getByLabel(/^Téléphone de l’hébergeur/).fill('+33 9 72 10 10 07');
    await form.getByText('Tout ce que la loi demande est renseigné.').waitFor();
    await form.getByRole('button', { name: 'Enregistrer : Mentions légales' }).click();
    await page.getByText('Page « Mentions légales » enregistrée : elle est en ligne.').waitFor();
    await shoot(page, 'legal-studio-saved.png', { copyTo: SHOTS });

    const reader = await world.browser.newPage();
    await reader.goto(`${base}/mentions-legales`);
    await reader.getByText('2 rue Kellermann').waitFor();
    await page.close();
    await reader.close();
  });

  it('shows each page with one H1, its sections and no empty label, at 1440 and 390 px', async () => {
    const page = await world.browser.newPage();
    for (const [slug, title, expected] of [
      ['mentions-legales', 'Mentions légales', ['Éditeur du site', 'Publication', 'Hébergement']],
      [
        'confidentialite',
        'Politique de confidentialité',
        ['Ce que nous enregistrons', 'Combien de temps', 'Vos droits, et comment les exercer'],
      ],
      ['contact', 'Contact', ['Nous joindre', 'Vos données']],
    ] as const) {
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${base}/${slug}`);
        expect(await page.getByRole('heading', { level: 1 }).allTextContents(), slug).toEqual([title]);
        const h2 = (await page.getByRole('heading', { level: 2 }).allTextContents()).map((t) => t.replace(/\s+/g, ' '));
        for (const heading of expected) expect(h2, slug).toContain(heading);
        // a phone's width never scrolls sideways
        expect(
          await page.locator('html').evaluate((el) => (el as unknown as { scrollWidth: number }).scrollWidth),
          `${slug} ${width}`,
        ).toBeLessThanOrEqual(width);
        await shoot(page, `legal-${slug}-${width}.png`, { copyTo: SHOTS });
      }
    }
    await page.close();
  });

  it('a confirmation email links to the legal pages from its footer, and the links land on them', async () => {
    const res = await fetch(`${base}/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'lea.martin@example.org', lists: ['democraties'], consent: true }),
    });
    expect(res.status).toBe(202);
    const [mail] = await sink.waitFor(1);
    const html = mail!.parsed.html as string;
    expect(html).toContain(`href="${base}/mentions-legales"`);
    expect(html).toContain(`href="${base}/confidentialite"`);
    expect(mail!.parsed.text).toMatch(new RegExp(`Mentions légales\\s:\\s${base}/mentions-legales`));
    expect(mail!.parsed.text).toMatch(new RegExp(`Confidentialité\\s:\\s${base}/confidentialite`));

    const page = await world.browser.newPage();
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.setContent(html);
      const footer = page.getByRole('link', { name: 'Confidentialité' });
      await footer.scrollIntoViewIfNeeded();
      await shoot(page, `legal-email-footer-${width}.png`, { copyTo: SHOTS, fullPage: true });
    }
    // the email's links open a new tab: follow each one as a reader's mail client would
    for (const [name, heading] of [
      ['Mentions légales', 'Mentions légales'],
      ['Confidentialité', 'Politique de confidentialité'],
    ] as const) {
      await page.setContent(html);
      const href = await page.getByRole('link', { name, exact: true }).getAttribute('href');
      await page.goto(href!);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    }
    await page.close();
  });
});
