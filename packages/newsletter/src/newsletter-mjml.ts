// Blocks + layout → the campaign's MJML source (pure string work, no MJML call).
import { DEFAULT_TEMPLATES } from './default-templates.js';
import { escapeHtml as esc, frenchTypography, legalLinks } from '@crieur/content';
import { fillSlots } from './fill-slots.js';
import type { NewsletterTemplates } from './load-newsletter-templates.js';
import { NewsletterContent } from './newsletter-content.js';
import { newsletterLook } from './newsletter-look.js';
import { checkOptions } from './newsletter-options.js';
import type { NewsletterOptions } from './newsletter-options.js';
import { PLACEHOLDERS } from './placeholders.js';
import { renderBlockMjml } from './render-block-mjml.js';
import type { RenderContext } from './render-context.js';
import { typesetNewsletter } from './typeset-newsletter.js';
import type { EmailImage } from '@crieur/content';

/** An mj-image for the masthead, with its alt ('' when decorative) and its size set for Outlook. */
function mastheadImage(image: EmailImage, attrs: string): string {
  return `<mj-image src="${esc(image.url)}" width="${image.width}px" height="${image.height}px" alt="${esc(image.alt)}"${attrs} />`;
}

/** The postal address as footer lines. */
function addressLines(address: string): string {
  const lines = address
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return lines.length === 0 ? '' : `<p style="margin:0 0 12px;">${lines.map((line) => esc(line)).join('<br>')}</p>`;
}

function siteLabel(publicUrl: string): string {
  return new URL(publicUrl).host.replace(/^www\./, '');
}

export function newsletterMjml(
  content: NewsletterContent,
  options: NewsletterOptions & { templates?: NewsletterTemplates },
): string {
  // re-validated here: a value cast to NewsletterContent must never reach the HTML unchecked
  const parsed = typesetNewsletter(NewsletterContent.parse(content));
  const { publicUrl, listName } = checkOptions(options);
  const templates = options.templates ?? DEFAULT_TEMPLATES;
  const { theme, identity } = newsletterLook(parsed.kind, options);
  const ctx: RenderContext = { publicUrl, theme, templates, media: options.media ?? {} };
  const p = (name: keyof NewsletterTemplates['partials'], values: Record<string, string>) =>
    fillSlots(templates.partials[name], { accent: theme.accent, tint: theme.tint, ...values });

  return fillSlots(templates.layouts[parsed.kind], {
    head: p('head', { title: esc(parsed.subject), preview: esc(parsed.preheader) }),
    // the logo on white above the coloured masthead: a dark logo on a transparent ground stays visible
    topBar:
      p('topBar', { webUrl: PLACEHOLDERS.webUrl }) +
      (identity.logo ? p('logoBand', { image: mastheadImage(identity.logo, ' align="left" padding="0"') }) : ''),
    bannerImage: theme.banner
      ? p('mastheadImage', { image: mastheadImage(theme.banner, ' padding="0" fluid-on-mobile="true"') })
      : '',
    banner: p('banner', {
      kicker: esc(theme.kicker),
      title: esc(theme.title),
      tagline: esc(theme.tagline),
      titleFont: esc(theme.titleFont),
    }),
    notice: theme.notice ? p('notice', { text: esc(theme.notice) }) : '',
    greeting: p('greeting', { firstName: PLACEHOLDERS.firstName }),
    blocks: parsed.blocks.map((block) => renderBlockMjml(ctx, block)).join('\n'),
    footer: p('footer', {
      organisation: esc(identity.name),
      address: addressLines(identity.postalAddress),
      identity: esc(theme.identity),
      listName: esc(frenchTypography(listName)),
      unsubscribeUrl: PLACEHOLDERS.unsubscribeUrl,
      preferencesUrl: PLACEHOLDERS.preferencesUrl,
      webUrl: PLACEHOLDERS.webUrl,
      siteUrl: esc(publicUrl),
      siteLabel: esc(siteLabel(publicUrl)),
      mentionsUrl: esc(legalLinks(publicUrl).mentions),
      privacyUrl: esc(legalLinks(publicUrl).privacy),
    }),
  });
}
