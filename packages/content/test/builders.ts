// Small builders for article docs in tests; they build plain JSON, valid or not.
import type {
  ArticleDoc,
  BlockNode,
  ImageAttrs,
  InlineNode,
  ListItemNode,
  ListNode,
  ParagraphNode,
  TextMark,
} from '../src/index.js';

export const text = (value: string, ...marks: TextMark[]): InlineNode =>
  marks.length ? { type: 'text', text: value, marks } : { type: 'text', text: value };
export const bold = { type: 'bold' } as const;
export const italic = { type: 'italic' } as const;
export const link = (href: string): TextMark => ({ type: 'link', attrs: { href } });
export const br: InlineNode = { type: 'hardBreak' };
export const p = (...content: InlineNode[]): ParagraphNode => ({ type: 'paragraph', content });
export const h = (level: 2 | 3 | 4, value: string): BlockNode => ({
  type: 'heading',
  attrs: { level },
  content: [text(value)],
});
export const li = (...content: (ParagraphNode | ListNode)[]): ListItemNode => ({ type: 'listItem', content });
export const ul = (...items: ListItemNode[]): ListNode => ({ type: 'bulletList', content: items });
export const ol = (start: number, ...items: ListItemNode[]): ListNode => ({
  type: 'orderedList',
  attrs: { start },
  content: items,
});
export const quote = (...content: (ParagraphNode | ListNode)[]): BlockNode => ({ type: 'blockquote', content });
export const hr: BlockNode = { type: 'horizontalRule' };
export const img = (attrs: ImageAttrs): BlockNode => ({ type: 'image', attrs });
export const doc = (...content: BlockNode[]): ArticleDoc => ({ type: 'doc', content });

/** A doc that skips the types, for payloads the schema must refuse. */
export const rawDoc = (...content: unknown[]): unknown => ({ type: 'doc', content });
