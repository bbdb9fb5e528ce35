import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMedia } from '@crieur/db';
import { startHarness, type Client, type Harness } from './harness';

/** A PNG whose IHDR claims another size than its pixel data (the chunk's CRC is made right again). */
function withLyingHeader(png: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(png);
  // signature (8) + length (4) + "IHDR" (4): width and height follow, then the CRC of type and data at 29
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  out.writeUInt32BE(crc32(out.subarray(12, 29)), 29);
  return out;
}

describe('image uploads: pixel limit, broken files, nothing left behind (PostgreSQL)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crieur-media-limits-'));
  const mediaDir = path.join(dataDir, 'uploads', 'media');
  let h: Harness;
  let editor: Client;
  let bomb: Buffer;
  let photoPng: Buffer;

  const upload = async (body: Buffer, type: string) => {
    return editor.upload(`/api/media?alt=${encodeURIComponent('Une image')}`, body, type);
  };
  const stored = () =>
    readdirSync(mediaDir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
  const rows = async () => (await listMedia(h.database.db)).length;

  beforeAll(async () => {
    h = await startHarness({ env: { DATA_DIR: dataDir } });
    editor = h.client();
    await editor.login((await h.createStaff('editor')).email);
    mkdirSync(mediaDir, { recursive: true });
    // 16,000 × 16,000 pixels (768 MB decoded) in under 1 MB of PNG, written row by row by sharp
    bomb = await sharp({ create: { width: 16000, height: 16000, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    const noise = { type: 'gaussian', mean: 128, sigma: 40 } as const;
    photoPng = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#000', noise } })
      .png()
      .toBuffer();
  }, 60_000);
  afterAll(async () => {
    await h.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses broken, empty, fake and oversized images with 400 in French and keeps nothing', async () => {
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const tiny = await sharp({ create: { width: 100, height: 100, channels: 3, background: '#1c4fa0' } })
      .png()
      .toBuffer();
    const cases: [string, Buffer, string, RegExp][] = [
      ['16,000 × 16,000 PNG', bomb, 'image/png', /trop grande\u00a0: 40 mégapixels/],
      ['PNG cut in half', photoPng.subarray(0, photoPng.length >> 1), 'image/png', /pas une image lisible/],
      ['header says 20,000 × 20,000', withLyingHeader(tiny, 20000, 20000), 'image/png', /trop grande/],
      ['header says 3,000 × 3,000 for 100²', withLyingHeader(tiny, 3000, 3000), 'image/png', /pas une image lisible/],
      ['zero-byte file', Buffer.alloc(0), 'image/jpeg', /Envoyez une image/],
      ['text sent as a JPEG', Buffer.from('Pas une image.\n'.repeat(50)), 'image/jpeg', /pas une image lisible/],
    ];
    for (const [name, body, type, message] of cases) {
      const res = await upload(body, type);
      expect([name, res.statusCode, res.json().error.code]).toEqual([name, 400, 'MEDIA_INVALID']);
      expect(res.json().error.message, name).toMatch(message);
    }
    expect(await rows()).toBe(0);
    expect(stored()).toEqual([]);
  });

  it('answers four bombs sent at once with 400 quickly, without decoding them', async () => {
    const t0 = performance.now();
    const answers = await Promise.all([1, 2, 3, 4].map(() => upload(bomb, 'image/png')));
    const ms = performance.now() - t0;
    expect(answers.map((a) => [a.statusCode, a.json().error.reason])).toEqual(Array(4).fill([400, 'too_large']));
    // decoding even one would take seconds and hundreds of MB; the header alone takes milliseconds
    expect(ms).toBeLessThan(1500);
    expect(await rows()).toBe(0);
    expect(stored()).toEqual([]);
  });

  it('takes a 7,000 × 5,700 photo (just under the limit): its three variants and email copy', async () => {
    const photo = await sharp({ create: { width: 7000, height: 5700, channels: 3, background: '#88aa44' } })
      .jpeg()
      .toBuffer();
    const res = await upload(photo, 'image/jpeg');
    expect(res.statusCode).toBe(201);
    const media = res.json().media;
    expect([media.width, media.height]).toEqual([7000, 5700]);
    const files = readdirSync(path.join(mediaDir, media.id)).sort();
    expect(files).toEqual(['email.jpg', 'w1600.webp', 'w400.webp', 'w800.webp']);
    for (const [variant, width] of [
      ['w400', 400],
      ['w800', 800],
      ['w1600', 1600],
    ] as const) {
      const file = await h.app.inject({ method: 'GET', url: `/media/${media.id}/${variant}.webp` });
      const meta = await sharp(file.rawPayload).metadata();
      const height = Math.round((5700 * width) / 7000);
      expect([variant, meta.format, meta.width, meta.height]).toEqual([variant, 'webp', width, height]);
    }
  });

  it('takes several photos at once: the queue behind the two image slots drains', async () => {
    const before = await rows();
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => upload(photoPng, 'image/png')));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(await rows()).toBe(before + 5);
  });

  it('leaves no row when the files cannot be written (the media folder is a file)', async () => {
    const before = { rows: await rows() };
    rmSync(mediaDir, { recursive: true, force: true });
    writeFileSync(mediaDir, 'pas un dossier');
    try {
      expect((await upload(photoPng, 'image/png')).statusCode).toBe(500);
      expect(await rows()).toBe(before.rows);
    } finally {
      rmSync(mediaDir, { force: true });
      mkdirSync(mediaDir, { recursive: true });
    }
  });

  it('answers 400 in French to an empty or invalid PATCH, never 500', async () => {
    const id = (await upload(photoPng, 'image/png')).json().media.id;
    const empty = await editor.request('PATCH', `/api/media/${id}`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.issues.map((i: { message: string }) => i.message)).toEqual([
      'Indiquez un texte alternatif, une légende ou un crédit à modifier.',
    ]);
    const noAlt = await editor.request('PATCH', `/api/media/${id}`, { alt: '  ' });
    const noAltMessage = noAlt.json().error.issues[0].message;
    expect([noAlt.statusCode, noAltMessage]).toEqual([400, 'Le texte alternatif est obligatoire.']);
    for (const body of [[], 'alt', null, { alt: 42 }, { caption: 'x'.repeat(501) }]) {
      expect((await editor.request('PATCH', `/api/media/${id}`, body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    const ok = await editor.request('PATCH', `/api/media/${id}`, { caption: 'Photo : mairie' });
    expect([ok.statusCode, ok.json().media.caption, ok.json().media.alt]).toEqual([200, 'Photo : mairie', 'Une image']);
  });

  it('stores the size readers see for a photo taken in portrait (EXIF orientation)', async () => {
    // a phone writes a portrait photo as 600 × 300 pixels plus « rotate 90° » (orientation 6)
    const portrait = await sharp({ create: { width: 600, height: 300, channels: 3, background: '#336699' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const res = await upload(portrait, 'image/jpeg');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().media).toMatchObject({ width: 300, height: 600 });
  });
});
