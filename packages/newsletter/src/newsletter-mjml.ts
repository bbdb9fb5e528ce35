// Blocks + layout → the campaign's MJML source (pure string work, no MJML call).
import { DEFAULT_TEMPLATES } from './default-templates.js';
import { escapeHtml as esc } from '@crieur/content';
import { fillSlots } from './fill-slots.js';
import type { NewsletterTemplates } from './load-newsletter-templates.js';
import { NewsletterContent } from './newsletter-content.js';
import { NEWSLETTER_THEMES } from './newsletter-themes.js';
import { checkOptions } from './newsletter-options.js';
import type { NewsletterOptions } from './newsletter-options.js';
import { PLACEHOLDERS } from './placeholders.js';
import { renderBlockMjml } from './render-block-mjml.js';
import type { RenderContext } from './render-context.js';

function siteLabel(publicUrl: string): string {
  return new URL(publicUrl).host.replace(/^www\./, '');
}

export function newsletterMjml(
  content: NewsletterContent,
  options: NewsletterOptions & { templates?: NewsletterTemplates },
): string {
  // re-validated here: a value cast to NewsletterContent must never reach the HTML unchecked
  const parsed = NewsletterContent.parse(content);
  const { publicUrl, listName } = checkOptions(options);
  const templates = options.templates ?? DEFAULT_TEMPLATES;
  const theme = NEWSLETTER_THEMES[parsed.kind];
  const ctx: RenderContext = { publicUrl, theme, templates };
  const p = (name: keyof NewsletterTemplates['partials'], values: Record<string, string>) =>
    fillSlots(templates.partials[name], { accent: theme.accent, tint: theme.tint, ...values });

  return fillSlots(templates.layouts[parsed.kind], {
    head: p('head', { title: esc(parsed.subject), preview: esc(parsed.preheader) }),
    topBar: p('topBar', { webUrl: PLACEHOLDERS.webUrl }),
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
      identity: esc(theme.identity),
      listName: esc(listName),
      unsubscribeUrl: PLACEHOLDERS.unsubscribeUrl,
      preferencesUrl: PLACEHOLDERS.preferencesUrl,
      webUrl: PLACEHOLDERS.webUrl,
      siteUrl: esc(publicUrl),
      siteLabel: esc(siteLabel(publicUrl)),
    }),
  });
}
