// `pnpm bench`: image uploads: four 16,000² bombs at once, four 40 Mpx PNGs at once (the largest allowed), one photo.
// Its own process, so the peak RSS read here is the uploads'.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { startHarness } from '../test/harness';

const emit = (bench: string, value: number, unit: string) =>
  process.stdout.write(`${JSON.stringify({ bench, value: Number(value.toFixed(1)), unit })}\n`);
const mb = () => process.resourceUsage().maxRSS / 1024;

// 16,000 × 16,000 pixels in under 1 MB: sharp writes it row by row, so making it costs little memory
const bomb = await sharp({ create: { width: 16000, height: 16000, channels: 3, background: '#ffffff' } })
  .png()
  .toBuffer();
// the largest image allowed, as a PNG (no shrink-on-load, unlike JPEG): the costliest legitimate decode
const largest = await sharp({ create: { width: 7000, height: 5700, channels: 3, background: '#88aa44' } })
  .png()
  .toBuffer();
const noise = { type: 'gaussian', mean: 128, sigma: 40 } as const;
const photo = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#000', noise } })
  .jpeg({ quality: 85 })
  .toBuffer();

const dataDir = mkdtempSync(path.join(tmpdir(), 'crieur-bench-media-'));
const h = await startHarness({ env: { DATA_DIR: dataDir } });
try {
  const editor = h.client();
  await editor.login((await h.createStaff('editor')).email);
  await editor.refreshCsrf();
  const upload = (body: Buffer, type: string) =>
    h.app.inject({
      method: 'POST',
      url: '/api/media?alt=bench',
      headers: {
        cookie: `crieur_session=${editor.cookie('crieur_session')}; crieur_csrf=${editor.cookie('crieur_csrf')}`,
        'x-csrf-token': editor.csrfToken!,
        'content-type': type,
      },
      payload: body,
    });

  // peak RSS only grows: measure from the lightest to the heaviest, each as growth over the previous peak
  const fourAtOnce = async (name: string, body: Buffer, expected: number) => {
    const rss = mb();
    const t0 = performance.now();
    const answers = await Promise.all([1, 2, 3, 4].map(() => upload(body, 'image/png')));
    emit(`media.${name}_4_concurrent_time`, performance.now() - t0, 'ms');
    emit(`media.${name}_4_concurrent_rss_growth`, mb() - rss, 'MB');
    if (answers.some((a) => a.statusCode !== expected)) throw new Error(`${name}: an answer was not ${expected}`);
  };
  await fourAtOnce('bombs_16000px', bomb, 400);
  await fourAtOnce('png_40mpx', largest, 201);

  const t0 = performance.now();
  const one = await upload(photo, 'image/jpeg');
  if (one.statusCode !== 201) throw new Error(`photo upload answered ${one.statusCode}`);
  emit('media.photo_12mpx_upload', performance.now() - t0, 'ms');
  emit('media.peak_rss', mb(), 'MB');
} finally {
  await h.close();
  rmSync(dataDir, { recursive: true, force: true });
}
