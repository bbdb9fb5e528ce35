// The visible text of a block, for the excerpt and the word count.
import type { BlockNode, ListItemNode } from './article-types.js';
import { inlineText } from './plain-text.js';

/** Text of a block and its children, parts joined by `separator`; captions count as text, alt texts do not. */
export function blockText(node: BlockNode | ListItemNode, separator: string): string {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(node.content, separator);
    case 'bulletList':
    case 'orderedList':
    case 'listItem':
    case 'blockquote':
      return node.content.map((child) => blockText(child, separator)).join(separator);
    case 'horizontalRule':
      return '';
    case 'image':
      return node.attrs.caption ?? '';
  }
}
