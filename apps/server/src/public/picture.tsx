import type { ImageSources } from '../media/cover-sources';

/** A media-library image as pages show it: its variants, size, fallback, and the library's alt, caption, credit. */
export type CoverImage = ImageSources & { alt: string; caption: string; credit: string };

/**
 * WebP variants for browsers that take them, the email JPEG (or PNG) for the others; width and height set so the page
 * never jumps. `priority`: 'high' for the first image of a page (loaded at once, first), 'lazy' below the fold.
 */
export function Picture(props: {
  image: CoverImage;
  sizes: string;
  alt?: string;
  priority?: 'high' | 'eager' | 'lazy';
}) {
  const { image } = props;
  const priority = props.priority ?? 'lazy';
  return (
    <picture>
      <source type="image/webp" srcSet={image.srcSet} sizes={props.sizes} />
      <img
        src={image.fallback}
        width={image.width}
        height={image.height}
        alt={props.alt ?? image.alt}
        loading={priority === 'lazy' ? 'lazy' : undefined}
        fetchPriority={priority === 'high' ? 'high' : undefined}
        decoding={priority === 'high' ? undefined : 'async'}
      />
    </picture>
  );
}

/** « Photo : Léa Dubois », unless the credit already says what it is (« Illustration : … »). */
export function creditLine(credit: string): string {
  const trimmed = credit.trim();
  if (!trimmed) return '';
  return /^(photo|illustration|image|dessin|infographie|©)/i.test(trimmed) ? trimmed : `Photo\u00a0: ${trimmed}`;
}
