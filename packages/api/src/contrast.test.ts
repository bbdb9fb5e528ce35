import { describe, expect, it } from 'vitest';
import { accentProblem, checkContrast, contrastRatio, formatRatio, isHexColour, tintProblem } from './contrast';

describe('WCAG contrast of the newsletters’ colours', () => {
  it('gives the published reference ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // order does not matter
    expect(contrastRatio('#ffffff', '#777777')).toBeCloseTo(contrastRatio('#777777', '#ffffff'), 10);
    // #767676 is the lightest grey that passes AA on white (4.54:1), #777777 fails (4.48:1)
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('accepts the seeded colours of the three newsletters', () => {
    for (const accent of ['#1b4d89', '#1f5c3f', '#7a1f3d']) expect(accentProblem(accent), accent).toBeNull();
    for (const tint of ['#e8eef7', '#e6f1ea', '#f5e9ed']) expect(tintProblem(tint), tint).toBeNull();
  });

  it('refuses a light accent and a dark tint in French, with the ratio', () => {
    expect(accentProblem('#D0E4FF')).toBe(
      'Le contraste du blanc sur #d0e4ff est de 1,2:1\u00a0; il faut au moins 4,5:1\u00a0: choisissez une couleur plus foncée.',
    );
    expect(tintProblem('#4a5160')).toMatch(/^Le contraste du texte \(#1f2430\) sur #4a5160 est de 1,\d:1/);
    expect(tintProblem('#4a5160')).toContain('plus claire');
  });

  it('never rounds a failing ratio up to 4,5', () => {
    expect(formatRatio(4.4999)).toBe('4,4:1');
    expect(formatRatio(4.5)).toBe('4,5:1');
    expect(formatRatio(21)).toBe('21,0:1');
    const grey = checkContrast('#ffffff', '#777777');
    expect(grey).toMatchObject({ ok: false, label: '4,4:1' });
  });

  it('only knows #rrggbb', () => {
    expect(isHexColour('#1b4d89')).toBe(true);
    expect(isHexColour('#FFF')).toBe(false);
    expect(isHexColour('red')).toBe(false);
    expect(() => contrastRatio('red', '#ffffff')).toThrow(RangeError);
  });
});
