// « Remplir avec les contributions »: what the fill adds to a block's rows, never twice the same contribution.

type Row = { contributionId?: string | undefined };

/** A row nobody has typed into (the one a new block starts with): the fill takes its place. */
export const isBlankRow = (row: object): boolean =>
  Object.values(row).every((value) => value === undefined || (typeof value === 'string' && value.trim() === ''));

/**
 * The rows after a fill: blank rows dropped, then the incoming items whose contribution the block does not carry yet,
 * in the order given, up to `max` rows; `added` counts them and `left` those the limit kept out.
 */
export function mergeFilled<T extends Row>(
  rows: readonly T[],
  incoming: readonly T[],
  max: number,
): { rows: T[]; added: number; left: number } {
  const kept = rows.filter((row) => !isBlankRow(row));
  const carried = new Set(kept.map((row) => row.contributionId).filter(Boolean));
  const fresh = incoming.filter((item) => !item.contributionId || !carried.has(item.contributionId));
  const room = Math.max(0, max - kept.length);
  const added = fresh.slice(0, room);
  return { rows: [...kept, ...added], added: added.length, left: fresh.length - added.length };
}

/** The row moved one place up (-1) or down (+1); the list as is at either end. */
export function moveRow<T>(rows: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= rows.length) return [...rows];
  const out = [...rows];
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}
