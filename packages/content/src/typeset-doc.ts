// The reader's document with French typography on its text (never on hrefs or alt attributes); never stored.
import type { ArticleDoc, BlockNode, InlineNode, ListNode, ParagraphNode } from './article-types.js';
import { frenchTypographyParts } from './french-typography.js';

/** Each stretch of text between two hard breaks is typeset as one text, across its bold, italic and link pieces. */
export function typesetInline(content: readonly InlineNode[]): InlineNode[] {
  const out = [...content];
  let start = 0;
  const flush = (end: number) => {
    const typeset = frenchTypographyParts(out.slice(start, end).map((node) => (node.type === 'text' ? node.text : '')));
    typeset.forEach((text, i) => {
      const node = out[start + i];
      if (node?.type === 'text') out[start + i] = { ...node, text };
    });
  };
  out.forEach((node, i) => {
    if (node.type !== 'hardBreak') return;
    flush(i);
    start = i + 1;
  });
  flush(out.length);
  return out;
}

function inline<T extends { content?: InlineNode[] }>(parent: T): T {
  return parent.content ? { ...parent, content: typesetInline(parent.content) } : parent;
}

function flow(node: ParagraphNode | ListNode): ParagraphNode | ListNode {
  if (node.type === 'paragraph') return inline(node);
  const content = node.content.map((item) => ({ ...item, content: item.content.map(flow) }));
  return { ...node, content } as ListNode;
}

function block(node: BlockNode): BlockNode {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return inline(node);
    case 'bulletList':
    case 'orderedList':
      return flow(node);
    case 'blockquote':
      return { ...node, content: node.content.map(flow) };
    case 'image': {
      const caption = node.attrs.caption;
      if (caption === undefined) return node;
      return { ...node, attrs: { ...node.attrs, caption: frenchTypographyParts([caption])[0] ?? caption } };
    }
    case 'horizontalRule':
      return node;
  }
}

/** A document already through readerDoc, with French typography on every text and caption. */
export function typesetDoc(doc: ArticleDoc): ArticleDoc {
  return { ...doc, content: doc.content.map(block) };
}
