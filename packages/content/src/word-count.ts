// Words of an article for reading time and editorial statistics.
import type { ArticleDoc } from './article-types.js';
import { blockText } from './block-text.js';
import { requireArticleDoc } from './parse-article-doc.js';

// letters or digits, joined by apostrophes or hyphens: "l'été", "aujourd’hui" and "peut-être" are one word each
const WORD = /[\p{L}\p{N}]+(?:['’‐‑-][\p{L}\p{N}]+)*/gu;

/**
 * Counts words in text, headings, lists, quotes and image captions (not alt texts).
 * An elision counts once with its word ("l'été" = 1, as word processors do); "3 355" counts 2.
 */
export function wordCount(doc: ArticleDoc): number {
  const text = requireArticleDoc(doc)
    .content.map((block) => blockText(block, '\n'))
    .join('\n');
  return text.match(WORD)?.length ?? 0;
}
