import { describe, expect, it } from 'vitest';
import { cleanName, truncate } from './clean-name';

describe('cleanName', () => {
  it('joins parts and collapses whitespace', () => {
    expect(cleanName('  Marie\t', '', ' de\n\nLa  Fontaine ')).toBe('Marie de La Fontaine');
  });

  it.each([
    ['=HYPERLINK("http://evil","x")', 'HYPERLINK("http://evil","x")'],
    ['+ - @Jean', 'Jean'],
    ["'=Paul", 'Paul'],
    ["O'Brien", "O'Brien"],
    ['Jean-Pierre', 'Jean-Pierre'],
  ])('never starts with a formula sign: %j', (raw, expected) => {
    expect(cleanName(raw)).toBe(expected);
  });

  it('caps at 200 characters without splitting an emoji', () => {
    expect(cleanName('a'.repeat(300))).toHaveLength(200);
    expect(truncate(`${'a'.repeat(199)}😀`, 200)).toBe('a'.repeat(199));
  });
});
