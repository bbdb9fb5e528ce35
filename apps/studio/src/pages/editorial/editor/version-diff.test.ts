import type { ArticleDoc } from '@crieur/content';
import { describe, expect, it } from 'vitest';
import { diffBlocks, diffText, diffVersions, type DiffPart } from './version-diff';

const doc = (...paragraphs: string[]): ArticleDoc => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});
const show = (parts: DiffPart[]) =>
  parts.map((p) => (p.kind === 'added' ? `+[${p.text}]` : p.kind === 'removed' ? `-[${p.text}]` : p.text)).join('');

describe('diffText', () => {
  it('marks the words added and removed, and keeps the rest', () => {
    expect(show(diffText('Le conseil se réunit le lundi.', 'Le conseil citoyen se réunit le mardi.'))).toBe(
      'Le conseil +[citoyen ]se réunit le -[lundi]+[mardi].',
    );
  });

  it('shows a sentence inserted and another deleted within a paragraph', () => {
    const parts = diffText(
      'Le tirage au sort est ancien. Il revient en force.',
      'Le tirage au sort est ancien. Athènes l’utilisait déjà. Il revient.',
    );
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toContain('Athènes l’utilisait déjà.');
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['en force']);
    // reading only the "same" and "added" runs gives the newer text back, "same" and "removed" the older
    expect(
      parts
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe('Le tirage au sort est ancien. Athènes l’utilisait déjà. Il revient.');
    expect(
      parts
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe('Le tirage au sort est ancien. Il revient en force.');
  });

  it('gives one unchanged run for equal texts, and nothing for two empty ones', () => {
    expect(diffText('Même texte', 'Même texte')).toEqual([{ kind: 'same', text: 'Même texte' }]);
    expect(diffText('', '')).toEqual([]);
    expect(diffText('', 'Nouveau chapô')).toEqual([{ kind: 'added', text: 'Nouveau chapô' }]);
  });
});

describe('diffBlocks', () => {
  it('shows a whole paragraph added or removed as one block, and a changed one word by word', () => {
    const blocks = diffBlocks(['Un.', 'Deux ici.', 'Trois.'], ['Un.', 'Deux là.', 'Trois.', 'Quatre.']);
    expect(blocks.map((b) => [b.kind, show(b.parts)])).toEqual([
      ['same', 'Un.'],
      ['changed', 'Deux -[ici]+[là].'],
      ['same', 'Trois.'],
      ['added', '+[Quatre.]'],
    ]);
    expect(diffBlocks(['Un.', 'Deux.'], ['Deux.']).map((b) => b.kind)).toEqual(['removed', 'same']);
  });

  it('pairs as many changed blocks as it can, the rest added or removed', () => {
    const blocks = diffBlocks(['A b.', 'C d.'], ['A x.', 'C y.', 'E f.']);
    expect(blocks.map((b) => b.kind)).toEqual(['changed', 'changed', 'added']);
  });
});

describe('diffVersions', () => {
  it('compares title, lede and body, and says whether anything changed', () => {
    const older = { title: 'Tirer au sort', lede: 'Un chapô.', body: doc('Premier.', 'Second.') };
    const newer = { title: 'Tirer au sort ?', lede: 'Un chapô.', body: doc('Premier.', 'Second, revu.') };
    const diff = diffVersions(older, newer);
    expect(show(diff.title)).toBe('Tirer au sort +[?]');
    expect(diff.lede).toEqual([{ kind: 'same', text: 'Un chapô.' }]);
    expect(diff.body.map((b) => b.kind)).toEqual(['same', 'changed']);
    expect(diff.changed).toBe(true);
    expect(diffVersions(older, older).changed).toBe(false);
  });

  it('reads headings, lists and images as blocks of text', () => {
    const withList: ArticleDoc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Intertitre' }] },
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Point' }] }] }],
        },
      ],
    } as ArticleDoc;
    const diff = diffVersions({ title: 't', lede: '', body: doc() }, { title: 't', lede: '', body: withList });
    expect(diff.body.map((b) => [b.kind, show(b.parts)])).toEqual([
      ['added', '+[## Intertitre]'],
      ['added', '+[• Point]'],
    ]);
  });
});
