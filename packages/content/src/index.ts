// @crieur/content: the démocratieS article document model and its renderers (pure, browser-safe).
export type {
  BlockNode,
  BlockquoteNode,
  BoldMark,
  BulletListNode,
  CommentAnchorMark,
  HardBreakNode,
  HeadingLevel,
  HeadingNode,
  HorizontalRuleNode,
  ImageAttrs,
  ImageNode,
  InlineNode,
  ItalicMark,
  LinkMark,
  ListItemNode,
  ListNode,
  OrderedListNode,
  ParagraphNode,
  TextMark,
  TextNode,
} from './article-types.js';
export { ArticleDoc } from './article-doc-schema.js';
export type { ArticleDocIssue } from './issue-path.js';
export { InvalidArticleDocError, parseArticleDoc } from './parse-article-doc.js';
export type { ParseArticleDocResult } from './parse-article-doc.js';
export { EMPTY_DOC } from './empty-doc.js';
export { editorExtensions } from './editor-extensions.js';
export { CommentAnchor, COMMENT_ANCHOR_ID, MAX_ANCHORS_PER_TEXT } from './comment-anchor.js';
export { readerDoc } from './reader-doc.js';
export { typesetDoc, typesetInline } from './typeset-doc.js';
export { renderWebHtml } from './render-web-html.js';
export type { RenderWebHtmlOptions } from './render-web-html.js';
export { renderEmailHtml } from './render-email-html.js';
export type { RenderEmailHtmlOptions } from './render-email-html.js';
export { renderText } from './render-text.js';
export { excerpt } from './excerpt.js';
export { wordCount } from './word-count.js';
export { mediaIds } from './media-ids.js';
export { isSafeHref, isSafeImageSrc } from './safe-url.js';
export { MAX_DEPTH, MAX_NODES, MAX_TEXT_CHARS } from './limits.js';
export { escapeHtml } from './escape-html.js';
export {
  EMAIL_VARIANT_MAX_WIDTH,
  emailImageSize,
  emailImageSource,
  emailImageUrl,
  mediaIdOfSrc,
} from './email-image.js';
export type { EmailImage, EmailMediaInfo } from './email-image.js';
export { frenchTypography, frenchTypographyParts, NARROW_NBSP, NBSP } from './french-typography.js';
export { frenchOf } from './french-of.js';
export { contrastRatio, MIN_TEXT_CONTRAST, readableDark, readableLight } from './readable-colour.js';
export { LEGAL_PATHS, legalLinks, type LegalLinks } from './legal-links.js';
