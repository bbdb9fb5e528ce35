import { describe, expect, it } from 'vitest';
import { checkImageAlt } from './image-alt-check';
import { htmlReferences } from './html-references';

const image = (attrs: Record<string, unknown>) => ({ type: 'image', attrs: { src: '/media/a/w800.webp', ...attrs } });
const edito = (...content: unknown[]) => ({ type: 'edito', doc: { type: 'doc', content } });

describe('checkImageAlt', () => {
  it('finds images without alt in editor documents, image blocks and cards, naming their block', () => {
    const items = checkImageAlt(
      [
        edito({ type: 'paragraph' }, image({ alt: 'Une salle' }), image({})),
        { type: 'image', src: 'https://x.example/b.jpg' },
        { type: 'article', title: 'T', lede: 'L', url: 'https://x.example', image: { src: 'https://x.example/c.jpg' } },
        {
          type: 'article',
          title: 'T',
          lede: 'L',
          url: 'https://x.example',
          image: { src: 'https://x.example/d.jpg', alt: 'D' },
        },
      ],
      [],
    );
    expect(items.map((i) => [i.level, i.blockIndex, i.detail])).toEqual([
      ['block', 0, '/media/a/w800.webp'],
      ['block', 1, 'https://x.example/b.jpg'],
      ['block', 2, 'https://x.example/c.jpg'],
    ]);
    expect(items[0]!.message).toContain('bloc 1');
  });

  it('alt="" is a decorative image: fine', () => {
    expect(checkImageAlt([{ type: 'image', src: 'https://x.example/b.jpg', alt: '' }], [])).toEqual([
      expect.objectContaining({ code: 'image-alt', level: 'ok' }),
    ]);
  });

  it('an <img> of the HTML without alt attribute blocks too, linked to the block holding its address', () => {
    const { images } = htmlReferences(
      '<img src="https://x.example/logo.png" alt="Logo"><img src="https://x.example/deco.png" alt=""><img src="https://x.example/e.jpg">',
    );
    const items = checkImageAlt(
      [{ type: 'divider' }, { type: 'richText', doc: { src: 'https://x.example/e.jpg' } }],
      images,
    );
    expect(items).toEqual([
      expect.objectContaining({ level: 'block', detail: 'https://x.example/e.jpg', blockIndex: 1 }),
    ]);
  });
});
