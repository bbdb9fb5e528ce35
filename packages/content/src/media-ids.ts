// Which media an article uses, so a media is not deleted while an article shows it.
import type { ArticleDoc } from './article-types.js';
import { requireArticleDoc } from './parse-article-doc.js';

/** The mediaId of every image, in order of appearance, without duplicates (images are top-level blocks only). */
export function mediaIds(doc: ArticleDoc): string[] {
  const ids = requireArticleDoc(doc).content.flatMap((block) =>
    block.type === 'image' && block.attrs.mediaId ? [block.attrs.mediaId] : [],
  );
  return [...new Set(ids)];
}
