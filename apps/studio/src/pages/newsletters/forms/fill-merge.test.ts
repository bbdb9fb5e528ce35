import { describe, expect, it } from 'vitest';
import { isBlankRow, mergeFilled, moveRow } from './fill-merge';

const row = (title: string, contributionId?: string) => ({
  title,
  date: '2027-03-12',
  place: 'Lyon',
  url: '',
  contributionId,
});

describe('« Remplir avec les contributions » in a block', () => {
  it('replaces the blank starting row and appends in the order given', () => {
    const blank: { title: string; date: string; place: string; url: string; contributionId?: string } = {
      title: '',
      date: '',
      place: '',
      url: '',
    };
    expect(isBlankRow(blank)).toBe(true);
    const merged = mergeFilled([blank], [row('A', 'a'), row('B', 'b')], 30);
    expect(merged).toEqual({ rows: [row('A', 'a'), row('B', 'b')], added: 2, left: 0 });
  });

  it('never adds a contribution twice, keeps staff’s own rows and edits, and stops at the limit', () => {
    const edited = { ...row('A retouché', 'a') };
    const merged = mergeFilled([row('Saisie à la main'), edited], [row('A', 'a'), row('B', 'b'), row('C', 'c')], 3);
    expect(merged.rows.map((r) => r.title)).toEqual(['Saisie à la main', 'A retouché', 'B']);
    expect([merged.added, merged.left]).toEqual([1, 1]);
    expect(mergeFilled(merged.rows, [row('B', 'b')], 30)).toMatchObject({ added: 0, left: 0 });
  });

  it('moves a row up or down, and not past either end', () => {
    expect(moveRow(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveRow(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveRow(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveRow(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
});
