// What every block renderer needs besides the block: where links resolve, the look, the files.
import type { EmailMediaInfo } from '@crieur/content';
import type { NewsletterTemplates } from './load-newsletter-templates.js';
import type { NewsletterTheme } from './newsletter-themes.js';

export type RenderContext = {
  publicUrl: string;
  theme: NewsletterTheme;
  templates: NewsletterTemplates;
  /** the media shown, by id: images become their email copy with width and height */
  media: Readonly<Record<string, EmailMediaInfo>>;
};
