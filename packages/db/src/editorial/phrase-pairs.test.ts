import { describe, expect, it } from 'vitest';
import { phrasePairs } from './phrase-pairs';

describe('phrasePairs', () => {
  it('turns each two-word phrase into one pair lexeme, exact on the index', () => {
    expect(phrasePairs("'assembl' <-> 'citoyen'")).toEqual({
      pairs: "'assembl 1 citoyen'",
      rest: '',
      exact: true,
    });
    // « assemblée de citoyens »: the stop word keeps its place
    expect(phrasePairs("'assembl' <2> 'citoyen' & 'budget'")).toEqual({
      pairs: "'assembl 2 citoyen'",
      rest: "'budget'",
      exact: true,
    });
  });

  it('finds candidates of longer phrases by their pairs, leaving the positions to decide', () => {
    expect(phrasePairs("'budget' <-> 'particip' <-> 'local'")).toEqual({
      pairs: "'budget 1 particip' & 'particip 1 local'",
      rest: '',
      exact: false,
    });
  });

  it('keeps a quote inside a lexeme', () => {
    expect(phrasePairs("'aujourd''hui' <-> 'demain'")?.pairs).toBe("'aujourd''hui 1 demain'");
  });

  it('says null where pairs cannot answer: no phrase, or, not, prefixes, far words, broken text', () => {
    for (const q of [
      "'budget' & 'local'",
      "'assembl' <-> 'citoyen' | 'jury'",
      "'assembl' <-> 'citoyen' & !'jury'",
      "'assembl':* <-> 'citoyen'",
      "'assembl' <3> 'citoyen'",
      "( 'a' <-> 'b' ) & 'c'",
      "'a' <->",
      '',
    ])
      expect(phrasePairs(q), q).toBeNull();
  });
});
