// What readers get: the validated document without the review's comment anchors.
import type { ArticleDoc, BlockNode, InlineNode, ListNode, ParagraphNode, TextMark } from './article-types.js';
import { requireArticleDoc } from './parse-article-doc.js';

const sameMarks = (a: TextMark[] | undefined, b: TextMark[] | undefined) =>
  JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

function clean(node: InlineNode): InlineNode {
  const { marks, ...rest } = node;
  const kept = (marks ?? []).filter((mark) => mark.type !== 'commentAnchor');
  return kept.length ? { ...rest, marks: kept } : rest;
}

function inline<T extends { content?: InlineNode[] }>(parent: T): T {
  if (!parent.content) return parent;
  const out: InlineNode[] = [];
  for (const node of parent.content.map(clean)) {
    const last = out.at(-1);
    // an anchor had split the text in two nodes: join them again, as if it had never been there
    if (node.type === 'text' && last?.type === 'text' && sameMarks(last.marks, node.marks)) {
      out[out.length - 1] = { ...last, text: last.text + node.text };
    } else out.push(node);
  }
  return { ...parent, content: out };
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
    default:
      return node;
  }
}

/** Validates, then drops every `commentAnchor` mark: readers never see the review. */
export function readerDoc(doc: ArticleDoc): ArticleDoc {
  const valid = requireArticleDoc(doc);
  return { ...valid, content: valid.content.map(block) };
}
