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
