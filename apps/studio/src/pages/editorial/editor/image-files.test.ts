import { describe, expect, it } from 'vitest';
import { htmlHasText, sortImageFiles } from './image-files';

const file = (name: string, type: string, size = 10) => new File([new Uint8Array(size)], name, { type });

describe('sortImageFiles', () => {
  it('keeps PNG, JPEG, WebP and GIF and refuses the rest with the reason', () => {
    const png = file('a.png', 'image/png');
    const jpeg = file('b.jpg', 'image/jpeg');
    const webp = file('c.webp', 'image/webp');
    const gif = file('d.gif', 'image/gif');
    const pdf = file('e.pdf', 'application/pdf');
    const svg = file('f.svg', 'image/svg+xml');
    const empty = file('g.png', 'image/png', 0);
    const { accepted, refused } = sortImageFiles([png, pdf, jpeg, svg, webp, gif, empty]);
    expect(accepted).toEqual([png, jpeg, webp, gif]);
    expect(refused).toEqual([
      { file: pdf, reason: 'type' },
      { file: svg, reason: 'type' },
      { file: empty, reason: 'size' },
    ]);
  });

  it('refuses an image over 10 MB', () => {
    const big = file('big.png', 'image/png', 10 * 1024 * 1024 + 1);
    expect(sortImageFiles([big]).refused).toEqual([{ file: big, reason: 'size' }]);
  });
});

describe('htmlHasText', () => {
  it('tells a copied passage from a copied picture', () => {
    expect(htmlHasText('<meta charset="utf-8"><img src="https://example.org/a.png">')).toBe(false);
    expect(htmlHasText('<html><head><style>p{}</style></head><body>&nbsp;<img src="x"></body></html>')).toBe(false);
    expect(htmlHasText('<p>Le conseil <b>municipal</b></p>')).toBe(true);
  });
});
