// A phrase search answered by the index of word pairs (`search_pairs`, migration 0019), from the query's own text.

// a quoted lexeme (quotes doubled inside), an operator, or anything we do not turn into pairs
const TOKEN = /\s*(?:'((?:[^'\\]|'')*)'(:[*A-D]+)?|<(-|\d+)>|(&)|([|!()])|(\S))/gy;

export type PhraseQuery = {
  /** Every phrase's neighbouring words as pair lexemes ('assembl 1 citoyen'), joined by &, as tsquery text. */
  pairs: string;
  /** The words outside any phrase, joined by & ('' when none): with the pairs, what the index must find. */
  rest: string;
  /** false when a phrase has three words or more: its pairs find candidates, its positions still decide. */
  exact: boolean;
};

const quote = (lexeme: string) => `'${lexeme.replace(/'/g, "''")}'`;

/**
 * The pairs of a tsquery made of words and phrases joined by & (what websearch_to_tsquery writes for « "a b" c »),
 * or null when it holds no phrase, or something pairs cannot express: or, not, prefixes, weights, words farther
 * apart than two positions.
 */
export function phrasePairs(tsquery: string): PhraseQuery | null {
  const chains: { lexemes: string[]; gaps: number[] }[] = [{ lexemes: [], gaps: [] }];
  let expectLexeme = true;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(tsquery); m; m = TOKEN.exec(tsquery)) {
    const [, lexeme, suffix, gap, and, other, stray] = m;
    if (other || stray || suffix) return null;
    const chain = chains.at(-1)!;
    if (lexeme !== undefined) {
      if (!expectLexeme) return null;
      chain.lexemes.push(lexeme.replace(/''/g, "'"));
      expectLexeme = false;
    } else if (gap !== undefined) {
      const distance = gap === '-' ? 1 : Number(gap);
      if (expectLexeme || distance < 1 || distance > 2) return null;
      chain.gaps.push(distance);
      expectLexeme = true;
    } else if (and) {
      if (expectLexeme) return null;
      chains.push({ lexemes: [], gaps: [] });
      expectLexeme = true;
    }
    if (TOKEN.lastIndex >= tsquery.length) break;
  }
  if (expectLexeme) return null;
  const phrases = chains.filter((c) => c.lexemes.length > 1);
  if (!phrases.length) return null;
  const pairs = phrases.flatMap((c) => c.gaps.map((gap, i) => quote(`${c.lexemes[i]} ${gap} ${c.lexemes[i + 1]}`)));
  return {
    pairs: pairs.join(' & '),
    rest: chains
      .filter((c) => c.lexemes.length === 1)
      .map((c) => quote(c.lexemes[0]!))
      .join(' & '),
    exact: phrases.every((c) => c.lexemes.length === 2),
  };
}
