// The blocks a newsletter is built from: one zod schema and its type under one name each.
import { parseArticleDoc } from '@crieur/content';
import type { ArticleDoc } from '@crieur/content';
import { z } from 'zod';
import { NewsletterUrl } from './newsletter-url.js';
import { holdsReservedToken } from './placeholders.js';
import { SECTION_TITLES } from './section-titles.js';

const EMPTY = 'Ce champ ne peut pas être vide';
// a missing field and an empty one read alike, in French even where no process-wide locale is set (workers)
const text = (max: number) => z.string(EMPTY).trim().min(1, EMPTY).max(max, `${max} caractères au plus`);
const optionalText = (max: number) => text(max).optional();

// the editor's document schema, with its French issues, so an edito is checked like an article
const Doc = z.unknown().transform((value, ctx): ArticleDoc => {
  const result = parseArticleDoc(value);
  if (result.ok) return result.doc;
  for (const issue of result.issues)
    ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path ? issue.path.split('.') : [] });
  return z.NEVER;
});

export const BlockImage = z.strictObject({
  src: NewsletterUrl,
  alt: text(300).describe('Texte alternatif, lu à la place de l’image'),
});
export type BlockImage = z.infer<typeof BlockImage>;

export const EditoBlock = z.strictObject({
  type: z.literal('edito'),
  title: optionalText(120),
  doc: Doc,
  signature: optionalText(200),
});
export const ArticleBlock = z.strictObject({
  type: z.literal('article'),
  title: text(300),
  lede: text(600),
  url: NewsletterUrl,
  rubrique: optionalText(80),
  image: BlockImage.optional(),
});
export const DossierBlock = z.strictObject({
  type: z.literal('dossier'),
  title: text(300),
  lede: text(800),
  url: NewsletterUrl,
  image: BlockImage.optional(),
});
export const RichTextBlock = z.strictObject({ type: z.literal('richText'), title: optionalText(200), doc: Doc });

// "YYYY-MM-DD" or "YYYY-MM-DDTHH:mm": the local time of the place, as posters print it
// each check stops the next: one message at a time for the date field
const EventDate = z
  .string(EMPTY)
  .min(1, { message: 'Indiquez la date', abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, {
    message: 'Date attendue au format AAAA-MM-JJ ou AAAA-MM-JJTHH:MM',
    abort: true,
  })
  .refine((value) => {
    const [date = '', time] = value.split('T');
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const day = new Date(Date.UTC(y, m - 1, d));
    const [hh, mm] = (time ?? '00:00').split(':').map(Number) as [number, number];
    return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d && hh < 24 && mm < 60;
  }, 'Cette date n’existe pas');

// the contribution an item was filled from: a sent letter records what it carried, so a fill never repeats it
const ContributionId = z.uuid('Identifiant de contribution invalide').optional();

// a Paris calendar day, "YYYY-MM-DD", that exists
const ClosingDay = z
  .string(EMPTY)
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Date attendue au format AAAA-MM-JJ', abort: true })
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    'Cette date n’existe pas',
  );

export const AgendaEvent = z.strictObject({
  title: text(200),
  date: EventDate,
  place: text(200),
  url: NewsletterUrl.optional(),
  contributionId: ContributionId,
});
export const AgendaBlock = z.strictObject({
  type: z.literal('agenda'),
  title: optionalText(120),
  events: z.array(AgendaEvent).min(1, 'Ajoutez au moins un événement').max(30, '30 événements au plus'),
});

export const JobOffer = z.strictObject({
  title: text(200),
  organisation: text(200),
  place: text(200),
  url: NewsletterUrl,
  /** the last day to apply, shown as « Candidatures jusqu’au 12 mars » */
  closesOn: ClosingDay.optional(),
  contributionId: ContributionId,
});
export const JobsBlock = z.strictObject({
  type: z.literal('jobs'),
  title: optionalText(120),
  offers: z.array(JobOffer).min(1, 'Ajoutez au moins une offre').max(30, '30 offres au plus'),
});

export const MembersNewsItem = z.strictObject({
  title: text(200),
  text: text(2000),
  url: NewsletterUrl.optional(),
  contributionId: ContributionId,
});
export const MembersNewsBlock = z.strictObject({
  type: z.literal('membersNews'),
  title: optionalText(120),
  items: z.array(MembersNewsItem).min(1, 'Ajoutez au moins une actualité').max(30, '30 actualités au plus'),
});

export const ImageBlock = z.strictObject({
  type: z.literal('image'),
  src: NewsletterUrl,
  alt: text(300),
  caption: optionalText(500),
  url: NewsletterUrl.optional(),
});
export const ButtonBlock = z.strictObject({ type: z.literal('button'), label: text(80), url: NewsletterUrl });
export const DividerBlock = z.strictObject({ type: z.literal('divider') });
export const SectionTitleBlock = z.strictObject({ type: z.literal('sectionTitle'), text: text(120) });

const Blocks = z.discriminatedUnion('type', [
  EditoBlock,
  ArticleBlock,
  DossierBlock,
  RichTextBlock,
  AgendaBlock,
  JobsBlock,
  MembersNewsBlock,
  ImageBlock,
  ButtonBlock,
  DividerBlock,
  SectionTitleBlock,
]);

export type NewsletterBlock = z.infer<typeof Blocks>;
export type NewsletterBlockType = NewsletterBlock['type'];

// a writer must not be able to forge a personal placeholder: it would be filled with each reader's data
export const NewsletterBlock: z.ZodType<NewsletterBlock> = Blocks.refine(
  (block) => !holdsReservedToken(JSON.stringify(block)),
  'Ce bloc contient le marqueur réservé « %%CRIEUR_ »',
);

export { SECTION_TITLES };

type SectionType = keyof typeof SECTION_TITLES;
const isSection = (block: NewsletterBlock): block is Extract<NewsletterBlock, { type: SectionType }> =>
  block.type in SECTION_TITLES;

/**
 * Section blocks with an empty title get their default heading, so readers always see one; not right under a
 * section title block, which already heads them (a letter saved before had "Les actualités…" as its own block).
 */
export function withSectionTitles(blocks: readonly NewsletterBlock[]): NewsletterBlock[] {
  return blocks.map((block, index) => {
    if (!isSection(block) || block.title?.trim() || blocks[index - 1]?.type === 'sectionTitle') return block;
    return { ...block, title: SECTION_TITLES[block.type] };
  });
}

const BLOCK_NAMES: Record<NewsletterBlockType, string> = {
  edito: 'Édito',
  sectionTitle: 'Titre de rubrique',
  article: 'Article',
  dossier: 'Dossier à la une',
  richText: 'Texte libre',
  agenda: 'Agenda',
  jobs: 'Offres d’emploi',
  membersNews: 'Actualités des adhérent·es',
  image: 'Image',
  button: 'Bouton',
  divider: 'Séparateur',
};

const FIELD_NAMES: Record<string, string> = {
  title: 'titre',
  lede: 'chapô',
  url: 'lien',
  rubrique: 'rubrique',
  image: 'image',
  src: 'adresse de l’image',
  alt: 'texte alternatif',
  doc: 'texte',
  signature: 'signature',
  text: 'texte',
  date: 'date',
  place: 'lieu',
  organisation: 'structure',
  caption: 'légende',
  label: 'texte du bouton',
  closesOn: 'date limite de candidature',
  contributionId: 'contribution',
};
const ROW_NAMES: Record<string, string> = { events: 'événement', offers: 'offre', items: 'actualité' };

/**
 * Where an error lies, as staff read it: « bloc 3 (Agenda), événement 1 › date ». `index` counts from 0,
 * `path` is the field's path in the block ("events.0.date"); an unknown type is named by its position only.
 */
export function blockIssuePlace(index: number, type: unknown, path: string): string {
  const name = BLOCK_NAMES[type as NewsletterBlockType];
  const block = name ? `bloc ${index + 1} (${name})` : `bloc ${index + 1}`;
  const parts: string[] = [];
  const segments = path ? path.split('.') : [];
  segments.forEach((segment, i) => {
    if (/^\d+$/.test(segment)) return;
    const row = ROW_NAMES[segment];
    const next = segments[i + 1];
    if (row && next !== undefined && /^\d+$/.test(next)) parts.push(`${row} ${Number(next) + 1}`);
    else if (segment === 'image' && next !== undefined) return;
    else parts.push(row ? `${row}s` : (FIELD_NAMES[segment] ?? segment));
  });
  return parts.length > 0 ? `${block}, ${parts.join(' › ')}` : block;
}
