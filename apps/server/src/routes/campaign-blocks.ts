import type { BlockError, CampaignFieldError as FieldError } from '@crieur/api';
import { wordCount } from '@crieur/content';
import { blockIssuePlace, NewsletterBlock, NewsletterContent } from '@crieur/newsletter';

// autosave's DraftBlocks (only the type checked) is the contract's: @crieur/api
export type { BlockError, FieldError };

/** Each block on its own, so an error names its block and field; valid blocks still render. */
export function checkBlocks(blocks: readonly unknown[]): { valid: NewsletterBlock[]; errors: BlockError[] } {
  const valid: NewsletterBlock[] = [];
  const errors: BlockError[] = [];
  blocks.forEach((block, index) => {
    const result = NewsletterBlock.safeParse(block);
    const type = typeof block === 'object' && block !== null ? (block as { type?: unknown }).type : undefined;
    const error = (path: string, message: string) => ({
      index,
      path,
      message,
      where: blockIssuePlace(index, type, path),
    });
    // a new edito starts empty: valid for MJML, but readers would get a blank section
    if (result.success && 'doc' in result.data && wordCount(result.data.doc) === 0)
      errors.push(error('doc', 'Écrivez le texte de ce bloc ou retirez-le'));
    else if (result.success) valid.push(result.data);
    else errors.push(...result.error.issues.map((issue) => error(issue.path.join('.'), issue.message)));
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
