import { describe, expect, it } from 'vitest';
import { detectDelimiter, firstLine } from './detect-delimiter';

describe('detectDelimiter', () => {
  it.each([
    ['Nom;Prénom;Email', ';'],
    ['Nom,Prénom,Email', ','],
    ['Nom\tPrénom\tEmail', '\t'],
    ['"Nom, Prénom";Email', ';'],
    ['"Nom; Prénom",Email', ','],
    ['Email', ','],
    ['a;b,c', ';'],
  ])('%j → %j', (header, expected) => {
    expect(detectDelimiter(header)).toBe(expected);
  });
});

describe('firstLine', () => {
  it('skips blank and separator-only lines and waits for the line to end', () => {
    expect(firstLine('\n ;;\nEmail;Nom', false)).toBeNull();
    expect(firstLine('\n ;;\nEmail;Nom', true)).toBe('Email;Nom');
    expect(firstLine('\n"Nom\ncomplet";Email\nx', false)).toBe('"Nom\ncomplet";Email');
  });
});
