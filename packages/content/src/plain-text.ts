// Helpers shared by the plain-text outputs (text part, excerpt, word count).
import type { InlineNode } from './article-types.js';
import { linkRuns } from './link-runs.js';

/** "<" before a letter, "/", "!" or "?" becomes "‹": plain text is often pasted into HTML, so it never holds a tag. */
export function neutralizeTags(text: string): string {
  return text.replace(/<(?=[a-z!/?])/gi, '‹');
}

/** Text of inline content; a hard break gives `breakAs`. */
export function inlineText(content: readonly InlineNode[] | undefined, breakAs = '\n'): string {
  return (content ?? []).map((node) => (node.type === 'text' ? node.text : breakAs)).join('');
}

/** Inline text with each link's address after it: "texte (https://…)", or the address alone when it is the text. */
export function inlineTextWithLinks(content: readonly InlineNode[] | undefined): string {
  return linkRuns(content)
    .map(({ href, nodes }) => {
      const text = inlineText(nodes);
      if (href === null) return text;
      const shown = text.trim();
      if (shown === href || `mailto:${shown}` === href || `https://${shown}` === href || `http://${shown}` === href)
        return text;
      return `${text} (${href})`;
    })
    .join('');
}
