// The text part's lines folded at 72 characters, breaking only at plain spaces: a no-break space (U+00A0, U+202F)
// holds "«" to its word and "25 %" together, and a URL or a personal token is never cut.

/** What starts a line and what its continuation lines start with instead: "> " stays, "- " or "1. " becomes spaces. */
function prefixes(line: string): { first: string; rest: string } {
  const m = /^((?:> )*)( *)((?:[-*]|\d+\.) )?/.exec(line);
  const quote = m?.[1] ?? '';
  const indent = m?.[2] ?? '';
  const marker = m?.[3] ?? '';
  return { first: quote + indent + marker, rest: quote + indent + ' '.repeat(marker.length) };
}

function wrapLine(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const { first, rest } = prefixes(line);
  const words = line
    .slice(first.length)
    .split(' ')
    .filter((word) => word !== '');
  const out: string[] = [];
  let current = first;
  let empty = true;
  for (const word of words) {
    if (!empty && current.length + 1 + word.length > width) {
      out.push(current);
      current = rest + word;
    } else current = empty ? current + word : `${current} ${word}`;
    empty = false;
  }
  out.push(current);
  return out;
}

/** Every line longer than `width` folded at its last plain space before it; a longer word keeps its own line. */
export function wrapText(text: string, width = 72): string {
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width))
    .join('\n');
}
