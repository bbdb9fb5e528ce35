// A bounded, iterative walk over untrusted input, run before zod so a hostile doc cannot blow the stack.
import type { ArticleDocIssue } from './issue-path.js';
import { formatPath } from './issue-path.js';
import { MAX_DEPTH, MAX_NODES, MAX_TEXT_CHARS } from './limits.js';

// spaces between thousands without toLocaleString, whose output depends on the ICU data present
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ' ');

type Pending = { value: unknown; path: (string | number)[] };

/** Returns the first size issue found (depth, node count or total text), or null. */
export function checkStructure(input: unknown): ArticleDocIssue | null {
  const stack: Pending[] = [{ value: input, path: [] }];
  let nodes = 0;
  let chars = 0;
  while (stack.length > 0) {
    const { value, path } = stack.pop() as Pending;
    if (typeof value !== 'object' || value === null) continue;
    nodes += 1;
    if (nodes > MAX_NODES) {
      return {
        path: formatPath(path),
        message: `Le document compte trop d'éléments (${thousands(MAX_NODES)} au maximum)`,
      };
    }
    const depth = path.length / 2;
    if (depth > MAX_DEPTH) {
      return { path: formatPath(path), message: `Le document est trop imbriqué (${MAX_DEPTH} niveaux au maximum)` };
    }
    const { text, content } = value as { text?: unknown; content?: unknown };
    if (typeof text === 'string') {
      chars += text.length;
      if (chars > MAX_TEXT_CHARS) {
        return { path: formatPath(path), message: `Le document dépasse ${thousands(MAX_TEXT_CHARS)} caractères` };
      }
    }
    if (!Array.isArray(content)) continue;
    for (let i = content.length - 1; i >= 0; i -= 1) stack.push({ value: content[i], path: [...path, 'content', i] });
  }
  return null;
}
