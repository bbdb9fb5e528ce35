import { render } from '@react-email/render';
import type { ReactElement } from 'react';
import { frenchTypography, readableDark, type EmailImage } from '@crieur/content';
import type { EmailBrand, EmailIdentity } from './theme';

export type RenderedEmail = { subject: string; html: string; text: string };

// html-to-text shouts headings in capitals by default; keep French text as written
const headingSelectors = ['h1', 'h2', 'h3'].map((selector) => ({ selector, options: { uppercase: false } }));
// a link reads "Label : https://..." in the text version (react-email's default drops the colon)
const linkSelector = {
  selector: 'a',
  options: { linkBrackets: [':\u00a0', ''] as [string, string], hideLinkHrefIfSameAsText: true },
};

// text between two tags, outside <head>, <style> and <script>: the only place typography may change anything
const TEXT_NODE = /(<(?:head|style|script)\b[\s\S]*?<\/(?:head|style|script)>)|>([^<]+)</gi;

/** French typography on the text of rendered HTML: never on tags, attributes or the URLs it protects. */
export function typesetHtml(html: string): string {
  // React's <!-- --> separators split one sentence into pieces: joined, the seams get their spaces too
  return html
    .replace(/<!-- -->/g, '')
    .replace(TEXT_NODE, (match, skipped: string | undefined, text: string | undefined) =>
      // React writes a typed apostrophe as &#x27;: given back as a character, it becomes ’ like any other
      skipped !== undefined || text === undefined ? match : `>${frenchTypography(text.replace(/&#x27;|&#39;/g, "'"))}<`,
    );
}

/** Renders an email to HTML and plain text in French typography; the subject is flattened to one line. */
export async function renderEmail(options: { subject: string; element: ReactElement }): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([
    render(options.element),
    render(options.element, { plainText: true, htmlToTextOptions: { selectors: [...headingSelectors, linkSelector] } }),
  ]);
  // keep no-break spaces: they hold the guillemets to the list name
  const subject = frenchTypography(options.subject.replace(/[^\S\u00a0\u202f]+/g, ' ').trim());
  // images (logo, banner) leave empty lines behind in the text version: at most one blank line in a row
  const plain = frenchTypography(text.trim().replace(/\n{3,}/g, '\n\n'));
  return { subject, html: typesetHtml(html), text: plain + '\n' };
}

/** Refuses anything but an absolute http(s) URL; the URL itself stays out of the message (it holds a token). */
export function assertWebUrl(name: string, value: string): string {
  let protocol: string | undefined;
  try {
    protocol = new URL(value).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'https:' && protocol !== 'http:') throw new TypeError(`${name} must be an absolute http(s) URL`);
  return value;
}

function checkImage(name: string, image: EmailImage | null | undefined): EmailImage | null {
  if (!image) return null;
  return { url: assertWebUrl(name, image.url), width: image.width, height: image.height, alt: image.alt };
}

/** Copies the known fields of the sender's identity; a logo must be an absolute web address (mail has no base). */
export function checkIdentity(identity: EmailIdentity): EmailIdentity {
  const name = identity.name.trim();
  if (name === '') throw new TypeError('identity.name must not be empty');
  if (!identity.legalLinks) throw new TypeError('identity.legalLinks must give the legal pages’ URLs');
  const legalLinks = {
    mentions: assertWebUrl('identity.legalLinks.mentions', identity.legalLinks.mentions),
    privacy: assertWebUrl('identity.legalLinks.privacy', identity.legalLinks.privacy),
  };
  return {
    name,
    postalAddress: identity.postalAddress,
    logo: checkImage('identity.logo.url', identity.logo),
    legalLinks,
  };
}

/** Copies the known fields of a newsletter's brand; an accent that is not a hex colour is refused. */
export function checkBrand(brand: EmailBrand | null | undefined): EmailBrand | null {
  if (!brand) return null;
  if (!/^#[0-9a-f]{6}$/i.test(brand.accent)) throw new TypeError('brand.accent must be a #rrggbb colour');
  return {
    title: brand.title.trim(),
    // white text on it (masthead, button) and it on white (links): darkened just enough when stored too light
    accent: readableDark(brand.accent),
    titleFont: brand.titleFont === 'serif' ? 'serif' : 'sans',
    banner: checkImage('brand.banner.url', brand.banner),
    welcomeText: brand.welcomeText,
  };
}
