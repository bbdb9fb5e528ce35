// Headings in order whatever the blocks' order: a card right under the masthead is a level 2, not a skipped level.

/**
 * Each heading of the compiled HTML at most one level below the one before it ("h1, h3" becomes "h1, h2"); styles
 * are inline, so nothing moves on screen. Headings are never nested in our HTML: a closing tag closes the last one.
 */
export function headingOutline(html: string): string {
  let previous = 0;
  const open: string[] = [];
  return html.replace(/<(\/?)h([1-6])(?=[\s>])/gi, (_tag, slash: string, digit: string) => {
    if (slash) return `</h${open.pop() ?? digit}`;
    const level = Math.min(Number(digit), previous + 1);
    previous = level;
    open.push(String(level));
    return `<h${level}`;
  });
}
