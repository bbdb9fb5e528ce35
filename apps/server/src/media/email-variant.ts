// The email-safe copies of a media: JPEG for photos, PNG when transparent (Outlook for Windows shows no WebP).
import sharp from 'sharp';
import { EMAIL_VARIANT_MAX_WIDTH } from '@crieur/content';

export const EMAIL_FORMATS = ['jpg', 'png'] as const;
export type EmailFormat = (typeof EMAIL_FORMATS)[number];
export const emailFileName = (format: EmailFormat) => `email.${format}`;

/** Decoded pixels, as sharp's raw output describes them. */
export type RawPixels = { data: Buffer; width: number; height: number; channels: 1 | 2 | 3 | 4 };

/**
 * True when some pixel is not fully opaque. `metadata().hasAlpha` only says an alpha channel exists (many
 * screenshots and exports carry one that is all 255): such an image is a photo for email, and a JPEG is far
 * smaller. `stats().isOpaque` reads the pixels, here the already decoded ones, so the file is not decoded again.
 */
export async function isTransparent(pixels: RawPixels): Promise<boolean> {
  if (pixels.channels !== 2 && pixels.channels !== 4) return false;
  const { isOpaque } = await sharp(pixels.data, { raw: rawOf(pixels) }).stats();
  return !isOpaque;
}

/** The email variant of decoded pixels: at most 1,200 px wide (2× the 600 px column), sRGB, no metadata. */
export async function encodeEmailVariant(pixels: RawPixels, format: EmailFormat): Promise<Buffer> {
  const width = Math.min(EMAIL_VARIANT_MAX_WIDTH, pixels.width);
  const height = Math.max(1, Math.round((pixels.height * width) / pixels.width));
  const image = sharp(pixels.data, { raw: rawOf(pixels) })
    .resize({ width, height, fit: 'fill' })
    .toColourspace('srgb');
  if (format === 'png') return image.png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer();
  // mozjpeg's tables and trellis, but baseline: `mozjpeg: true` would turn on progressive scans, which old
  // Outlook shows only once fully loaded (or not at all)
  return image
    .flatten({ background: '#ffffff' })
    .jpeg({
      quality: 80,
      progressive: false,
      trellisQuantisation: true,
      overshootDeringing: true,
      quantisationTable: 3,
      optimiseCoding: true,
      chromaSubsampling: '4:2:0',
    })
    .toBuffer();
}

const rawOf = (pixels: RawPixels) => ({ width: pixels.width, height: pixels.height, channels: pixels.channels });
