// Blocks → the text/plain part, with the same links and placeholders as the HTML.
import { NewsletterContent } from './newsletter-content.js';
import { NEWSLETTER_THEMES } from './newsletter-themes.js';
import { checkOptions } from './newsletter-options.js';
import type { NewsletterOptions } from './newsletter-options.js';
import { PLACEHOLDERS } from './placeholders.js';
import { renderBlockText } from './render-block-text.js';

export function newsletterText(content: NewsletterContent, options: NewsletterOptions): string {
  const parsed = NewsletterContent.parse(content);
  const { publicUrl, listName } = checkOptions(options);
  const theme = NEWSLETTER_THEMES[parsed.kind];
  const parts = [
    `${theme.title} — ${parsed.subject}`,
    `Version en ligne : ${PLACEHOLDERS.webUrl}`,
    theme.notice,
    `Bonjour${PLACEHOLDERS.firstName},`,
    ...parsed.blocks.map((block) => renderBlockText(block, publicUrl)),
    [
      '-- ',
      'Institut de la concertation et de la participation citoyenne (ICPC)',
      theme.identity,
      `Vous recevez cette lettre car vous êtes abonné·e à « ${listName} ».`,
      `Se désinscrire : ${PLACEHOLDERS.unsubscribeUrl}`,
      `Gérer mes préférences : ${PLACEHOLDERS.preferencesUrl}`,
      `Version en ligne : ${PLACEHOLDERS.webUrl}`,
      `Site : ${publicUrl}`,
    ].join('\n'),
  ];
  return `${parts.filter((part) => part.trim() !== '').join('\n\n')}\n`;
}
