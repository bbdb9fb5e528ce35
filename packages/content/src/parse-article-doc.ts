// The one entry point that turns untrusted JSON into an ArticleDoc, with French issues.
import { ArticleDoc } from './article-doc-schema.js';
import { checkStructure } from './check-structure.js';
import { frenchErrorMap, toArticleDocIssues } from './french-issues.js';
import type { ArticleDocIssue } from './issue-path.js';

export type ParseArticleDocResult = { ok: true; doc: ArticleDoc } | { ok: false; issues: ArticleDocIssue[] };

export function parseArticleDoc(input: unknown): ParseArticleDocResult {
  const sizeIssue = checkStructure(input);
  if (sizeIssue) return { ok: false, issues: [sizeIssue] };
  const result = ArticleDoc.safeParse(input, { error: frenchErrorMap });
  if (result.success) return { ok: true, doc: result.data };
  return { ok: false, issues: toArticleDocIssues(result.error.issues) };
}

export class InvalidArticleDocError extends Error {
  readonly code = 'INVALID_ARTICLE_DOC';
  constructor(readonly issues: ArticleDocIssue[]) {
    super(`Document d'article invalide : ${issues.map((i) => `${i.path || '(racine)'} : ${i.message}`).join(' ; ')}`);
    this.name = 'InvalidArticleDocError';
  }
}

/** Renderers re-validate: a doc cast to ArticleDoc without parsing must never reach the HTML. */
export function requireArticleDoc(doc: ArticleDoc): ArticleDoc {
  const result = parseArticleDoc(doc);
  if (!result.ok) throw new InvalidArticleDocError(result.issues);
  return result.doc;
}
