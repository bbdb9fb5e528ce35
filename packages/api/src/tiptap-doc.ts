import { z } from 'zod';
import { parseArticleDoc, type ArticleDoc } from '@crieur/content';

// the same document schema as an article's body (dossier editorial notes use it too)
const DOC_DESCRIPTION = 'Tiptap JSON: the nodes, marks and attributes of @crieur/content’s ArticleDoc';

/** A stored document as the server answers it: checked by @crieur/content's parser, not rewritten. */
export const StoredTiptapDoc = z
  .custom<ArticleDoc>((value) => parseArticleDoc(value).ok)
  .meta({ description: DOC_DESCRIPTION });

/** A document as staff send it: size limits first, then the schema, with French messages and paths. */
export const SentTiptapDoc = z
  .unknown()
  .transform((input, ctx) => {
    const parsed = parseArticleDoc(input);
    if (parsed.ok) return parsed.doc;
    for (const issue of parsed.issues) {
      const path = issue.path ? issue.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) : [];
      ctx.addIssue({ code: 'custom', message: issue.message, path });
    }
    return z.NEVER;
  })
  .meta({ description: DOC_DESCRIPTION }) as unknown as z.ZodType<ArticleDoc, ArticleDoc>;
