// Consecutive inline nodes under the same link become one run, so a link spanning bold text stays one link.
import type { InlineNode, LinkMark, TextMark } from './article-types.js';

export type LinkRun = { href: string | null; nodes: InlineNode[] };

export function linkOf(marks: readonly TextMark[] | undefined): string | null {
  const link = marks?.find((mark): mark is LinkMark => mark.type === 'link');
  return link ? link.attrs.href : null;
}

export function linkRuns(content: readonly InlineNode[] | undefined): LinkRun[] {
  const runs: LinkRun[] = [];
  for (const node of content ?? []) {
    const href = linkOf(node.marks);
    const last = runs.at(-1);
    if (last && last.href === href) last.nodes.push(node);
    else runs.push({ href, nodes: [node] });
  }
  return runs;
}

export function hasMark(node: InlineNode, type: 'bold' | 'italic'): boolean {
  return node.marks?.some((mark) => mark.type === type) ?? false;
}
