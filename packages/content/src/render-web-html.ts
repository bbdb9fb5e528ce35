// Reader-site HTML through Tiptap's static renderer, with our own figure and link output.
import type { MarkProps, NodeProps } from '@tiptap/static-renderer';
import { renderToHTMLString, serializeChildrenToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import type { Mark, Node } from '@tiptap/pm/model';
import type { ArticleDoc } from './article-types.js';
import { LINK_REL } from './article-link.js';
import { editorExtensions } from './editor-extensions.js';
import { escapeHtml } from './escape-html.js';
import { readerDoc } from './reader-doc.js';
import { typesetDoc } from './typeset-doc.js';
import { isSafeHref, isSafeHttpUrl, isSafeImageSrc } from './safe-url.js';

type Children = string | string[] | undefined;

function attrText(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export type RenderWebHtmlOptions = {
  /** Site URL put before "/media/…" images where there is no base URL (feeds); e.g. "https://crieur.example". */
  mediaBaseUrl?: string;
};

function renderFigure({ node }: NodeProps<Node, Children>, options: RenderWebHtmlOptions): string {
  const found = attrText(node.attrs.src);
  // already validated; checked again because an unsafe src here would be script in the reader's browser
  if (found === null || !isSafeImageSrc(found)) return '';
  const base = options.mediaBaseUrl?.replace(/\/+$/, '');
  const src = base && isSafeHttpUrl(base) && found.startsWith('/media/') ? `${base}${found}` : found;
  const title = attrText(node.attrs.title);
  const caption = attrText(node.attrs.caption);
  const img = `<img src="${escapeHtml(src)}" alt="${escapeHtml(attrText(node.attrs.alt) ?? '')}"${
    title ? ` title="${escapeHtml(title)}"` : ''
  } loading="lazy" decoding="async">`;
  return `<figure>${img}${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''}</figure>`;
}

function renderLink({ mark, children }: MarkProps<Mark, Children>): string {
  const inner = serializeChildrenToHTMLString(children);
  const href = attrText(mark.attrs.href);
  if (href === null || !isSafeHref(href)) return inner;
  return `<a href="${escapeHtml(href)}" rel="${LINK_REL}">${inner}</a>`;
}

export function renderWebHtml(doc: ArticleDoc, options: RenderWebHtmlOptions = {}): string {
  return renderToHTMLString({
    content: typesetDoc(readerDoc(doc)),
    extensions: editorExtensions(),
    options: {
      nodeMapping: { image: (props) => renderFigure(props, options) },
      // readerDoc already dropped the anchors: this only keeps one from ever showing as a span
      markMapping: { link: renderLink, commentAnchor: ({ children }) => serializeChildrenToHTMLString(children) },
    },
  });
}
