// One compile's look and sender: the theme and identity given (or the code's defaults), checked, then typeset.
import { frenchTypography, readableDark, readableLight, type EmailImage } from '@crieur/content';
import type { NewsletterKind } from './newsletter-content.js';
import { InvalidNewsletterOptionsError } from './newsletter-options.js';
import type { NewsletterIdentity, NewsletterOptions } from './newsletter-options.js';
import { NEWSLETTER_THEMES, type NewsletterTheme } from './newsletter-themes.js';
import { holdsReservedToken } from './placeholders.js';

/** The footer's name when the organisation settings give none. */
export const DEFAULT_ORGANISATION_NAME = 'Institut de la concertation et de la participation citoyenne (ICPC)';

export type NewsletterLook = { theme: NewsletterTheme; identity: NewsletterIdentity };

// the letters' body text colour (templates), written on white and on the tint
const BODY_TEXT = '#1f2430';
// colours and fonts go into style attributes: anything else than a colour or a font list could carry CSS
const COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const FONT_LIST = /^[\w\s,'"-]+$/;

function checkText(field: string, value: string): string {
  if (holdsReservedToken(value)) throw new InvalidNewsletterOptionsError(`${field} holds a reserved token`);
  return frenchTypography(value);
}

function checkImage(field: string, image: EmailImage | null | undefined): EmailImage | null {
  if (!image) return null;
  const sized = [image.width, image.height].every((n) => Number.isInteger(n) && n > 0);
  if (!/^https:\/\/|^http:\/\//i.test(image.url) || /[\s"<>]/.test(image.url) || !sized)
    throw new InvalidNewsletterOptionsError(`${field} must be an absolute http(s) image with its width and height`);
  if (holdsReservedToken(image.alt)) throw new InvalidNewsletterOptionsError(`${field} alt holds a reserved token`);
  return image;
}

/** The theme and identity a letter of `kind` wears, every string typeset; throws on a value unsafe to render. */
export function newsletterLook(
  kind: NewsletterKind,
  options: Pick<NewsletterOptions, 'theme' | 'identity'>,
): NewsletterLook {
  const given = options.theme ?? NEWSLETTER_THEMES[kind];
  if (!COLOUR.test(given.accent) || !COLOUR.test(given.tint))
    throw new InvalidNewsletterOptionsError('theme colours must be #rgb or #rrggbb');
  if (!FONT_LIST.test(given.titleFont)) throw new InvalidNewsletterOptionsError('theme titleFont must be a font list');
  // whatever colours were stored, the letter stays readable: body text on the tint, white on the accent, the accent
  // on white and on the tint (the dossier's label)
  const tint = readableLight(given.tint, BODY_TEXT);
  const theme: NewsletterTheme = {
    ...given,
    tint,
    accent: readableDark(given.accent, ['#ffffff', tint]),
    kicker: checkText('theme kicker', given.kicker),
    title: checkText('theme title', given.title),
    tagline: checkText('theme tagline', given.tagline),
    identity: checkText('theme identity', given.identity),
    notice: checkText('theme notice', given.notice),
    banner: checkImage('theme banner', given.banner),
  };
  const identity = options.identity ?? { name: DEFAULT_ORGANISATION_NAME, postalAddress: '', logo: null };
  const name = identity.name.trim();
  if (name === '') throw new InvalidNewsletterOptionsError('identity name must not be empty');
  return {
    theme,
    identity: {
      name: checkText('identity name', name),
      postalAddress: checkText('identity postalAddress', identity.postalAddress.trim()),
      logo: checkImage('identity logo', identity.logo),
    },
  };
}
