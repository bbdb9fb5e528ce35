// French typography as a reader sees it: the text nodes and the words of attributes a page shows or reads out.

/**
 * Run in the page (public pages have no DOM types here): every text node of the body in document order, then the
 * document's title and the alt, title, aria-label and placeholder texts; code, preformatted text and scripts skipped.
 */
export const COLLECT_TEXTS = `(() => {
  const SKIP = new Set(['SCRIPT', 'STYLE', 'CODE', 'PRE', 'KBD', 'SAMP', 'TEXTAREA', 'NOSCRIPT', 'TEMPLATE']);
  const texts = [];
  const attributes = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === 1 && SKIP.has(node.tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 3) {
      if (node.nodeValue.trim()) texts.push(node.nodeValue);
      continue;
    }
    for (const name of ['alt', 'title', 'aria-label', 'placeholder']) {
      const value = node.getAttribute(name);
      if (value && value.trim()) attributes.push(value);
    }
  }
  return { texts, attributes };
})()`;

const NNBSP = '\u202F';
const NBSP = '\u00A0';
// addresses, e-mails and query strings are not prose: their ? : and ' belong to them
const NOT_PROSE = /(?:https?:\/\/|mailto:|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\S*\?\S*=\S*/giu;

/** The spot around index `at`, with the invisible spaces named, for a report a person can read. */
function around(text: string, at: number): string {
  const spot = text.slice(Math.max(0, at - 25), at + 25).replace(/\s+/g, (s) => (/[\n\t]/.test(s) ? ' ' : s));
  return `« ${spot.replaceAll(NNBSP, '⟨202F⟩').replaceAll(NBSP, '⟨00A0⟩')} »`;
}

/** What breaks French typography in one text; `before` is the last character shown before it (another node). */
export function typographyIssues(raw: string, before = ''): string[] {
  const text = raw.replace(NOT_PROSE, (match) => 'x'.repeat(match.length));
  const issues: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const prev = i > 0 ? text[i - 1]! : before;
    const next = text[i + 1] ?? '';
    if (c === "'") issues.push(`apostrophe droite (’ attendue) dans ${around(raw, i)}`);
    else if (';!?'.includes(c)) {
      // « ?! » and « (?) » keep one space before the first mark; a text starting with the mark has none to check
      if (prev !== '' && prev !== NNBSP && !/[;!?([«]/.test(prev))
        issues.push(`« ${c} » sans espace fine insécable avant dans ${around(raw, i)}`);
    } else if (c === ':') {
      if (/\d/.test(prev) && /\d/.test(next)) continue; // 21:02
      if (prev === ' ' || (/[\p{L}\p{N})»’]/u.test(prev) && (next === '' || /\s/.test(next))))
        issues.push(`« : » sans espace insécable avant dans ${around(raw, i)}`);
    } else if (c === '«' && next !== NNBSP && next !== '') {
      issues.push(`« sans espace fine insécable après dans ${around(raw, i)}`);
    } else if (c === '»' && prev !== NNBSP && prev !== '') {
      issues.push(`» sans espace fine insécable avant dans ${around(raw, i)}`);
    }
  }
  return issues;
}

/** Issues over a page's texts in order: a mark opening a node is checked against the end of the node before. */
export function pageTypographyIssues(collected: { texts: string[]; attributes: string[] }): string[] {
  const issues: string[] = [];
  collected.texts.forEach((text, i) => issues.push(...typographyIssues(text, collected.texts[i - 1]?.at(-1) ?? '')));
  for (const text of collected.attributes) issues.push(...typographyIssues(text));
  return issues;
}
