// Link and image addresses of blocks: absolute http(s), or a /media/… path of our own site.
import { isSafeImageSrc } from '@crieur/content';
import { z } from 'zod';

export const URL_MESSAGE = 'L’adresse doit commencer par http:// ou https:// (ou être un chemin /media/…)';

// isSafeImageSrc is exactly "http(s) with a host, or a clean /media/ path": the rule we want for links too
export const NewsletterUrl = z.string().max(2048).refine(isSafeImageSrc, URL_MESSAGE);

/** A /media/… path becomes absolute on publicUrl, since a mail client has no base URL. */
export function resolveUrl(url: string, publicUrl: string): string {
  return url.startsWith('/media/') ? `${publicUrl.replace(/\/+$/, '')}${url}` : url;
}
