// Reads the MJML layouts and partials once; compiling then never touches the disk.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NewsletterKind } from './newsletter-content.js';

export const PARTIAL_FILES = {
  head: 'head.mjml',
  topBar: 'top-bar.mjml',
  banner: 'banner.mjml',
  mastheadImage: 'masthead-image.mjml',
  logoBand: 'logo-band.mjml',
  notice: 'notice.mjml',
  greeting: 'greeting.mjml',
  sectionTitle: 'section-title.mjml',
  edito: 'edito.mjml',
  richText: 'rich-text.mjml',
  articleCard: 'article-card.mjml',
  articleCardText: 'article-card-text.mjml',
  articleCardBody: 'article-card-body.html',
  dossier: 'dossier.mjml',
  dossierImage: 'dossier-image.mjml',
  listBlock: 'list-block.mjml',
  listTitle: 'list-title.html',
  agendaEvent: 'agenda-event.html',
  jobOffer: 'job-offer.html',
  membersNewsItem: 'members-news-item.html',
  button: 'button.mjml',
  divider: 'divider.mjml',
  image: 'image.mjml',
  imageCaption: 'image-caption.mjml',
  footer: 'footer.mjml',
} as const;

export type PartialName = keyof typeof PARTIAL_FILES;

export type NewsletterTemplates = {
  layouts: Record<NewsletterKind, string>;
  partials: Record<PartialName, string>;
};

/** The repository's templates/newsletters folder. */
export const DEFAULT_TEMPLATES_DIR = resolve(import.meta.dirname, '../../../templates/newsletters');

const read = (path: string) => readFileSync(path, 'utf8').trim();

export function loadNewsletterTemplates(dir: string = DEFAULT_TEMPLATES_DIR): NewsletterTemplates {
  const partials = Object.fromEntries(
    Object.entries(PARTIAL_FILES).map(([name, file]) => [name, read(join(dir, 'partials', file))]),
  ) as Record<PartialName, string>;
  const layouts = {
    membres: read(join(dir, 'membres.mjml')),
    adherents: read(join(dir, 'adherents.mjml')),
    democraties: read(join(dir, 'democraties.mjml')),
  };
  return { layouts, partials };
}
