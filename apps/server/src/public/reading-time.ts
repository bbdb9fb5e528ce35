// A reader's pace for an essay in French on screen: about 230 words a minute.
const WORDS_PER_MINUTE = 230;

type DocNode = { type?: string; text?: string; content?: DocNode[] };

/** The words of a Tiptap document's text (every text node, captions included), counted as a reader reads them. */
export function countWords(doc: unknown): number {
  let words = 0;
  const walk = (node: DocNode) => {
    if (typeof node.text === 'string')
      words += node.text.split(/[\s\u00a0\u202f]+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    node.content?.forEach(walk);
  };
  if (doc && typeof doc === 'object') walk(doc as DocNode);
  return words;
}

/** « 6 min de lecture »: at least one minute, rounded to the nearest. */
export function readingTime(doc: unknown): string {
  const minutes = Math.max(1, Math.round(countWords(doc) / WORDS_PER_MINUTE));
  return `${minutes}\u00a0min de lecture`;
}
