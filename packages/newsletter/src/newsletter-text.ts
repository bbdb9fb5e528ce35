// Blocks → the text/plain part, with the same links and placeholders as the HTML: a complete letter on its own.
import { frenchTypography as f, legalLinks } from '@crieur/content';
import { NewsletterContent } from './newsletter-content.js';
import { newsletterLook } from './newsletter-look.js';
import { checkOptions } from './newsletter-options.js';
import type { NewsletterOptions } from './newsletter-options.js';
import { PLACEHOLDERS } from './placeholders.js';
import { renderBlockText } from './render-block-text.js';
import { typesetNewsletter } from './typeset-newsletter.js';
import { wrapText } from './wrap-text.js';

export function newsletterText(content: NewsletterContent, options: NewsletterOptions): string {
  const parsed = typesetNewsletter(NewsletterContent.parse(content));
  const { publicUrl, listName } = checkOptions(options);
  const { theme, identity } = newsletterLook(parsed.kind, options);
  const address = identity.postalAddress
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const parts = [
    // the masthead as the HTML shows it: the newsletter's title once (the subject is the mail client's to show)
    [theme.kicker, theme.title, theme.tagline].filter((line) => line.trim() !== '').join('\n'),
    `Version en ligne : ${PLACEHOLDERS.webUrl}`,
    theme.notice,
    `Bonjour${PLACEHOLDERS.firstName},`,
    ...parsed.blocks.map((block) => renderBlockText(block, publicUrl)),
    [
      '-- ',
      identity.name,
      ...address,
      theme.identity,
      `Vous recevez cette lettre car vous êtes abonné·e à « ${listName} ».`,
      `Se désinscrire : ${PLACEHOLDERS.unsubscribeUrl}`,
      `Gérer mes préférences : ${PLACEHOLDERS.preferencesUrl}`,
      `Version en ligne : ${PLACEHOLDERS.webUrl}`,
      `Site : ${publicUrl}`,
      `Mentions légales : ${legalLinks(publicUrl).mentions}`,
      `Confidentialité : ${legalLinks(publicUrl).privacy}`,
    ]
      .filter((line) => line !== '')
      .join('\n'),
  ];
  // typeset once more as a whole: the labels ("Se désinscrire : …") and block texts are joined here
  return `${wrapText(f(parts.filter((part) => part.trim() !== '').join('\n\n')))}\n`;
}
