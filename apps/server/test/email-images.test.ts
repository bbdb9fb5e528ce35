// Images that show everywhere: email copies (JPEG, PNG when transparent) served cross-origin with long caching,
// made at upload or on first request for older media, and used with width and height by every email.
import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { parse } from 'parse5';
import { pino } from 'pino';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEmailHtml } from '@crieur/content/testing';
import { getMedia, updateOrganisation } from '@crieur/db';
import { createMailer, type Mailer } from '@crieur/mailer';
import { startWorkers, type RunningWorkers } from '@crieur/workers';
import { startHarness, TEST_LINK_KEY, type Client, type Harness } from './harness';

const PUBLIC_URL = 'https://democraties.example';
const KINDS = ['membres', 'adherents', 'democraties'] as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Img = Record<string, string>;

/** Every <img> of an HTML document, with its attributes, as a browser would parse them. */
function imagesOf(html: string): Img[] {
  const found: Img[] = [];
  const walk = (node: { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: unknown[] }) => {
    if (node.nodeName === 'img') found.push(Object.fromEntries((node.attrs ?? []).map((a) => [a.name, a.value])));
    for (const child of (node.childNodes ?? []) as (typeof node)[]) walk(child);
    if ('content' in node) walk((node as unknown as { content: typeof node }).content);
  };
  walk(parse(html) as unknown as Parameters<typeof walk>[0]);
  return found;
}

describe('email images: variants, headers, every email (PostgreSQL)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crieur-email-images-'));
  const mediaDir = path.join(dataDir, 'uploads', 'media');
  let h: Harness;
  let editor: Client;
  let photoId: string;
  let logoId: string;
  let screenshotId: string;

  const upload = async (body: Buffer, type: string, alt: string) => {
    const res = await editor.upload(`/api/media?alt=${encodeURIComponent(alt)}`, body, type);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().media.id as string;
  };
  /** An image the way a webmail loads it: from another origin, nothing but its address. */
  const load = (url: string) => {
    expect(url.startsWith(`${PUBLIC_URL}/`), url).toBe(true);
    return h.app.inject({ method: 'GET', url: new URL(url).pathname, headers: { origin: 'https://mail.example' } });
  };

  /** The rules every email image follows: absolute, ours, loadable cross-origin, JPEG or PNG, width and height set. */
  const expectEmailImages = async (html: string, where: string) => {
    const images = imagesOf(html);
    for (const img of images) {
      const src = img.src ?? '';
      expect(src, where).toMatch(/^https:\/\//);
      expect(src, where).not.toMatch(/\.webp(\?|$)/i);
      expect(img.width, `${where}: ${src} width`).toMatch(/^\d+$/);
      expect(img.height, `${where}: ${src} height`).toMatch(/^\d+$/);
      expect(img.alt, `${where}: ${src} alt`).toBeDefined();
      const res = await load(src);
      expect(res.statusCode, `${where}: ${src}`).toBe(200);
      expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
      expect(res.headers['content-type']).toMatch(/^image\/(jpeg|png)$/);
    }
    return images;
  };

  beforeAll(async () => {
    h = await startHarness({
      env: { DATA_DIR: dataDir, PUBLIC_URL },
      deps: { subscribe: { perIpPerMinute: 1000, perAddressPerHour: 1000 } },
    });
    editor = h.client();
    await editor.login((await h.createStaff('admin')).email);
    const noise = { type: 'gaussian', mean: 128, sigma: 40 } as const;
    // a phone photo: 2,400 px wide, with an EXIF block and GPS-like metadata to be dropped
    const photo = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#6a8', noise } })
      .jpeg({ quality: 90 })
      .withExif({ IFD0: { Copyright: 'Camille', ImageDescription: 'Jardin partagé, cité 5' } })
      .toBuffer();
    // a logo: transparent around an opaque mark
    const mark = await sharp({ create: { width: 300, height: 120, channels: 4, background: '#1b4d89ff' } })
      .png()
      .toBuffer();
    const logo = await sharp({ create: { width: 600, height: 240, channels: 4, background: '#00000000' } })
      .composite([{ input: mark, left: 150, top: 60 }])
      .png()
      .toBuffer();
    // a screenshot saved with an alpha channel it never uses: a photo for email, not a PNG
    const screenshot = await sharp({ create: { width: 1440, height: 900, channels: 4, background: '#f4f6f9ff' } })
      .png()
      .toBuffer();
    photoId = await upload(photo, 'image/jpeg', 'Des habitant·es au jardin partagé');
    logoId = await upload(logo, 'image/png', 'Logo de l’ICPC');
    screenshotId = await upload(screenshot, 'image/png', 'Capture de la plateforme');
  }, 60_000);
  afterAll(async () => {
    await h.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('makes the email copies at upload: a baseline JPEG ≤ 1,200 px without metadata, a PNG for transparency', async () => {
    expect((await getMedia(h.database.db, photoId))!.hasAlpha).toBe(false);
    expect((await getMedia(h.database.db, logoId))!.hasAlpha).toBe(true);
    // an alpha channel that is all opaque is not transparency: metadata().hasAlpha would say yes, the pixels say no
    expect((await getMedia(h.database.db, screenshotId))!.hasAlpha).toBe(false);
    expect((await readdir(path.join(mediaDir, photoId))).sort()).toEqual([
      'email.jpg',
      'w1600.webp',
      'w400.webp',
      'w800.webp',
    ]);
    expect(await readdir(path.join(mediaDir, logoId))).toContain('email.png');

    const jpg = await load(`${PUBLIC_URL}/media/${photoId}/email.jpg`);
    expect(jpg.statusCode).toBe(200);
    expect(jpg.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(jpg.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1200, height: 800, isProgressive: false, space: 'srgb' });
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(jpg.rawPayload.length).toBeLessThan(400_000);

    const png = await load(`${PUBLIC_URL}/media/${logoId}/email.png`);
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    const pngMeta = await sharp(png.rawPayload).metadata();
    expect(pngMeta).toMatchObject({ format: 'png', width: 600, height: 240, hasAlpha: true });
    expect((await sharp(png.rawPayload).stats()).isOpaque).toBe(false);
    // a transparent image asked as JPEG (a renderer without its info) is flattened on white, not on black
    const flat = await load(`${PUBLIC_URL}/media/${logoId}/email.jpg`);
    const corner = await sharp(flat.rawPayload).extract({ left: 0, top: 0, width: 1, height: 1 }).raw().toBuffer();
    expect([...corner].every((v) => v > 245)).toBe(true);
  });

  it('serves every /media file cross-origin, immutable, with validators and nosniff; the site stays same-origin', async () => {
    for (const file of ['email.jpg', 'w400.webp', 'w1600.webp']) {
      const res = await load(`${PUBLIC_URL}/media/${photoId}/${file}`);
      expect(res.statusCode, file).toBe(200);
      expect(res.headers['content-type']).toBe(file.endsWith('.jpg') ? 'image/jpeg' : 'image/webp');
      expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers.etag).toBeTruthy();
      expect(res.headers['last-modified']).toBeTruthy();
      const again = await h.app.inject({
        method: 'GET',
        url: `/media/${photoId}/${file}`,
        headers: { 'if-none-match': String(res.headers.etag) },
      });
      expect(again.statusCode).toBe(304);
      expect(again.headers['cross-origin-resource-policy']).toBe('cross-origin');
    }
    for (const url of [`/media/${photoId}/w9999.webp`, `/media/${photoId}/email.gif`, '/media/x', '/media/../secret']) {
      const res = await h.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
    }
    for (const url of ['/archive', '/healthz', '/subscribe']) {
      const res = await h.app.inject({ method: 'GET', url });
      expect(res.headers['cross-origin-resource-policy'], url).toBe('same-origin');
    }
  });

  it('makes an older media’s email copy on first request, once, for two readers at the same time', async () => {
    // as stored before this change: WebP files only
    for (const file of ['email.jpg', 'email.png']) await rm(path.join(mediaDir, photoId, file), { force: true });
    const url = `${PUBLIC_URL}/media/${photoId}/email.jpg`;
    const [first, second] = await Promise.all([load(url), load(url)]);
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(Buffer.compare(first.rawPayload, second.rawPayload)).toBe(0);
    expect(await sharp(first.rawPayload).metadata()).toMatchObject({ format: 'jpeg', width: 1200, height: 800 });
    expect(first.headers['cross-origin-resource-policy']).toBe('cross-origin');
    // the file is there for the next readers, and no temporary file is left beside it
    const files = await readdir(path.join(mediaDir, photoId));
    expect(files).toContain('email.jpg');
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(Buffer.compare(await readFile(path.join(mediaDir, photoId, 'email.jpg')), first.rawPayload)).toBe(0);
    // a media with no file at all stays a 404
    await rm(path.join(mediaDir, screenshotId), { recursive: true, force: true });
    expect((await load(`${PUBLIC_URL}/media/${screenshotId}/email.jpg`)).statusCode).toBe(404);
  });

  const doc = (text: string, image?: { id: string; alt: string }) => ({
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text }] },
      ...(image
        ? [{ type: 'image', attrs: { src: `/media/${image.id}/w1600.webp`, alt: image.alt, mediaId: image.id } }]
        : []),
    ],
  });
  const blocksWithImages = () => [
    { type: 'edito', doc: doc('Le mot de la présidente.', { id: photoId, alt: 'Des habitant·es au jardin' }) },
    {
      type: 'article',
      title: 'À Grenoble, un budget participatif',
      lede: 'Dix ans de projets votés par les habitant·es.',
      url: `${PUBLIC_URL}/articles/grenoble`,
      // as the composer's article search gives it: the web's WebP on the public site
      image: { src: `${PUBLIC_URL}/media/${photoId}/w800.webp`, alt: 'Le jardin partagé' },
    },
    {
      type: 'dossier',
      title: 'Les communes sauveront-elles la démocratie ?',
      lede: 'Un dossier en six articles.',
      url: `${PUBLIC_URL}/dossiers/communes`,
      image: { src: `/media/${photoId}/w1600.webp`, alt: 'Une mairie' },
    },
    { type: 'image', src: `/media/${logoId}/w1600.webp`, alt: 'Logo de l’ICPC', caption: 'Notre nouveau logo' },
  ];

  it('compiles every newsletter kind with email copies: absolute, loadable cross-origin, sized, never WebP', async () => {
    for (const kind of KINDS) {
      const body = {
        kind,
        subject: `Lettre ${kind}`,
        preheader: 'Au sommaire',
        lists: [kind],
        blocks: blocksWithImages(),
      };
      const res = await editor.request('POST', '/api/campaigns/preview', body);
      expect(res.statusCode, res.body).toBe(200);
      const preview = res.json();
      expect(preview.blockErrors).toEqual([]);
      const images = await expectEmailImages(preview.html, kind);
      expect(auditEmailHtml(preview.html), kind).toEqual([]);
      const srcs = images.map((img) => img.src);
      expect(srcs).toContain(`${PUBLIC_URL}/media/${photoId}/email.jpg`);
      expect(srcs).toContain(`${PUBLIC_URL}/media/${logoId}/email.png`);
      expect(preview.html).not.toMatch(/\.webp/);
      // the card's cover keeps the photo's 3:2 proportions at its column's width
      const cover = images.find((img) => img.alt === 'Le jardin partagé')!;
      expect(Number(cover.width)).toBeLessThanOrEqual(200);
      expect(Number(cover.height)).toBe(Math.round((Number(cover.width) * 2) / 3));
      const logo = images.find((img) => img.alt === 'Logo de l’ICPC')!;
      expect([logo.width, logo.height]).toEqual(['552', '221']);
      const edito = images.find((img) => img.alt === 'Des habitant·es au jardin')!;
      expect([edito.width, edito.height]).toEqual(['552', '368']);
    }
  });

  it('sends a test letter whose headers pass the audit and whose images follow the same rules', async () => {
    const created = await editor.request('POST', '/api/campaigns', { kind: 'membres', lists: ['membres'] });
    expect(created.statusCode, created.body).toBe(201);
    const campaign = created.json().campaign;
    const saved = await editor.request('PUT', `/api/campaigns/${campaign.id}`, {
      version: campaign.version,
      kind: 'membres',
      subject: 'Le printemps des communes',
      preheader: 'Au sommaire',
      fromName: '',
      replyTo: 'contact@icpc.example',
      lists: ['membres'],
      blocks: blocksWithImages(),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const sent = await editor.request('POST', `/api/campaigns/${campaign.id}/test`, {
      addresses: ['relecture@example.org'],
    });
    expect(sent.statusCode, sent.body).toBe(202);
    const files = (await readdir(h.outboxDir)).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const raw = await readFile(path.join(h.outboxDir, files[0]!), 'utf8');
    const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
    const field = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1];
    const mail = await simpleParser(raw);
    expect(mail.from?.value[0]?.address).toMatch(/@/);
    expect(mail.replyTo?.value[0]?.address).toBe('contact@icpc.example');
    expect(field('Message-ID')).toMatch(/^<[^@<>\s]+@[^<>\s]+>$/);
    expect(Number.isNaN(Date.parse(field('Date') ?? ''))).toBe(false);
    expect(field('List-Id')).toMatch(/<membres\.[^>]+>$/);
    // the https link first (one-click, RFC 8058), then the mailto
    expect(field('List-Unsubscribe')).toMatch(/^<https:\/\/democraties\.example\/unsubscribe\/[^>]+>, <mailto:[^>]+>$/);
    expect(field('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(head).not.toMatch(/crieur/i);
    expect(mail.text).toContain('À Grenoble, un budget participatif');
    expect(mail.html).toBeTruthy();
    const images = await expectEmailImages(String(mail.html), 'test send');
    expect(images.length).toBeGreaterThanOrEqual(4);
  });

  describe('transactional emails', () => {
    let workers: RunningWorkers;
    let mailer: Mailer;
    const outbox = path.join(dataDir, 'transactional-outbox');
    const mailsTo = async (address: string) => {
      const files = (await readdir(outbox).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort();
      const mails = await Promise.all(files.map(async (f) => simpleParser(await readFile(path.join(outbox, f)))));
      return mails.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === address);
    };
    const waitForMails = async (address: string, count: number) => {
      for (let i = 0; i < 300; i += 1) {
        const mails = await mailsTo(address);
        if (mails.length >= count) return mails;
        await sleep(50);
      }
      throw new Error(`expected ${count} emails to ${address}`);
    };

    beforeAll(async () => {
      await updateOrganisation(h.database.db, { name: 'ICPC', logoMediaId: logoId }, new Date());
      mailer = createMailer({ outboxDir: outbox });
      workers = await startWorkers({
        redisUrl: 'redis://127.0.0.1:6379',
        prefix: h.prefix,
        mode: 'test',
        logger: pino({ level: 'silent' }),
        now: () => h.clock.now,
        mail: {
          db: h.database.db,
          mailer,
          publicUrl: PUBLIC_URL,
          linkKey: TEST_LINK_KEY,
          mailFrom: 'lettre@icpc.example',
        },
      });
    });
    afterAll(async () => {
      await workers.close(5_000);
      await mailer.close();
    });

    it('the confirmation, welcome, invitation and password reset emails have only email images', async () => {
      const address = 'camille@lecteurs.example';
      const subscribed = await h.app.inject({
        method: 'POST',
        url: '/subscribe',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        payload: new URLSearchParams([
          ['email', address],
          ['lists', 'membres'],
          ['consent', 'on'],
        ]).toString(),
      });
      expect(subscribed.statusCode).toBe(202);
      await h.app.subscribeInbox.settled();
      const [confirmation] = await waitForMails(address, 1);
      const token = /\/confirm\/([A-Za-z0-9_-]{20,})/.exec(confirmation!.text ?? '')![1]!;
      expect((await h.app.inject({ method: 'POST', url: `/confirm/${token}` })).statusCode).toBeLessThan(400);
      const readerMails = await waitForMails(address, 2);

      const invited = 'dominique@icpc.example';
      const invitation = await editor.request('POST', '/api/users/invitations', { email: invited, role: 'editor' });
      expect(invitation.statusCode, invitation.body).toBe(201);
      const staff = await h.createStaff('sender', 'alex@icpc.example');
      const reset = await h.client().request('POST', '/api/password-reset', { email: staff.email });
      expect(reset.statusCode, reset.body).toBeLessThan(300);
      const staffMails = [...(await waitForMails(invited, 1)), ...(await waitForMails(staff.email, 1))];

      for (const mail of [...readerMails, ...staffMails]) {
        expect(mail.html, mail.subject).toBeTruthy();
        const images = await expectEmailImages(String(mail.html), String(mail.subject));
        // every email wears the organisation's logo, as a PNG since it is transparent
        expect(
          images.map((img) => img.src),
          String(mail.subject),
        ).toContain(`${PUBLIC_URL}/media/${logoId}/email.png`);
        expect(auditEmailHtml(String(mail.html)), String(mail.subject)).toEqual([]);
      }
    });
  });
});
