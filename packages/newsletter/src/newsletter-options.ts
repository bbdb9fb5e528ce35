// The campaign-level options shared by the MJML and text renderers, checked once.
import { isSafeImageSrc } from '@crieur/content';
import { holdsReservedToken } from './placeholders.js';

export type NewsletterOptions = {
  /** Public site URL, e.g. "https://democraties.example": /media/… paths resolve on it and the footer links to it. */
  publicUrl: string;
  /** The list's name as readers know it, for "Vous recevez cette lettre car vous êtes abonné·e à « … »". */
  listName: string;
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
