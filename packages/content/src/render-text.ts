// Plain text for the text/plain part of emails and for feeds.
import type { ArticleDoc, BlockNode, ListNode, ParagraphNode } from './article-types.js';
import { readerDoc } from './reader-doc.js';
import { typesetDoc } from './typeset-doc.js';
import { inlineTextWithLinks, neutralizeTags } from './plain-text.js';

function indent(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, i) => (line === '' ? '' : (i === 0 ? first : rest) + line))
    .join('\n');
}

function list(node: ListNode): string {
  const start = node.type === 'orderedList' ? node.attrs.start : 1;
  return node.content
    .map((item, i) => {
      const marker = node.type === 'orderedList' ? `${start + i}. ` : '- ';
      const body = item.content.map(flow).join('\n');
      return indent(body, marker, ' '.repeat(marker.length));
    })
    .join('\n');
}

function flow(node: ParagraphNode | ListNode): string {
  return node.type === 'paragraph' ? inlineTextWithLinks(node.content) : list(node);
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

function block(node: BlockNode): string {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return inlineTextWithLinks(node.content);
    case 'bulletList':
    case 'orderedList':
      return list(node);
    case 'blockquote':
      return quote(node.content.map(flow).join('\n\n'));
    case 'horizontalRule':
      return '---';
    case 'image':
      return `[Image : ${node.attrs.alt}]${node.attrs.caption ? `\n${node.attrs.caption}` : ''}`;
  }
}

/** Blocks separated by a blank line; list items "- " / "1. "; quotes "> "; links "texte (url)". */
export function renderText(doc: ArticleDoc): string {
  const blocks = typesetDoc(readerDoc(doc))
    .content.map(block)
    .filter((text) => text.trim() !== '');
  return neutralizeTags(blocks.join('\n\n'));
}
