const MAX_NAME_LENGTH = 200;
// a name is never a formula: a spreadsheet would run =, +, - or @ at the start of a cell (a leading ' is writeCsv's own guard)
const LEADING_FORMULA = /^'?[=+\-@\s]+/;

/** Joins the name parts, collapses whitespace, strips a leading formula sign, caps at 200 characters. */
export function cleanName(...parts: string[]): string {
  const joined = parts.join(' ').replace(/\s+/g, ' ').trim().replace(LEADING_FORMULA, '');
  return truncate(joined, MAX_NAME_LENGTH).trimEnd();
}

/** Cuts to max UTF-16 units without splitting a surrogate pair. */
export function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  const code = value.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return value.slice(0, end);
}
