// @crieur/newsletter: blocks → MJML → HTML + text once per campaign, then cheap per-recipient personalisation (pure).
export { NewsletterKind, NewsletterContent } from './newsletter-content.js';
export {
  NewsletterBlock,
  EditoBlock,
  ArticleBlock,
  DossierBlock,
  RichTextBlock,
  AgendaBlock,
  AgendaEvent,
  JobsBlock,
  JobOffer,
  MembersNewsBlock,
  MembersNewsItem,
  ImageBlock,
  ButtonBlock,
  DividerBlock,
  SectionTitleBlock,
  BlockImage,
  SECTION_TITLES,
  withSectionTitles,
  blockIssuePlace,
} from './newsletter-blocks.js';
export type { NewsletterBlockType } from './newsletter-blocks.js';
export { NewsletterUrl, resolveUrl } from './newsletter-url.js';
export { compileNewsletter, NewsletterMjmlError, GMAIL_CLIP_BYTES } from './compile-newsletter.js';
export type { CompiledNewsletter, CompileNewsletterOptions, MjmlIssue } from './compile-newsletter.js';
export { newsletterMjml } from './newsletter-mjml.js';
export { newsletterText } from './newsletter-text.js';
export { InvalidNewsletterOptionsError } from './newsletter-options.js';
export type { NewsletterIdentity, NewsletterOptions } from './newsletter-options.js';
export { DEFAULT_ORGANISATION_NAME } from './newsletter-look.js';
export { typesetNewsletter } from './typeset-newsletter.js';
export {
  preparePersonaliser,
  personalTokenValues,
  PERSONAL_TOKENS,
  InvalidPersonalValueError,
} from './prepare-personaliser.js';
export type { Personaliser, PersonalValues, PersonalTokenValues } from './prepare-personaliser.js';
export { PLACEHOLDERS } from './placeholders.js';
export { loadNewsletterTemplates, DEFAULT_TEMPLATES_DIR } from './load-newsletter-templates.js';
export type { NewsletterTemplates } from './load-newsletter-templates.js';
export { NEWSLETTER_THEMES } from './newsletter-themes.js';
export type { NewsletterTheme } from './newsletter-themes.js';
