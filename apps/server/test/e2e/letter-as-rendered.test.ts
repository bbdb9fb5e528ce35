// The letter as readers receive it (issue 15): a members' letter with every block kind and real images, sent for
// real to an SMTP server, read as a webmail would (images from another origin), in the composer's sandboxed preview,
// and on the public archive page, in Chromium at desktop and phone widths.
import { Redis } from 'ioredis';
import pino from 'pino';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEmailHtml } from '@crieur/content/testing';
import { updateOrganisation } from '@crieur/db';
import { createMailer, type Mailer } from '@crieur/mailer';
import { startCampaignWorker, type CampaignWorker } from '@crieur/workers';
import { seedSubscribers } from '../../../../workers/test/support/campaign-fixture';
import { TEST_LINK_KEY, type Client, type Harness } from '../harness';
import { startSmtpSink, type SmtpSink } from '../smtp-sink';
import { login, shoot } from './browser';
import { publishArticle, uploadCover } from './reader-seed';
import { startE2e, type E2eWorld } from './start-e2e';

const SHOTS = '/tmp/shots/A';
const MAIL_FROM = 'ICPC <lettre@icpc.example>';
const SUBJECT = 'La lettre des membres — printemps 2026';

type ImageFacts = { src: string; alt: string | null; width: number; height: number; natural: number; shown: number };

/** Every image of the page (or frame), as the browser loaded it. */
const imagesIn = (page: Page | Frame) =>
  page.evaluate(`(async () => {
    const images = [...document.images];
    await Promise.all(images.map((img) => img.complete ? null : new Promise((r) => { img.onload = img.onerror = r; setTimeout(r, 10000); })));
    return images.map((img) => ({
      src: img.currentSrc || img.src, alt: img.getAttribute('alt'),
      width: Number(img.getAttribute('width')), height: Number(img.getAttribute('height')),
      natural: img.naturalWidth, shown: img.getBoundingClientRect().width,
    }));
  })()`) as Promise<ImageFacts[]>;

/** Links and buttons of the page smaller than a finger (44 px high), as laid out. */
const smallTargets = (page: Page) =>
  page.evaluate(`[...document.querySelectorAll('a[href]')]
    .filter((a) => a.getBoundingClientRect().height > 0 && a.getBoundingClientRect().height < 44)
    .map((a) => (a.textContent || '').trim() + ' ' + Math.round(a.getBoundingClientRect().height) + 'px')`) as Promise<
    string[]
  >;

describe('the letter as rendered: test send, real send, preview and archive (Chromium)', () => {
  let world: E2eWorld;
  let h: Harness;
  let base: string;
  let browser: BrowserContext;
  let sink: SmtpSink;
  let mailer: Mailer;
  let connection: Redis;
  let worker: CampaignWorker | undefined;
  let editor: Client;
  let campaignId: string;
  let slug: string;
  let photoId: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    mailer = createMailer({ smtpUrl: sink.url, outboxDir: '/nonexistent' });
    world = await startE2e({ deps: { mailer }, env: { MAIL_FROM }, realClock: true });
    ({ h, base, browser } = world);
    connection = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    worker = await startCampaignWorker({
      db: h.database.db,
      transport: mailer,
      publicUrl: base,
      linkKey: TEST_LINK_KEY,
      mailFrom: MAIL_FROM,
      sendRate: 50,
      concurrency: 1,
      lateMinutes: 60,
      batchSize: 100,
      retry: { maxAttempts: 2, baseDelayMs: 100, maxDelayMs: 200 },
      reconcileEveryMs: 500,
      livenessTtlMs: 5000,
      lockDurationMs: 10_000,
      connection,
      prefix: h.prefix,
      logger: pino({ level: 'silent' }),
      now: () => new Date(),
    });
    editor = h.client();
    await editor.login((await h.createStaff('admin', 'lea@icpc.example')).email);
    photoId = await uploadCover(h, editor, {
      alt: 'Des habitant·es votent à main levée',
      caption: 'Photo : ICPC',
      colours: ['#2d6a4f', '#95d5b2'],
    });
    // the association's logo: transparent around its mark, so the letter carries it as a PNG
    const mark = await sharp({ create: { width: 300, height: 120, channels: 4, background: '#1b4d89ff' } })
      .png()
      .toBuffer();
    const logo = await sharp({ create: { width: 600, height: 240, channels: 4, background: '#00000000' } })
      .composite([{ input: mark, left: 150, top: 60 }])
      .png()
      .toBuffer();
    const uploaded = await editor.upload(`/api/media?alt=${encodeURIComponent('ICPC')}`, logo, 'image/png');
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    await updateOrganisation(h.database.db, { name: 'ICPC', logoMediaId: uploaded.json().media.id }, new Date());
    const article = await publishArticle(editor, {
      title: 'À Grenoble, un budget participatif qui tient ses promesses',
      lede: 'Dix ans de projets proposés et votés par les habitant·es.',
      rubrique: 'sur-le-terrain',
      topic: 'budget participatif',
      tags: [],
      authors: ['Nora'],
      cover: photoId,
      dossierId: null,
    });
    const created = await editor.request('POST', '/api/campaigns', { kind: 'membres', lists: ['membres'] });
    expect(created.statusCode, created.body).toBe(201);
    const campaign = created.json().campaign;
    campaignId = campaign.id;
    const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
    const saved = await editor.request('PUT', `/api/campaigns/${campaignId}`, {
      version: campaign.version,
      kind: 'membres',
      subject: SUBJECT,
      preheader: 'Budgets participatifs, assemblée générale et offres d’emploi',
      fromName: '',
      replyTo: '',
      lists: ['membres'],
      blocks: [
        {
          type: 'edito',
          doc: { type: 'doc', content: [para('Chères et chers membres, voici les nouvelles du printemps.')] },
          signature: 'Marion Dupuis, présidente',
        },
        { type: 'sectionTitle', text: 'démocratieS' },
        {
          type: 'article',
          rubrique: 'Sur le terrain',
          title: article.title,
          lede: 'Dix ans de projets proposés et votés par les habitant·es.',
          url: `${base}/articles/${article.slug}`,
          // as the composer's article search gives it: the web's WebP
          image: { src: `${base}/media/${photoId}/w800.webp`, alt: 'Des habitant·es votent à main levée' },
        },
        {
          type: 'dossier',
          title: 'Démocratie alimentaire',
          lede: 'Qui décide de ce que nous mangeons ?',
          url: `${base}/dossiers`,
          image: { src: `/media/${photoId}/w1600.webp`, alt: 'Un marché de producteurs' },
        },
        { type: 'sectionTitle', text: 'Les actualités de nos adhérent·es' },
        {
          type: 'membersNews',
          items: [
            {
              title: 'Territoires en dialogue publie son guide',
              text: 'Un guide de la concertation locale.',
              url: `${base}/agenda`,
            },
          ],
        },
        {
          type: 'agenda',
          title: 'Agenda',
          events: [
            {
              title: 'Assemblée générale',
              date: '2026-05-21T18:30',
              place: 'Lyon, Hôtel de ville',
              url: `${base}/agenda`,
            },
          ],
        },
        {
          type: 'jobs',
          title: 'Offres d’emploi',
          offers: [
            {
              title: 'Chargé·e de concertation',
              organisation: 'Ville de Rennes',
              place: 'Rennes',
              url: `${base}/offres`,
            },
          ],
        },
        {
          type: 'richText',
          title: 'Le mot de l’équipe',
          doc: { type: 'doc', content: [para('Merci pour vos réponses à notre enquête.')] },
        },
        { type: 'divider' },
        { type: 'image', src: `/media/${photoId}/w1600.webp`, alt: 'L’assemblée générale 2025', caption: 'À Paris.' },
        { type: 'button', label: 'Adhérer à l’ICPC', url: `${base}/subscribe` },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await world?.close();
    await mailer?.close();
    await sink?.close();
    connection?.disconnect();
  });

  it('shows every image in the composer’s sandboxed preview', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1440, height: 1000 });
    await login(page, base, 'lea@icpc.example');
    await page.goto(`${base}/studio/newsletters/${campaignId}`);
    const frame = page.frameLocator('iframe[title="Aperçu sur ordinateur"]');
    await expect.poll(() => frame.locator('img').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    const handle = await page.locator('iframe[title="Aperçu sur ordinateur"]').elementHandle();
    const images = await imagesIn((await handle!.contentFrame())!);
    for (const img of images) expect(img.natural, img.src).toBeGreaterThan(0);
    await page.close();
  }, 90_000);

  it('sends it for real: every image absolute, cross-origin, cached, JPEG/PNG, sized, sharp; the audit passes', async () => {
    await seedSubscribers(h.database.db, { list: 'membres', count: 2, domain: 'lecteurs.example', now: new Date() });
    const sent = await editor.request('POST', `/api/campaigns/${campaignId}/send`, {
      acknowledgedWarnings: ['links', 'spf', 'dmarc', 'dkim'],
    });
    expect(sent.statusCode, sent.body).toBeLessThan(300);
    const [mail] = await sink.waitFor(2, 30_000);
    const html = String(mail!.parsed.html);
    const text = mail!.parsed.text ?? '';
    expect(auditEmailHtml(html)).toEqual([]);
    expect(html).not.toMatch(/\.webp/i);
    for (const expected of ['Chères et chers membres', 'Assemblée générale', 'Chargé·e de concertation', 'Adhérer'])
      expect(text).toContain(expected);
    expect(text).toMatch(/\/unsubscribe\//);
    // the text part is complete: every link of the HTML is in it
    for (const href of html.match(/href="https?:[^"]+"/g) ?? [])
      expect(text, href).toContain(href.slice(6, -1).replaceAll('&amp;', '&'));
    expect(html).toMatch(/\/media\/[^/]+\/email\.png/);

    const page = await browser.newPage();
    for (const width of [600, 375]) {
      await page.setViewportSize({ width, height: 900 });
      // about:blank: the mail's images come from another origin, as in a webmail
      await page.setContent(html, { waitUntil: 'load' });
      const images = await imagesIn(page);
      expect(images.length).toBeGreaterThanOrEqual(3);
      for (const img of images) {
        expect(img.src, img.src).toMatch(new RegExp(`^${base}/media/[^/]+/email\\.(jpg|png)$`));
        expect(img.natural, img.src).toBeGreaterThan(0);
        expect(img.width * img.height, img.src).toBeGreaterThan(0);
        // sharp on a 2x screen: at least twice the pixels of the width it is shown at
        expect(img.natural, img.src).toBeGreaterThanOrEqual(Math.min(2 * img.shown, 1200));
        const res = await fetch(img.src, { headers: { origin: 'https://mail.example' } });
        expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
        expect(res.headers.get('cache-control')).toMatch(/max-age=31536000/);
      }
      expect(await smallTargets(page)).toEqual([]);
      await shoot(page, `letter-${width}.png`, { copyTo: SHOTS });
    }
    await page.close();
    const rows = (await h.database.db.execute(`select slug from campaigns where id = '${campaignId}'`)) as unknown as {
      rows: { slug: string }[];
    };
    slug = rows.rows[0]!.slug;
  }, 90_000);

  it('shows the letter on the archive page full width with its images, as a public page, linked from the site', async () => {
    const page = await browser.newPage();
    const home = await page.goto(`${base}/`);
    expect(home!.status()).toBe(200);
    expect(await page.locator('a[href="/archive"]').count()).toBeGreaterThan(0);
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${base}/archive/${slug}`);
      expect(await page.locator('iframe').count()).toBe(0);
      const overflow = (await page.evaluate('document.documentElement.scrollWidth - innerWidth')) as number;
      expect(overflow).toBeLessThanOrEqual(0);
      const images = await imagesIn(page);
      expect(images.length).toBeGreaterThanOrEqual(3);
      for (const img of images) expect(img.natural, img.src).toBeGreaterThan(0);
      const body = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
      expect(body).not.toContain('Voir cette lettre dans votre navigateur');
      expect(body).not.toContain('Se désinscrire');
      expect(body).not.toContain('Gérer mes préférences');
      expect(body).not.toContain('Vous recevez cette lettre');
      expect(await page.getByRole('link', { name: /S’abonner/ }).count()).toBeGreaterThan(0);
      await shoot(page, `archive-${width}.png`, { copyTo: SHOTS });
    }
    await page.close();
  }, 90_000);
});
