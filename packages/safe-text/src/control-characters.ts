// The one input rule: text may hold tab, line feed and carriage return, but no other control
// character (C0, DEL, C1) and no lone surrogate. PostgreSQL refuses NUL in text and jsonb and a
// lone surrogate escape in jsonb; the others are invisible, break headers and hide text.
// U+2028 and U+2029 are ordinary characters (line and paragraph separators) and stay allowed.

const CONTROL = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F';
const LONE_SURROGATE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const FORBIDDEN = new RegExp(`[${CONTROL}]|${LONE_SURROGATE}`);
const FORBIDDEN_ALL = new RegExp(`[${CONTROL}]|${LONE_SURROGATE}`, 'g');

/** The first forbidden character of `text` as "U+0000", or undefined when the text is clean. */
export function forbiddenCharacterIn(text: string): string | undefined {
  const found = FORBIDDEN.exec(text)?.[0];
  return found === undefined ? undefined : `U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Removes control characters and lone surrogates, for inputs a person expects to just work (file names). */
export function stripForbiddenCharacters(text: string): string {
  return text.replace(FORBIDDEN_ALL, '');
}

export type ForbiddenText = { path: (string | number)[]; character: string };

type Step = { value: unknown; key?: string | number; parent?: Step };

/**
 * Walks strings, arrays and plain objects (keys too) without recursion, so a deeply nested body
 * cannot exhaust the stack; returns where the first forbidden character is.
 */
export function findForbiddenText(value: unknown): ForbiddenText | undefined {
  const stack: Step[] = [{ value }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    const current = step.value;
    if (typeof current === 'string') {
      const character = forbiddenCharacterIn(current);
      if (character) return { path: pathOf(step), character };
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], key: i, parent: step });
    } else if (current !== null && typeof current === 'object' && isPlain(current)) {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        const character = forbiddenCharacterIn(key);
        if (character) return { path: [...pathOf(step), stripForbiddenCharacters(key)], character };
        stack.push({ value: child, key, parent: step });
      }
    }
  }
  return undefined;
}

// paths are built only for the one answer: copying them at every level would be quadratic
function pathOf(step: Step): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Step | undefined = step; at?.key !== undefined; at = at.parent) path.push(at.key);
  return path.reverse();
}

// a query string parses into an object whose prototype has no prototype (fast-querystring's Empty)
export function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

/** The French message naming the field, for staff, readers and the command line alike. */
export function forbiddenTextMessage(field: string, character: string): string {
  const code = Number.parseInt(character.slice(2), 16);
  const what =
    code === 0 ? 'un caractère nul' : code >= 0xd800 ? 'un caractère invalide' : 'un caractère de contrôle invisible';
  return `Le champ « ${field} » contient ${what} (${character}) : retirez-le, puis réessayez.`;
}
