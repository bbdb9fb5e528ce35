import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { encodeEmailVariant, isTransparent, type EmailFormat, type RawPixels } from './email-variant';
import { limitConcurrency } from './limit-concurrency';

/** 40 megapixels: a 7,000 × 5,700 photo passes; a 16,000 × 16,000 PNG (768 MB once decoded) does not. */
export const MAX_PIXELS = 40_000_000;
// resized once at upload, served as files: readers never wait for an image library
export const VARIANTS = { w400: 400, w800: 800, w1600: 1600 } as const;
export type Variant = keyof typeof VARIANTS;
const FORMATS = ['jpeg', 'png', 'webp', 'gif'];
// a decoded image can take hundreds of MB: two at a time per process, whoever asks, bounds the memory
const decodeSlot = limitConcurrency(2);

/** The file cannot become a media: not a readable image, or too many pixels to decode safely. */
export class ImageRejectedError extends Error {
  constructor(readonly reason: 'unreadable' | 'too_large') {
    super(reason === 'too_large' ? `Image larger than ${MAX_PIXELS} pixels` : 'Not a readable image');
    this.name = 'ImageRejectedError';
  }
}

/** `upright` is the size once the EXIF orientation is applied, the one readers see. */
export type ImageHeader = { width: number; height: number; format: string; upright: { width: number; height: number } };

/** Reads only the header (sharp does not decode for metadata): a bomb is refused at once, without a slot. */
export async function readImageHeader(input: Buffer): Promise<ImageHeader> {
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new ImageRejectedError('unreadable');
  }
  const { width, height, format } = meta;
  if (!width || !height || !FORMATS.includes(format ?? '')) throw new ImageRejectedError('unreadable');
  if (width * height > MAX_PIXELS) throw new ImageRejectedError('too_large');
  return { width, height, format: format!, upright: meta.autoOrient };
}

/** Every file of a media: the web's WebP widths, the email JPEG (and PNG when transparent), and that fact. */
export type ResizedImage = {
  webp: Record<Variant, Buffer>;
  email: Partial<Record<EmailFormat, Buffer>>;
  hasAlpha: boolean;
};

/**
 * Decodes the image once into its widest variant, then makes the smaller ones and the email copies from that, two
 * images at a time per process; metadata (EXIF, GPS) is dropped: a photo must not tell readers where it was taken.
 */
export function resizeImage(input: Buffer, header: ImageHeader): Promise<ResizedImage> {
  return decodeSlot(() => variantsOf(input, header));
}

/** A media stored before email variants existed: its copy is made from its widest WebP, in the same slots. */
export function emailVariantFromWebp(webp: Buffer, format: EmailFormat): Promise<Buffer> {
  return decodeSlot(async () => {
    const { data, info } = await sharp(webp, { limitInputPixels: MAX_PIXELS })
      .raw()
      .toBuffer({ resolveWithObject: true });
    return encodeEmailVariant({ data, width: info.width, height: info.height, channels: info.channels }, format);
  });
}

async function variantsOf(input: Buffer, header: ImageHeader): Promise<ResizedImage> {
  const { upright } = header;
  // sizes from the original's ratio, so the smaller variants do not inherit the widest one's rounding
  const sizeFor = (w: number) =>
    w >= upright.width ? upright : { width: w, height: Math.max(1, Math.round((upright.height * w) / upright.width)) };
  const widest = Math.max(...Object.values(VARIANTS));
  let base: { data: Buffer; info: OutputInfo };
  try {
    // the pixel limit again: the header check is the rule, this is the guard if a header lies
    base = await sharp(input, { limitInputPixels: MAX_PIXELS })
      .autoOrient()
      .resize({ ...sizeFor(widest), fit: 'fill' })
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw new ImageRejectedError('unreadable');
  }
  const { width, height, channels } = base.info;
  const pixels: RawPixels = { data: base.data, width, height, channels };
  const hasAlpha = await isTransparent(pixels);
  const email: ResizedImage['email'] = { jpg: await encodeEmailVariant(pixels, 'jpg') };
  if (hasAlpha) email.png = await encodeEmailVariant(pixels, 'png');
  const entries = await Promise.all(
    Object.entries(VARIANTS).map(async ([variant, w]) => {
      const out = await sharp(base.data, { raw: { width, height, channels } })
        .resize({ ...sizeFor(w), fit: 'fill' })
        .webp({ quality: 80 })
        .toBuffer();
      return [variant, out] as const;
    }),
  );
  return { webp: Object.fromEntries(entries) as Record<Variant, Buffer>, email, hasAlpha };
}
