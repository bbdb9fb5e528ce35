import type { ArticleDoc } from './article-types.js';

// frozen so a consumer mutating the shared constant fails loudly instead of changing every new article
const paragraph = Object.freeze({ type: 'paragraph' as const });

/** What a new article starts with: one empty paragraph, like a fresh editor. */
export const EMPTY_DOC: ArticleDoc = Object.freeze({
  type: 'doc' as const,
  content: Object.freeze([paragraph]) as unknown as ArticleDoc['content'],
});
