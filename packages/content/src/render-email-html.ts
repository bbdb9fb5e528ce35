// Email-safe HTML: the web structure with inline styles, no classes and no <figure>.
import type { ArticleDoc, BlockNode, ImageNode, InlineNode, ListNode, ParagraphNode } from './article-types.js';
import { LINK_REL } from './article-link.js';
import { emailImageSource, type EmailMediaInfo } from './email-image.js';
import { EMAIL_STYLES as S } from './email-styles.js';
import { escapeHtml } from './escape-html.js';
import { hasMark, linkRuns } from './link-runs.js';
import { readerDoc } from './reader-doc.js';
import { typesetDoc } from './typeset-doc.js';
import { isSafeHref, isSafeHttpUrl, isSafeImageSrc } from './safe-url.js';

export type RenderEmailHtmlOptions = {
  /** Public site URL prefixed to "/media/…" images, since a mail client has no base URL; e.g. "https://crieur.example". */
  mediaBaseUrl?: string;
  /** Size and transparency of the media shown, by media id: images get their email copy's width and height. */
  media?: Readonly<Record<string, EmailMediaInfo>>;
  /** The widest an image may show, in CSS px (default 552: a 600 px letter's column less its 24 px margins). */
  imageMaxWidth?: number;
};

type Where = 'top' | 'list' | 'quote';

function inlineNode(node: InlineNode): string {
  let html = node.type === 'text' ? escapeHtml(node.text) : '<br>';
  if (hasMark(node, 'italic')) html = `<em>${html}</em>`;
  if (hasMark(node, 'bold')) html = `<strong>${html}</strong>`;
  return html;
}

function inline(content: readonly InlineNode[] | undefined): string {
  return linkRuns(content)
    .map(({ href, nodes }) => {
      const inner = nodes.map(inlineNode).join('');
      if (href === null || !isSafeHref(href)) return inner;
      return `<a href="${escapeHtml(href)}" rel="${LINK_REL}" style="${S.a}">${inner}</a>`;
    })
    .join('');
}

function paragraph(node: ParagraphNode, where: Where): string {
  const style = where === 'list' ? S.pInList : where === 'quote' ? S.pInQuote : S.p;
  return `<p style="${style}">${inline(node.content)}</p>`;
}

function list(node: ListNode, nested: boolean, options: RenderEmailHtmlOptions): string {
  const style = nested ? S.nestedList : S.list;
  const tag = node.type === 'orderedList' ? 'ol' : 'ul';
  const start = node.type === 'orderedList' && node.attrs.start !== 1 ? ` start="${node.attrs.start}"` : '';
  const items = node.content
    .map((item) => `<li style="${S.li}">${item.content.map((child) => flow(child, 'list', options)).join('')}</li>`)
    .join('');
  return `<${tag}${start} style="${style}">${items}</${tag}>`;
}

function flow(node: ParagraphNode | ListNode, where: Where, options: RenderEmailHtmlOptions): string {
  return node.type === 'paragraph' ? paragraph(node, where) : list(node, where === 'list', options);
}

function image(node: ImageNode, options: RenderEmailHtmlOptions): string {
  const { src, alt, title, caption, mediaId } = node.attrs;
  if (!isSafeImageSrc(src)) return '';
  const base = options.mediaBaseUrl?.replace(/\/+$/, '');
  // our media go out as their JPEG/PNG copy (Outlook shows no WebP), width and height set for Outlook's layout
  const maxWidth = options.imageMaxWidth ?? 552;
  const shown =
    base && isSafeHttpUrl(base)
      ? emailImageSource({ src, mediaId, publicUrl: base, media: options.media, maxWidth })
      : { url: src };
  const size = `${shown.width ? ` width="${shown.width}"` : ''}${shown.height ? ` height="${shown.height}"` : ''}`;
  const img = `<img src="${escapeHtml(shown.url)}" alt="${escapeHtml(alt)}"${title ? ` title="${escapeHtml(title)}"` : ''}${size} style="${S.img}">`;
  return `<div style="${S.figure}">${img}${caption ? `<p style="${S.caption}">${escapeHtml(caption)}</p>` : ''}</div>`;
}

function block(node: BlockNode, options: RenderEmailHtmlOptions): string {
  switch (node.type) {
    case 'paragraph':
      return paragraph(node, 'top');
    case 'heading':
      return `<h${node.attrs.level} style="${S[`h${node.attrs.level}`]}">${inline(node.content)}</h${node.attrs.level}>`;
    case 'bulletList':
    case 'orderedList':
      return list(node, false, options);
    case 'blockquote':
      return `<blockquote style="${S.blockquote}">${node.content.map((child) => flow(child, 'quote', options)).join('')}</blockquote>`;
    case 'horizontalRule':
      return `<hr style="${S.hr}">`;
    case 'image':
      return image(node, options);
  }
}

export function renderEmailHtml(doc: ArticleDoc, options: RenderEmailHtmlOptions = {}): string {
  return typesetDoc(readerDoc(doc))
    .content.map((node) => block(node, options))
    .join('');
}
