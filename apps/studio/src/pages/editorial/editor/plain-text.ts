import type { ArticleDoc } from '@crieur/content';

type Node = { type?: string; text?: string; content?: Node[]; attrs?: Record<string, unknown> };

const BLOCKS = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'listItem',
  'bulletList',
  'orderedList',
  'horizontalRule',
  'image',
  'codeBlock',
]);

/** The text of a Tiptap document, one block a paragraph: to compare versions or copy one's work. */
export function docToPlainText(doc: ArticleDoc | null | undefined): string {
  return docToBlocks(doc).join('\n\n');
}

/** The text of each block of a Tiptap document (paragraph, heading, list item, image…), in order. */
export function docToBlocks(doc: ArticleDoc | null | undefined): string[] {
  const blocks: string[] = [];
  const inline = (node: Node): string => {
    if (node.type === 'text') return node.text ?? '';
    if (node.type === 'hardBreak') return '\n';
    return (node.content ?? []).map(inline).join('');
  };
  const walk = (node: Node, prefix: string) => {
    switch (node.type) {
      case 'heading':
        blocks.push(`${'#'.repeat(Number(node.attrs?.level ?? 2))} ${inline(node)}`);
        return;
      case 'paragraph':
        blocks.push(prefix + inline(node));
        return;
      case 'horizontalRule':
        blocks.push('———');
        return;
      case 'image': {
        const caption = typeof node.attrs?.caption === 'string' && node.attrs.caption ? ` — ${node.attrs.caption}` : '';
        blocks.push(`[image : ${String(node.attrs?.alt ?? '')}${caption}]`);
        return;
      }
      case 'blockquote':
        for (const child of node.content ?? []) walk(child, `${prefix}> `);
        return;
      case 'bulletList':
      case 'orderedList':
        (node.content ?? []).forEach((item, index) => {
          const marker = node.type === 'orderedList' ? `${index + 1}. ` : '• ';
          (item.content ?? []).forEach((child, i) => walk(child, prefix + (i === 0 ? marker : '   ')));
        });
        return;
      default:
        if (node.content && node.content.some((child) => BLOCKS.has(child.type ?? ''))) {
          for (const child of node.content) walk(child, prefix);
        } else if (node.type !== 'doc') {
          blocks.push(prefix + inline(node));
        }
    }
  };
  for (const node of (doc?.content ?? []) as Node[]) walk(node, '');
  return blocks;
}
