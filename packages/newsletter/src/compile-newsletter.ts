// Once per campaign: blocks → MJML → HTML (+ text); the personal placeholders stay in.
import mjml2html from 'mjml';
import type { NewsletterTemplates } from './load-newsletter-templates.js';
import type { NewsletterContent } from './newsletter-content.js';
import { headingOutline } from './heading-outline.js';
import { newsletterMjml } from './newsletter-mjml.js';
import type { NewsletterOptions } from './newsletter-options.js';
import { newsletterText } from './newsletter-text.js';
import { PLACEHOLDER_NAMES, PLACEHOLDERS } from './placeholders.js';

export type MjmlIssue = { line: number; message: string; tagName: string };

export type CompiledNewsletter = {
  html: string;
  text: string;
  /** Empty with 'strict' (errors throw NewsletterMjmlError); with 'soft', what MJML objected to. */
  mjmlErrors: MjmlIssue[];
  /** UTF-8 bytes of html, placeholders included. */
  bytes: number;
  /** Past Gmail's 102 KB, the end of the message (footer, unsubscribe link) hides behind "[Message clipped]". */
  clipped: boolean;
};

export type CompileNewsletterOptions = NewsletterOptions & {
  /** 'strict' (default) refuses to render with any MJML error; 'soft' renders and lists them, for previews. */
  validation?: 'strict' | 'soft';
  templates?: NewsletterTemplates;
};

export const GMAIL_CLIP_BYTES = 102 * 1024;

export class NewsletterMjmlError extends Error {
  readonly code = 'NEWSLETTER_MJML_INVALID';
  constructor(readonly errors: MjmlIssue[]) {
    super(
      `Le MJML de la lettre est invalide : ${errors.map((e) => `ligne ${e.line} (${e.tagName}) : ${e.message}`).join(' ; ')}`,
    );
    this.name = 'NewsletterMjmlError';
  }
}

type RawMjmlError = { line?: number; message?: string; tagName?: string };

const toIssues = (errors: readonly RawMjmlError[]): MjmlIssue[] =>
  errors.map((e) => ({ line: e.line ?? 0, message: e.message ?? '', tagName: e.tagName ?? '' }));

// indentation is about a third of MJML's output; dropping it changes nothing a reader sees
const compact = (html: string) => html.replace(/^[ \t]+/gm, '').replace(/\n{2,}/g, '\n');

export async function compileNewsletter(
  content: NewsletterContent,
  options: CompileNewsletterOptions,
): Promise<CompiledNewsletter> {
  const source = newsletterMjml(content, options);
  const validationLevel = options.validation ?? 'strict';
  let result: Awaited<ReturnType<typeof mjml2html>>;
  try {
    // fonts: {} so MJML never adds a Google Fonts <link> (a request to a third party per open)
    result = await mjml2html(source, { validationLevel, fonts: {}, keepComments: false });
  } catch (error) {
    const errors = (error as { errors?: RawMjmlError[] }).errors;
    if (Array.isArray(errors)) throw new NewsletterMjmlError(toIssues(errors));
    throw error;
  }
  const html = headingOutline(compact(result.html));
  // malformed XML gives no MJML error, only missing output: the footer's links are the canary
  const missing = PLACEHOLDER_NAMES.filter((name) => !html.includes(PLACEHOLDERS[name]));
  if (missing.length > 0)
    throw new NewsletterMjmlError([
      { line: 0, message: `placeholders lost in the HTML: ${missing.join(', ')}`, tagName: 'mjml' },
    ]);
  const bytes = Buffer.byteLength(html, 'utf8');
  return {
    html,
    text: newsletterText(content, options),
    mjmlErrors: toIssues(result.errors),
    bytes,
    clipped: bytes > GMAIL_CLIP_BYTES,
  };
}
