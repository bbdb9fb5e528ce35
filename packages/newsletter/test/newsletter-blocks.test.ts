import { describe, expect, it } from 'vitest';
import { NewsletterBlock, NewsletterContent } from '../src/index.js';
import { formatEventDate } from '../src/format-event-date.js';
import { blocks, membresNewsletter } from './fixtures.js';

const refused = (input: unknown) => NewsletterBlock.safeParse(input).success === false;

describe('NewsletterBlock', () => {
  it('accepts every fixture block', () => {
    for (const block of Object.values(blocks)) expect(NewsletterBlock.safeParse(block).success, block.type).toBe(true);
    expect(NewsletterContent.safeParse(membresNewsletter).success).toBe(true);
  });

  it('refuses javascript:, data: and protocol-relative links anywhere', () => {
    expect(refused({ type: 'button', label: 'Cliquez', url: 'javascript:alert(1)' })).toBe(true);
    expect(refused({ type: 'button', label: 'Cliquez', url: ' JavaScript:alert(1)' })).toBe(true);
    expect(refused({ ...blocks.article1, url: '//evil.example/x' })).toBe(true);
    expect(refused({ ...blocks.article1, url: 'https://x.example/"onmouseover="a' })).toBe(true);
    expect(refused({ ...blocks.image, src: 'data:image/png;base64,AAAA' })).toBe(true);
    expect(
      refused({ type: 'agenda', events: [{ title: 'x', date: '2026-01-01', place: 'y', url: 'javascript:x' }] }),
    ).toBe(true);
    expect(
      refused({
        ...blocks.edito,
        doc: {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:x' } }] }],
            },
          ],
        },
      }),
    ).toBe(true);
  });

  it('refuses an image without alt text', () => {
    const { alt: _alt, ...noAlt } = blocks.image;
    expect(refused(noAlt)).toBe(true);
    expect(refused({ ...blocks.image, alt: '   ' })).toBe(true);
    expect(refused({ ...blocks.article1, image: { src: '/media/a.jpg' } })).toBe(true);
  });

  it('refuses content that forges a personal placeholder', () => {
    expect(refused({ type: 'sectionTitle', text: 'Salut %%CRIEUR_FIRST_NAME%%' })).toBe(true);
    expect(NewsletterContent.safeParse({ ...membresNewsletter, subject: '%%CRIEUR_WEB_URL%%' }).success).toBe(false);
  });

  it('refuses impossible dates, unknown keys and unknown types', () => {
    expect(refused({ type: 'agenda', events: [{ title: 'x', date: '2026-02-30', place: 'y' }] })).toBe(true);
    expect(refused({ type: 'agenda', events: [{ title: 'x', date: '2026-02-03T25:00', place: 'y' }] })).toBe(true);
    expect(refused({ type: 'divider', colour: 'red' })).toBe(true);
    expect(refused({ type: 'carousel' })).toBe(true);
  });

  it('caps a newsletter at 60 blocks', () => {
    expect(NewsletterContent.safeParse({ ...membresNewsletter, blocks: Array(61).fill(blocks.divider) }).success).toBe(
      false,
    );
  });
});

describe('formatEventDate', () => {
  it('writes French dates, with 1er and the hour when given', () => {
    expect(formatEventDate('2026-05-01')).toEqual({ day: '1er', month: 'mai 2026', full: 'vendredi 1er mai 2026' });
    expect(formatEventDate('2026-04-02T18:30').full).toBe('jeudi 2 avril 2026 à 18\u00a0h\u00a030');
    expect(formatEventDate('2026-04-16T09:00').full).toBe('jeudi 16 avril 2026 à 9\u00a0h');
  });
});
