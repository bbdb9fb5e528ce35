// The blocks a newsletter is built from: one zod schema and its type under one name each.
import { parseArticleDoc } from '@crieur/content';
import type { ArticleDoc } from '@crieur/content';
import { z } from 'zod';
import { NewsletterUrl } from './newsletter-url.js';
import { holdsReservedToken } from './placeholders.js';

const text = (max: number) =>
  z.string().trim().min(1, 'Ce champ ne peut pas être vide').max(max, `${max} caractères au plus`);
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
const EventDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, 'Date attendue au format AAAA-MM-JJ ou AAAA-MM-JJTHH:MM')
  .refine((value) => {
    const [date = '', time] = value.split('T');
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const day = new Date(Date.UTC(y, m - 1, d));
    const [hh, mm] = (time ?? '00:00').split(':').map(Number) as [number, number];
    return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d && hh < 24 && mm < 60;
  }, 'Cette date n’existe pas');

export const AgendaEvent = z.strictObject({
  title: text(200),
  date: EventDate,
  place: text(200),
  url: NewsletterUrl.optional(),
});
export const AgendaBlock = z.strictObject({
  type: z.literal('agenda'),
  title: optionalText(120),
  events: z.array(AgendaEvent).min(1).max(30),
});

export const JobOffer = z.strictObject({
  title: text(200),
  organisation: text(200),
  place: text(200),
  url: NewsletterUrl,
});
export const JobsBlock = z.strictObject({
  type: z.literal('jobs'),
  title: optionalText(120),
  offers: z.array(JobOffer).min(1).max(30),
});

export const MembersNewsItem = z.strictObject({ title: text(200), text: text(2000), url: NewsletterUrl.optional() });
export const MembersNewsBlock = z.strictObject({
  type: z.literal('membersNews'),
  title: optionalText(120),
  items: z.array(MembersNewsItem).min(1).max(30),
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
