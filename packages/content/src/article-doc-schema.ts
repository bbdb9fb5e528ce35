// The zod schema of an article: only the nodes, marks and attributes the renderers know.
import { z } from 'zod';
import type * as T from './article-types.js';
import { COMMENT_ANCHOR_ID, MAX_ANCHORS_PER_TEXT } from './comment-anchor.js';
import { MAX_ALT_CHARS, MAX_CAPTION_CHARS, MAX_TEXT_CHARS, MAX_TITLE_CHARS } from './limits.js';
import { isSafeHref, isSafeImageSrc } from './safe-url.js';

export const HREF_MESSAGE = 'Le lien doit commencer par http://, https:// ou mailto:';
export const SRC_MESSAGE = "L'adresse de l'image doit être une URL http:// ou https:// complète, ou un chemin /media/…";

const Bold = z.strictObject({ type: z.literal('bold') });
const Italic = z.strictObject({ type: z.literal('italic') });
const Link = z.strictObject({
  type: z.literal('link'),
  // z.object strips the editor's target, rel, class and title: the renderers set rel themselves
  attrs: z.object({
    href: z.string({ error: 'Le lien doit avoir une adresse (href)' }).refine(isSafeHref, HREF_MESSAGE),
  }),
});
const CommentAnchor = z.strictObject({
  type: z.literal('commentAnchor'),
  attrs: z.strictObject({
    id: z.string({ error: 'Le passage commenté doit avoir un identifiant' }).regex(COMMENT_ANCHOR_ID, {
      error: 'Identifiant de passage commenté invalide (lettres, chiffres, _ et -, 40 au maximum)',
    }),
  }),
});
// one of each mark, except comment anchors: one per comment on these words
const markKey = (m: T.TextMark) => (m.type === 'commentAnchor' ? `commentAnchor:${m.attrs.id}` : m.type);
const Marks = z
  .array(z.discriminatedUnion('type', [Bold, Italic, Link, CommentAnchor]))
  .max(3 + MAX_ANCHORS_PER_TEXT)
  .refine((marks) => new Set(marks.map(markKey)).size === marks.length, 'Une même marque est appliquée deux fois');

const Text = z.strictObject({
  type: z.literal('text'),
  text: z.string().min(1, 'Un nœud texte ne peut pas être vide').max(MAX_TEXT_CHARS),
  marks: Marks.optional(),
});
const HardBreak = z.strictObject({ type: z.literal('hardBreak'), marks: Marks.optional() });
const Inline = z.discriminatedUnion('type', [Text, HardBreak]);

const Paragraph = z.strictObject({ type: z.literal('paragraph'), content: z.array(Inline).optional() });
const Heading = z.strictObject({
  type: z.literal('heading'),
  attrs: z.strictObject({ level: z.literal([2, 3, 4], { error: 'Le niveau de titre doit être 2, 3 ou 4' }) }),
  content: z.array(Inline).optional(),
});

const ListItem = z.strictObject({
  type: z.literal('listItem'),
  get content(): z.ZodType<(T.ParagraphNode | T.ListNode)[]> {
    return FlowContent.refine(
      (c) => c[0]?.type === 'paragraph',
      'Un élément de liste doit commencer par un paragraphe',
    );
  },
});
const BulletList = z.strictObject({
  type: z.literal('bulletList'),
  get content(): z.ZodType<T.ListItemNode[]> {
    return z.array(ListItem).min(1, 'Une liste doit contenir au moins un élément');
  },
});
const OrderedListAttrs = z
  .strictObject({
    start: z
      .int('Le numéro de départ doit être un entier')
      .min(1, 'Le numéro de départ doit être au moins 1')
      .max(1_000_000)
      .optional(),
    // the editor's list-style attr (from pasted HTML) is dropped: articles number lists 1, 2, 3
    type: z.string().max(20).nullable().optional(),
  })
  .optional()
  .transform((attrs) => ({ start: attrs?.start ?? 1 }));
const OrderedList = z.strictObject({
  type: z.literal('orderedList'),
  attrs: OrderedListAttrs,
  get content(): z.ZodType<T.ListItemNode[]> {
    return z.array(ListItem).min(1, 'Une liste doit contenir au moins un élément');
  },
});
const FlowContent = z
  .array(z.discriminatedUnion('type', [Paragraph, BulletList, OrderedList]))
  .min(1, 'Ce bloc doit contenir au moins un paragraphe ou une liste');

const Blockquote = z.strictObject({ type: z.literal('blockquote'), content: FlowContent });
const HorizontalRule = z.strictObject({ type: z.literal('horizontalRule') });

// empty or null optional attrs (the editor's defaults) are left out of the parsed doc
const optionalText = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} : ${max} caractères au maximum`)
    .nullish()
    .transform((v) => (v ? v : undefined));
const ImageAttrs = z
  .strictObject({
    src: z.string({ error: "L'image doit avoir une adresse (src)" }).refine(isSafeImageSrc, SRC_MESSAGE),
    alt: z
      .string({ error: "Le texte alternatif de l'image est obligatoire" })
      .trim()
      .min(1, "Le texte alternatif de l'image est obligatoire")
      .max(MAX_ALT_CHARS, `Texte alternatif : ${MAX_ALT_CHARS} caractères au maximum`),
    title: optionalText(MAX_TITLE_CHARS, 'Titre'),
    caption: optionalText(MAX_CAPTION_CHARS, 'Légende'),
    mediaId: z
      .uuid("L'identifiant du média doit être un UUID")
      .nullish()
      .transform((v) => v ?? undefined),
  })
  .transform(({ src, alt, title, caption, mediaId }): T.ImageAttrs => ({
    src,
    alt,
    ...(title === undefined ? {} : { title }),
    ...(caption === undefined ? {} : { caption }),
    ...(mediaId === undefined ? {} : { mediaId }),
  }));
const Image = z.strictObject({ type: z.literal('image'), attrs: ImageAttrs });

const Block = z.discriminatedUnion('type', [
  Paragraph,
  Heading,
  BulletList,
  OrderedList,
  Blockquote,
  HorizontalRule,
  Image,
]);

export type ArticleDoc = T.ArticleDoc;
/** Validates and normalises an article; use parseArticleDoc for French messages and the size limits. */
export const ArticleDoc: z.ZodType<ArticleDoc> = z.strictObject({
  type: z.literal('doc'),
  content: z.array(Block).min(1, 'Le document doit contenir au moins un bloc'),
});
