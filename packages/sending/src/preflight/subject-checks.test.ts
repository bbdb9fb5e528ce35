import { describe, expect, it } from 'vitest';
import { checkPreheader, checkSubject } from './subject-checks';
import { checkSize } from './size-check';

describe('subject, preheader and size checks', () => {
  it('an empty subject blocks, a long one warns, a good one is fine', () => {
    expect(checkSubject('  ')).toMatchObject({ code: 'subject', level: 'block' });
    expect(checkSubject('é'.repeat(81))).toMatchObject({
      level: 'warning',
      message: expect.stringContaining('81 caractères'),
    });
    expect(checkSubject('é'.repeat(80))).toMatchObject({ level: 'ok' });
  });

  it('counts characters, not UTF-16 units: an emoji is one', () => {
    expect(checkSubject(`${'a'.repeat(79)}🌱`).level).toBe('ok');
  });

  it('an empty or long preheader warns, never blocks', () => {
    expect(checkPreheader('')).toMatchObject({ code: 'preheader', level: 'warning' });
    expect(checkPreheader('x'.repeat(121))).toMatchObject({
      level: 'warning',
      message: expect.stringContaining('121'),
    });
    expect(checkPreheader('Au sommaire ce trimestre').level).toBe('ok');
  });

  it('warns past Gmail’s 102 KB, in French figures', () => {
    expect(checkSize(102 * 1024)).toMatchObject({ code: 'size', level: 'ok' });
    const over = checkSize(110_000);
    expect(over).toMatchObject({ level: 'warning', detail: '110000 octets' });
    expect(over.message).toContain('107,4\u00a0Ko');
  });

  it('writes French typography: a no-break space before the colon', () => {
    expect(checkSubject('').message).toContain('vide\u00a0:');
  });
});
