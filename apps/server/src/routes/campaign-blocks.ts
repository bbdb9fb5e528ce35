import { z } from 'zod';
import { wordCount } from '@crieur/content';
import { NewsletterBlock, NewsletterContent, type NewsletterBlockType } from '@crieur/newsletter';

// a Record so the compiler tells us when @crieur/newsletter gains a block type
const TYPES: Record<NewsletterBlockType, true> = {
  edito: true,
  article: true,
  dossier: true,
  richText: true,
  agenda: true,
  jobs: true,
  membersNews: true,
  image: true,
  button: true,
  divider: true,
  sectionTitle: true,
};
export const BLOCK_TYPES = Object.keys(TYPES) as [NewsletterBlockType, ...NewsletterBlockType[]];
export const MAX_BLOCKS = 60;
export const MAX_BLOCKS_BYTES = 512 * 1024;

/** Autosave keeps unfinished blocks: only their type is checked, the rest waits for preview, test and send. */
export const DraftBlocks = z
  .array(z.looseObject({ type: z.enum(BLOCK_TYPES, 'Type de bloc inconnu') }), 'Une liste de blocs est attendue')
  .max(MAX_BLOCKS, `${MAX_BLOCKS} blocs au plus`)
  .refine(
    (blocks) => Buffer.byteLength(JSON.stringify(blocks), 'utf8') <= MAX_BLOCKS_BYTES,
    'Les blocs dépassent 512 Ko',
  );
export type DraftBlocks = z.infer<typeof DraftBlocks>;

export type BlockError = { index: number; path: string; message: string };
export type FieldError = { path: string; message: string };

/** Each block on its own, so an error names its block and field; valid blocks still render. */
export function checkBlocks(blocks: readonly unknown[]): { valid: NewsletterBlock[]; errors: BlockError[] } {
  const valid: NewsletterBlock[] = [];
  const errors: BlockError[] = [];
  blocks.forEach((block, index) => {
    const result = NewsletterBlock.safeParse(block);
    // a new edito starts empty: valid for MJML, but readers would get a blank section
    if (result.success && 'doc' in result.data && wordCount(result.data.doc) === 0)
      errors.push({ index, path: 'doc', message: 'Écrivez le texte de ce bloc ou retirez-le' });
    else if (result.success) valid.push(result.data);
    else
      errors.push(
        ...result.error.issues.map((issue) => ({ index, path: issue.path.join('.'), message: issue.message })),
      );
  });
  return { valid, errors };
}

/** Subject and preheader errors, checked with the newsletter's own rules. */
export function checkFields(input: { kind: string; subject: string; preheader: string }): FieldError[] {
  const result = NewsletterContent.safeParse({ ...input, blocks: [] });
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}
