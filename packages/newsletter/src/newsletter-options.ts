// The campaign-level options shared by the MJML and text renderers, checked once.
import { isSafeImageSrc, type EmailImage, type EmailMediaInfo } from '@crieur/content';
import type { NewsletterTheme } from './newsletter-themes.js';
import { holdsReservedToken } from './placeholders.js';

/** Who sends the letter, as the footer and masthead show it (from the organisation settings). */
export type NewsletterIdentity = {
  /** The association's name, e.g. "Institut de la concertation et de la participation citoyenne (ICPC)". */
  name: string;
  /** Postal address, one line per line of the footer; '' when not set. */
  postalAddress: string;
  /** Shown in the masthead with its alt text; null for none. */
  logo: EmailImage | null;
};

export type NewsletterOptions = {
  /** Public site URL, e.g. "https://democraties.example": /media/… paths resolve on it and the footer links to it. */
  publicUrl: string;
  /** The list's name as readers know it, for "Vous recevez cette lettre car vous êtes abonné·e à « … »". */
  listName: string;
  /** Size and transparency of the media the letter shows, by id (read by the caller): images get width and height. */
  media?: Readonly<Record<string, EmailMediaInfo>>;
  /** The newsletter's branding; NEWSLETTER_THEMES[kind] when absent. */
  theme?: NewsletterTheme;
  /** The organisation's name, postal address and logo; the association's name alone when absent. */
  identity?: NewsletterIdentity;
};

export class InvalidNewsletterOptionsError extends Error {
  readonly code = 'INVALID_NEWSLETTER_OPTIONS';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidNewsletterOptionsError';
  }
}

export function checkOptions(options: NewsletterOptions): NewsletterOptions {
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  if (!/^https?:\/\//i.test(publicUrl) || !isSafeImageSrc(publicUrl))
    throw new InvalidNewsletterOptionsError(`publicUrl must be an http(s) URL: ${options.publicUrl}`);
  const listName = options.listName.trim();
  if (listName === '' || holdsReservedToken(listName))
    throw new InvalidNewsletterOptionsError('listName must be a non-empty name');
  return { publicUrl, listName };
}
