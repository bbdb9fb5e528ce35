import { mediaUrl } from '../routes/media-routes';
import { emailFileName } from './email-variant';
import { VARIANTS, type Variant } from './resize-image';

/**
 * What a <picture> of a media needs: the widest WebP variant, every distinct WebP width for srcset, its size, and
 * `fallback`, the email copy (JPEG, PNG when transparent; at most 1,200 px) for browsers without WebP.
 */
export type ImageSources = { src: string; srcSet: string; width: number; height: number; fallback: string };

/**
 * The variants made at upload are at most 400, 800 and 1600 pixels wide, never wider than the original: a
 * 600-pixel image has two distinct files (400 and 600), and srcset must not claim a width a file does not have.
 */
export function imageSources(media: { id: string; width: number; height: number; hasAlpha?: boolean }): ImageSources {
  const byWidth = (Object.entries(VARIANTS) as [Variant, number][]).sort((a, b) => a[1] - b[1]);
  const seen = new Set<number>();
  const candidates: string[] = [];
  let src = mediaUrl(media.id, byWidth[0]![0]);
  let width = Math.min(byWidth[0]![1], media.width);
  for (const [variant, max] of byWidth) {
    const w = Math.min(max, media.width);
    if (seen.has(w)) continue;
    seen.add(w);
    src = mediaUrl(media.id, variant);
    width = w;
    candidates.push(`${src} ${w}w`);
  }
  const height = Math.max(1, Math.round((media.height * width) / media.width));
  const fallback = `/media/${media.id}/${emailFileName(media.hasAlpha ? 'png' : 'jpg')}`;
  return { src, srcSet: candidates.join(', '), width, height, fallback };
}
