// Which block of the letter holds a value (an address, an image): the studio links the checklist line to it.

/** The index of the first block whose JSON holds `needle`, or undefined (the masthead, the footer). */
export function blockHolding(blocks: readonly unknown[], needle: string): number | undefined {
  if (!needle) return undefined;
  const i = blocks.findIndex((b) => JSON.stringify(b ?? null).includes(JSON.stringify(needle).slice(1, -1)));
  return i === -1 ? undefined : i;
}
