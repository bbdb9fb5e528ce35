// The blocks' types are @crieur/newsletter's, through the contract (type-only: nothing of zod or MJML reaches the
// bundle). The server validates; these types shape the forms, which keep empty strings until the payload drops them.
import type { ArticleDoc } from '@crieur/content';
import type { DraftBlock, NewsletterBlock, PublishedItem } from '@crieur/api';
import { BLOCK_TYPES, SECTION_TITLES, type BlockType } from '@crieur/api/enums/campaigns';

export type Block = NewsletterBlock;
export type { BlockType };
type Of<T extends BlockType> = Extract<Block, { type: T }>;

export type EditoBlock = Of<'edito'>;
export type ArticleBlock = Of<'article'>;
export type DossierBlock = Of<'dossier'>;
export type RichTextBlock = Of<'richText'>;
export type AgendaBlock = Of<'agenda'>;
export type JobsBlock = Of<'jobs'>;
export type MembersNewsBlock = Of<'membersNews'>;
export type ImageBlock = Of<'image'>;
export type ButtonBlock = Of<'button'>;
export type DividerBlock = Of<'divider'>;
export type SectionTitleBlock = Of<'sectionTitle'>;
export type BlockImage = NonNullable<ArticleBlock['image']>;
export type AgendaEvent = AgendaBlock['events'][number];
export type JobOffer = JobsBlock['offers'][number];
export type MembersNewsItem = MembersNewsBlock['items'][number];

/** The add menu's order: the usual shape of an issue, top to bottom. */
export { BLOCK_TYPES };

/** A block with a stable key: drag and drop and React need one that survives reordering. */
export type KeyedBlock = { key: string; block: Block };

let nextKey = 0;
export const newKey = (): string => `b${++nextKey}`;

const EMPTY_DOC: ArticleDoc = { type: 'doc', content: [{ type: 'paragraph' }] };

export const emptyEvent = (): AgendaEvent => ({ title: '', date: '', place: '', url: '' });
export const emptyOffer = (): JobOffer => ({ title: '', organisation: '', place: '', url: '' });
export const emptyNewsItem = (): MembersNewsItem => ({ title: '', text: '', url: '' });

/** A new block of `type`: sections with their usual heading, other fields empty (the preview lists what is missing). */
export function emptyBlock(type: BlockType): Block {
  switch (type) {
    case 'edito':
      return { type, title: '', doc: EMPTY_DOC, signature: '' };
    case 'article':
      return { type, title: '', lede: '', url: '', rubrique: '' };
    case 'dossier':
      return { type, title: '', lede: '', url: '' };
    case 'richText':
      return { type, title: '', doc: EMPTY_DOC };
    case 'agenda':
      return { type, title: SECTION_TITLES.agenda, events: [emptyEvent()] };
    case 'jobs':
      return { type, title: SECTION_TITLES.jobs, offers: [emptyOffer()] };
    case 'membersNews':
      return { type, title: SECTION_TITLES.membersNews, items: [emptyNewsItem()] };
    case 'image':
      return { type, src: '', alt: '', caption: '', url: '' };
    case 'button':
      return { type, label: '', url: '' };
    case 'divider':
      return { type };
    case 'sectionTitle':
      return { type, text: '' };
  }
}

/** An article or dossier card filled from a search result, as the server describes it. */
export function cardFrom(kind: 'article' | 'dossier', item: PublishedItem): Block {
  const image = item.image ? { image: { src: item.image.src, alt: item.image.alt } } : {};
  return kind === 'article'
    ? {
        type: 'article',
        title: item.title,
        lede: item.lede,
        url: item.url,
        ...(item.rubrique ? { rubrique: item.rubrique } : {}),
        ...image,
      }
    : { type: 'dossier', title: item.title, lede: item.lede, url: item.url, ...image };
}

// optional fields left empty are dropped: the schema refuses an empty string where it accepts nothing; a required
// field stays, so an empty one reads "ne peut pas être vide" rather than as missing
const OPTIONAL_TITLE: Partial<Record<BlockType, true>> = {
  edito: true,
  richText: true,
  agenda: true,
  jobs: true,
  membersNews: true,
};
const OPTIONAL_URL: Partial<Record<BlockType, true>> = { image: true };

function prune(value: Record<string, unknown>, optional: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (typeof field === 'string' && field.trim() === '' && optional.has(key)) continue;
    out[key] = field;
  }
  return out;
}

/** The block's own optional fields: title for sections and texts, url for an image, signature, rubrique, caption. */
function optionalOf(type: BlockType): Set<string> {
  const optional = new Set(['signature', 'rubrique', 'caption']);
  if (OPTIONAL_TITLE[type]) optional.add('title');
  if (OPTIONAL_URL[type]) optional.add('url');
  return optional;
}
const OPTIONAL_ROW_URL = new Set(['url']);
const NOTHING_OPTIONAL = new Set<string>();

/** The block as the API takes it: empty optional fields dropped, an image with neither address nor text dropped. */
export function toPayload(block: Block): DraftBlock {
  const out = prune(block as Record<string, unknown>, optionalOf(block.type)) as DraftBlock;
  if ('image' in block && block.image && !block.image.src.trim() && !block.image.alt.trim()) delete out.image;
  if (block.type === 'agenda') out.events = block.events.map((event) => prune(event, OPTIONAL_ROW_URL));
  if (block.type === 'jobs') out.offers = block.offers.map((offer) => prune(offer, NOTHING_OPTIONAL));
  if (block.type === 'membersNews') out.items = block.items.map((item) => prune(item, OPTIONAL_ROW_URL));
  return out;
}

const KNOWN = new Set<string>(BLOCK_TYPES);

/** Stored blocks (possibly incomplete drafts) as editable ones; unknown types are dropped. */
export function fromStored(blocks: unknown[]): KeyedBlock[] {
  return blocks
    .filter(
      (raw): raw is Block =>
        typeof raw === 'object' && raw !== null && KNOWN.has(String((raw as { type?: unknown }).type)),
    )
    .map((block) => ({ key: newKey(), block: withDefaults(block) }));
}

// a stored draft may miss a required array: forms need something to map over
function withDefaults(block: Block): Block {
  switch (block.type) {
    case 'agenda':
      return { ...block, events: Array.isArray(block.events) ? block.events : [] };
    case 'jobs':
      return { ...block, offers: Array.isArray(block.offers) ? block.offers : [] };
    case 'membersNews':
      return { ...block, items: Array.isArray(block.items) ? block.items : [] };
    case 'edito':
    case 'richText':
      return { ...block, doc: block.doc && typeof block.doc === 'object' ? block.doc : EMPTY_DOC };
    default:
      return block;
  }
}

/** A short label for a block in lists and announcements: its title or first words. */
export function blockSummary(block: Block): string {
  switch (block.type) {
    case 'article':
    case 'dossier':
      return block.title;
    case 'sectionTitle':
      return block.text;
    case 'button':
      return block.label;
    case 'image':
      return block.alt;
    case 'divider':
      return '';
    default:
      return block.title ?? '';
  }
}

/** Errors of one field: the path equals it or lies below it ("events.0" holds "events.0.date"). */
export function errorsAt(errors: { path: string; message: string }[], path: string): string[] {
  return errors
    .filter((error) => error.path === path || error.path.startsWith(`${path}.`))
    .map((error) => error.message);
}
