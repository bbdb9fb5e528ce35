import { describe, expect, it } from 'vitest';
import { contrastRatio, MIN_TEXT_CONTRAST, readableDark, readableLight } from './readable-colour.js';

describe('readable brand colours', () => {
  it('keeps colours that already read well (the three newsletters’ own)', () => {
    for (const accent of ['#1b4d89', '#1f5c3f', '#7a1f3d']) expect(readableDark(accent)).toBe(accent);
    expect(readableDark('#fff', ['#000'])).toBe('#ffffff');
    expect(readableLight('#e8eef7', '#1f2430')).toBe('#e8eef7');
  });

  it('darkens a light accent just enough for white text and for its tint, and lightens a dark tint', () => {
    for (const light of ['#9aa5b1', '#ffcc00', '#7fdbff', '#ffffff', '#f0f']) {
      const dark = readableDark(light, ['#ffffff', '#f3e6c4']);
      expect(contrastRatio(dark, '#ffffff'), light).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
      expect(contrastRatio(dark, '#f3e6c4'), light).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
      // just enough: the harder of the two is barely above the line (5 % steps)
      expect(contrastRatio(dark, '#f3e6c4'), light).toBeLessThan(5.5);
    }
    const tint = readableLight('#5a6270', '#1f2430');
    expect(contrastRatio('#1f2430', tint)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
  });

  it('refuses what is not a colour', () => {
    expect(() => readableDark('red')).toThrow(RangeError);
  });
});
