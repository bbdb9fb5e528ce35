import { describe, expect, it } from 'vitest';
import { pickHomeLists } from './home-lists';

const a = (...ids: string[]) => ids.map((id) => ({ id }));
const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe('pickHomeLists', () => {
  it('never shows an article twice: the dossier first, then the newest, then each rubrique', () => {
    const lists = pickHomeLists({
      hasDossier: true,
      pieces: a('d1', 'd2'),
      latest: a('d2', 'n1', 'n2', 'd1', 'n3'),
      perRubrique: [a('n1', 'r1', 'r2', 'r3'), a('d1', 'n3', 's1')],
      latestCount: 2,
      perRubriqueCount: 2,
    });
    expect(ids(lists.pieces)).toEqual(['d1', 'd2']);
    expect(lists.leadArticle).toBeNull();
    expect(ids(lists.latest)).toEqual(['n1', 'n2']);
    expect(lists.perRubrique.map(ids)).toEqual([
      ['r1', 'r2'],
      ['n3', 's1'],
    ]);
    const all = [...lists.pieces, ...lists.latest, ...lists.perRubrique.flat()].map((x) => x.id);
    expect(new Set(all).size).toBe(all.length);
  });

  it('makes the newest article the lead when there is no dossier', () => {
    const lists = pickHomeLists({
      hasDossier: false,
      pieces: [],
      latest: a('n1', 'n2', 'n3'),
      perRubrique: [a('n1', 'n3')],
      latestCount: 6,
      perRubriqueCount: 3,
    });
    expect(lists.leadArticle?.id).toBe('n1');
    expect(ids(lists.latest)).toEqual(['n2', 'n3']);
    expect(lists.perRubrique).toEqual([[]]);
  });
});
