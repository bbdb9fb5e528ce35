import { render } from '@react-email/render';
import type { ReactElement } from 'react';

export type RenderedEmail = { subject: string; html: string; text: string };

// html-to-text shouts headings in capitals by default; keep French text as written
const headingSelectors = ['h1', 'h2', 'h3'].map((selector) => ({ selector, options: { uppercase: false } }));
// a link reads "Label : https://..." in the text version (react-email's default drops the colon)
const linkSelector = {
  selector: 'a',
  options: { linkBrackets: [':\u00a0', ''] as [string, string], hideLinkHrefIfSameAsText: true },
};

/** Renders an email to HTML and plain text; the subject is flattened to one line. */
export async function renderEmail(options: { subject: string; element: ReactElement }): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([
    render(options.element),
    render(options.element, { plainText: true, htmlToTextOptions: { selectors: [...headingSelectors, linkSelector] } }),
  ]);
  // keep no-break spaces: they hold the guillemets to the list name
  return { subject: options.subject.replace(/[^\S\u00a0]+/g, ' ').trim(), html, text: text.trim() + '\n' };
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
