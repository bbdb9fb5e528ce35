// Images in email: JPEG (or PNG when transparent) at twice the shown width, absolute, with width and height set.

/** An image ready for an email: absolute URL, the CSS size to show it at, its alt text ('' when decorative). */
export type EmailImage = { url: string; width: number; height: number; alt: string };

/** What an email renderer needs to know of a media to size it: its natural size and whether it is transparent. */
export type EmailMediaInfo = { width: number; height: number; hasAlpha: boolean };

/** The email variants are at most this wide: 2× the 600 px column, sharp on high-density screens. */
export const EMAIL_VARIANT_MAX_WIDTH = 1200;

/** The email-safe variant of a media: `/media/<id>/email.jpg`, or `.png` for a transparent image (Outlook has no WebP). */
export function emailImageUrl(publicUrl: string, mediaId: string, hasAlpha: boolean): string {
  return `${publicUrl.replace(/\/+$/, '')}/media/${encodeURIComponent(mediaId)}/email.${hasAlpha ? 'png' : 'jpg'}`;
}

/** The CSS size to show an image at in a column `maxWidth` px wide: the column's width, or its own if smaller. */
export function emailImageSize(
  natural: { width: number; height: number },
  maxWidth: number,
): { width: number; height: number } {
  const width = Math.max(1, Math.round(Math.min(maxWidth, natural.width)));
  return { width, height: Math.max(1, Math.round((width * natural.height) / natural.width)) };
}

const MEDIA_PATH = /^\/media\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\//i;

/** The media id of one of our image addresses (`/media/<id>/…`, or the same on `publicUrl`); null for any other. */
export function mediaIdOfSrc(src: string, publicUrl?: string): string | null {
  const base = publicUrl?.replace(/\/+$/, '');
  const local = base && src.startsWith(`${base}/media/`) ? src.slice(base.length) : src;
  return MEDIA_PATH.exec(local)?.[1]?.toLowerCase() ?? null;
}

/**
 * An image address as an email shows it: our media become their email copy (never the web's WebP), sized from
 * `media` when known (else only the column's width); any other address is kept, made absolute if it is a path.
 */
export function emailImageSource(input: {
  src: string;
  mediaId?: string | undefined;
  publicUrl: string;
  media?: Readonly<Record<string, EmailMediaInfo>> | undefined;
  maxWidth: number;
}): { url: string; width?: number; height?: number } {
  const base = input.publicUrl.replace(/\/+$/, '');
  const id = input.mediaId ?? mediaIdOfSrc(input.src, base);
  if (!id) return { url: input.src.startsWith('/') ? `${base}${input.src}` : input.src };
  const info = input.media?.[id];
  if (!info) return { url: emailImageUrl(base, id, false), width: input.maxWidth };
  return { url: emailImageUrl(base, id, info.hasAlpha), ...emailImageSize(info, input.maxWidth) };
}
