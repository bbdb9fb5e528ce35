// French typography applied at render time (never stored): what staff type stays as typed in the database.
//
// Applied to TEXT only, before any escaping: never to markup, attributes or URLs. Idempotent, so a renderer may
// apply it to text that already went through it (f(f(x)) === f(x)).

/** U+202F, the narrow no-break space: before ; ! ?, inside « », between groups of thousands, before %. */
export const NARROW_NBSP = '\u202F';
/** U+00A0, the no-break space: before : and between a number and its unit. */
export const NBSP = '\u00A0';

// Spaces a writer may have typed where a no-break one belongs (never a line break or a tab).
const SPACES = '[ \\u00A0\\u2009\\u202F]';

// What the typography must never touch: addresses, emails, personaliser tokens, HTML entities left in text.
const PROTECTED = new RegExp(
  [
    '(?:https?:\\/\\/|www\\.)[^\\s<>"«»]+',
    "(?:mailto:)?[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+",
    '%%[A-Z_]+%%',
    // inline code as staff type it (`a:b;c!`): not prose
    '`[^`\\n]+`',
    '&(?:#\\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);',
  ].join('|'),
  'giu',
);
// Punctuation ending a sentence after an address belongs to the sentence, not to the address.
const TRAILING_PUNCTUATION = /[.,;:!?)\]’']+$/u;

// Noncharacters (never in typed text) frame the index of a protected span while the rules run.
const MASK_OPEN = '\uFDD0';
const MASK_CLOSE = '\uFDD1';
const MASKED = /\uFDD0([\uE000-\uF8FF]+)\uFDD1/gu;

// Units kept on the line of their number; "%" and "‰" take the narrow space, like the CLDR French formats.
const UNITS = [
  '%',
  '‰',
  '€',
  '\\$',
  '£',
  'CHF',
  'M€',
  'k€',
  'Md€',
  'Mds',
  'km²',
  'm²',
  'm³',
  'km',
  'cm',
  'mm',
  'm',
  'kg',
  'mg',
  'g',
  't',
  'ml',
  'cl',
  'l',
  'L',
  'h',
  'min',
  'ms',
  's',
  '°C',
  '°',
  'ha',
  'kWh',
  'MWh',
  'kW',
  'MW',
  'W',
  'Ko',
  'Mo',
  'Go',
  'To',
  'km/h',
].sort((a, b) => b.length - a.length);
const NUMBER_UNIT = new RegExp(`(\\d)${SPACES}(${UNITS.join('|')})(?![\\p{L}\\p{N}’'])`, 'gu');
const HOURS_MINUTES = new RegExp(`(\\d${NBSP}h)${SPACES}(\\d{2})(?!\\d)`, 'gu');
const THOUSANDS = new RegExp(`(?<![\\d.,])\\d{1,3}(?:${SPACES}\\d{3})+(?![\\d])`, 'gu');
// A character after which "Quoi?" gains its space: a letter, a digit or something that closes.
const WORD_END = /[\p{L}\p{N}\p{M})\]»…"’%€]/u;

function mask(text: string): { masked: string; spans: string[] } {
  const spans: string[] = [];
  const masked = text.replace(PROTECTED, (match: string) => {
    const tail = TRAILING_PUNCTUATION.exec(match)?.[0] ?? '';
    const span = match.slice(0, match.length - tail.length);
    if (span === '') return match;
    spans.push(span);
    return `${MASK_OPEN}${String.fromCharCode(0xe000 + spans.length - 1)}${MASK_CLOSE}${tail}`;
  });
  return { masked, spans };
}

function unmask(text: string, spans: readonly string[]): string {
  return text.replace(MASKED, (_match, index: string) => spans[index.charCodeAt(0) - 0xe000] ?? '');
}

/**
 * Whether `before` ends inside English-style quotes ("…" or “…”): quoted English ("Hello!") gets no space where the
 * writer typed none. A space typed before the mark is still made no-break: that writer meant French spacing.
 */
function insideQuotes(before: string): boolean {
  const straight = before.split('"').length - 1;
  return straight % 2 === 1 || before.lastIndexOf('“') > before.lastIndexOf('”');
}

function highPunctuation(text: string): string {
  return text.replace(
    new RegExp(`(${SPACES}+)?([;!?]+)`, 'gu'),
    (match, spaces: string | undefined, marks: string, at: number) => {
      if (spaces !== undefined) return NARROW_NBSP + marks;
      const before = at > 0 ? (text[at - 1] ?? '') : '';
      return WORD_END.test(before) && !insideQuotes(text.slice(0, at)) ? NARROW_NBSP + marks : match;
    },
  );
}

function numbers(text: string): string {
  return text
    .replace(THOUSANDS, (group) => group.replace(new RegExp(SPACES, 'gu'), NARROW_NBSP))
    .replace(NUMBER_UNIT, (_m, digit: string, unit: string) =>
      unit === '%' || unit === '‰' ? `${digit}${NARROW_NBSP}${unit}` : `${digit}${NBSP}${unit}`,
    )
    .replace(HOURS_MINUTES, `$1${NBSP}$2`);
}

function typeset(text: string): string {
  let out = text.replace(/(?<=\p{L})'(?=\p{L})/gu, '’');
  out = highPunctuation(out);
  out = out.replace(new RegExp(`${SPACES}+:`, 'gu'), `${NBSP}:`);
  out = out.replace(new RegExp(`«${SPACES}*(?=\\S)`, 'gu'), `«${NARROW_NBSP}`);
  out = out.replace(new RegExp(`(?<=\\S)${SPACES}*»`, 'gu'), `${NARROW_NBSP}»`);
  return numbers(out);
}

/**
 * French typography for one piece of text: narrow no-break spaces before ; ! ? and inside « », a no-break space
 * before : (only where a space was typed), ’ between letters, numbers kept with their unit and thousands grouped.
 * URLs, email addresses, personaliser tokens and HTML entities come out byte for byte.
 */
export function frenchTypography(text: string): string {
  // a noncharacter is never typed; text holding one is returned as is rather than risk a wrong unmask
  if (text === '' || text.includes(MASK_OPEN) || text.includes(MASK_CLOSE)) return text;
  const { masked, spans } = mask(text);
  return unmask(typeset(masked), spans);
}

const TRAILING_SPACES = new RegExp(`${SPACES}+$`, 'u');
const LEADING_SPACES = new RegExp(`^${SPACES}+`, 'u');

/** The seam between two typeset pieces, fixed as if they were one text; returns the new pair. */
function seam(prev: string, next: string, textBefore: string): [string, string] {
  const lead = LEADING_SPACES.exec(next)?.[0] ?? '';
  const body = next.slice(lead.length);
  const first = body[0] ?? '';
  const trimmed = prev.replace(TRAILING_SPACES, '');
  const last = trimmed.at(-1) ?? '';
  if (first === '' || last === '') return [prev, next];
  const spaced = lead !== '' || trimmed !== prev;
  if (/[;!?»]/u.test(first)) {
    if (spaced) return [trimmed, NARROW_NBSP + body];
    if (first === '»') return [prev, NARROW_NBSP + next];
    return WORD_END.test(last) && !insideQuotes(textBefore) ? [prev, NARROW_NBSP + next] : [prev, next];
  }
  if (first === ':' && spaced) return [trimmed, NBSP + body];
  if (last === '«') return [trimmed, NARROW_NBSP + body];
  if (!spaced && first === "'" && /\p{L}/u.test(last) && /^'\p{L}/u.test(next)) return [prev, `’${next.slice(1)}`];
  // "l'" then a highlighted "ICPC": the apostrophe ends the piece before
  if (!spaced && last === "'" && /\p{L}'$/u.test(prev) && /\p{L}/u.test(first)) return [`${prev.slice(0, -1)}’`, next];
  return [prev, next];
}

/**
 * Adjacent pieces of one text (a bold word, a link…) typeset one by one, then each seam as if they were one text:
 * "**Quoi**?" gets its space although "?" starts a piece of its own.
 */
export function frenchTypographyParts(parts: readonly string[]): string[] {
  const out = parts.map(frenchTypography);
  for (let i = 1; i < out.length; i++) {
    const [prev, next] = seam(out[i - 1] ?? '', out[i] ?? '', out.slice(0, i).join(''));
    out[i - 1] = prev;
    out[i] = next;
  }
  return out;
}
