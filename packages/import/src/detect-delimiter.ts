export type Delimiter = ';' | ',' | '\t';

// on a tie, prefer what French Excel writes
const CANDIDATES: Delimiter[] = [';', ',', '\t'];

/**
 * The first line of text with content (not only blanks and separators; quoted line breaks included), or null if it is not complete yet.
 * With final set, whatever is there counts as the line.
 */
export function firstLine(text: string, final: boolean): string | null {
  let start = 0;
  let inQuotes = false;
  let seenContent = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    if (ch === '\n' && !inQuotes) {
      if (seenContent) return text.slice(start, i);
      start = i + 1;
    } else if (ch !== undefined && !/[\s;,]/.test(ch)) {
      seenContent = true;
    }
  }
  return final && seenContent ? text.slice(start) : null;
}

/** The separator used most often outside quotes in the header line; ',' when there is none. */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<string, number>();
  let inQuotes = false;
  for (const ch of headerLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const candidate of CANDIDATES) {
    const count = counts.get(candidate) ?? 0;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}
