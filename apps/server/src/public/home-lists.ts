/** The home page's lists, each article at most once on the page, in the order readers meet them. */
export type HomeLists<T> = { pieces: T[]; leadArticle: T | null; latest: T[]; perRubrique: T[][] };

/**
 * `pieces`: the current dossier's first pieces (shown in the lead); without a dossier, the newest article becomes the
 * lead; then `latestCount` of the newest not shown yet, then `perRubriqueCount` of each rubrique's not shown yet.
 */
export function pickHomeLists<T extends { id: string }>(input: {
  hasDossier: boolean;
  pieces: T[];
  latest: T[];
  perRubrique: T[][];
  latestCount: number;
  perRubriqueCount: number;
}): HomeLists<T> {
  const seen = new Set<string>();
  const take = (list: T[], n: number) => {
    const out: T[] = [];
    for (const item of list) {
      if (out.length >= n) break;
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      out.push(item);
    }
    return out;
  };
  const pieces = take(input.pieces, input.pieces.length);
  const leadArticle = input.hasDossier ? null : (take(input.latest, 1)[0] ?? null);
  const latest = take(input.latest, input.latestCount);
  const perRubrique = input.perRubrique.map((list) => take(list, input.perRubriqueCount));
  return { pieces, leadArticle, latest, perRubrique };
}
