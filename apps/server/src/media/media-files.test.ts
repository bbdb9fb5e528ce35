import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureEmailVariant } from './media-files';

describe('ensureEmailVariant', () => {
  let dir: string;
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('makes one copy for simultaneous requests, from the widest WebP, with no temporary file left', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'crieur-media-files-'));
    const id = 'media-ancien';
    await mkdir(path.join(dir, id));
    const webp = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#8a6' } })
      .webp()
      .toBuffer();
    await writeFile(path.join(dir, id, 'w1600.webp'), webp);
    const first = ensureEmailVariant(dir, id, 'jpg');
    // the second reader waits for the first one's work instead of decoding again
    expect(ensureEmailVariant(dir, id, 'jpg')).toBe(first);
    expect(await first).toBe(true);
    expect((await readdir(path.join(dir, id))).sort()).toEqual(['email.jpg', 'w1600.webp']);
    const meta = await sharp(path.join(dir, id, 'email.jpg')).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1200, height: 675, isProgressive: false });
    // done: a later request starts afresh (and finds nothing to start from once the WebP is gone)
    await rm(path.join(dir, id, 'w1600.webp'));
    expect(await ensureEmailVariant(dir, id, 'png')).toBe(false);
  });
});
