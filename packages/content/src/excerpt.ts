// A short teaser from the first paragraphs, for cards, feeds and newsletter blocks.
import type { ArticleDoc } from './article-types.js';
import { blockText } from './block-text.js';
import { readerDoc } from './reader-doc.js';
import { neutralizeTags } from './plain-text.js';

function cut(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const room = text.slice(0, Math.max(0, maxChars - 1));
  const space = room.lastIndexOf(' ');
  // one very long word has no boundary to cut at: cut inside it
  const head = space > 0 ? room.slice(0, space) : room;
  return `${head.replace(/[\s,;:.!?…(«—–-]+$/u, '')}…`;
}

/** The first paragraphs' text, whitespace collapsed, cut at a word boundary with "…" (at most maxChars long). */
export function excerpt(doc: ArticleDoc, maxChars = 200): string {
  if (maxChars < 1) return '';
  const blocks = readerDoc(doc).content;
  const collapse = (parts: string[]) => parts.join(' ').replace(/\s+/g, ' ').trim();
  const paragraphs = collapse(blocks.filter((b) => b.type === 'paragraph').map((b) => blockText(b, ' ')));
  // a doc made only of headings, lists or quotes still gets a teaser (captions are left out)
  const text =
    paragraphs !== '' ? paragraphs : collapse(blocks.filter((b) => b.type !== 'image').map((b) => blockText(b, ' ')));
  return neutralizeTags(cut(text, maxChars));
}
