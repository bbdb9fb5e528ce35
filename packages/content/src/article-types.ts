// The démocratieS article document (Tiptap JSON), as it is once validated by the ArticleDoc schema.

export type BoldMark = { type: 'bold' };
export type ItalicMark = { type: 'italic' };
export type LinkMark = { type: 'link'; attrs: { href: string } };
/** A passage under review (studio only): the renderers drop it. */
export type CommentAnchorMark = { type: 'commentAnchor'; attrs: { id: string } };
export type TextMark = BoldMark | ItalicMark | LinkMark | CommentAnchorMark;

export type TextNode = { type: 'text'; text: string; marks?: TextMark[] };
// ProseMirror lets inline leaves carry marks, so a break typed inside bold text may keep them
export type HardBreakNode = { type: 'hardBreak'; marks?: TextMark[] };
export type InlineNode = TextNode | HardBreakNode;

export type ParagraphNode = { type: 'paragraph'; content?: InlineNode[] };
export type HeadingLevel = 2 | 3 | 4;
export type HeadingNode = { type: 'heading'; attrs: { level: HeadingLevel }; content?: InlineNode[] };

/** Always starts with a paragraph (the editor's `paragraph block*` rule). */
export type ListItemNode = { type: 'listItem'; content: (ParagraphNode | ListNode)[] };
export type BulletListNode = { type: 'bulletList'; content: ListItemNode[] };
export type OrderedListNode = { type: 'orderedList'; attrs: { start: number }; content: ListItemNode[] };
export type ListNode = BulletListNode | OrderedListNode;

export type BlockquoteNode = { type: 'blockquote'; content: (ParagraphNode | ListNode)[] };
export type HorizontalRuleNode = { type: 'horizontalRule' };

export type ImageAttrs = {
  /** Absolute http(s) URL or a path under /media/. */
  src: string;
  alt: string;
  title?: string;
  caption?: string;
  mediaId?: string;
};
export type ImageNode = { type: 'image'; attrs: ImageAttrs };

export type BlockNode =
  ParagraphNode | HeadingNode | BulletListNode | OrderedListNode | BlockquoteNode | HorizontalRuleNode | ImageNode;

export type ArticleDoc = { type: 'doc'; content: BlockNode[] };
