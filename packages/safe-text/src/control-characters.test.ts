import { describe, expect, it } from 'vitest';
import {
  findForbiddenText,
  forbiddenCharacterIn,
  forbiddenTextMessage,
  stripForbiddenCharacters,
} from './control-characters';

describe('the input rule', () => {
  it.each([
    ['a\u0000b', 'U+0000'],
    ['\u0001', 'U+0001'],
    ['esc \u001b[31m', 'U+001B'],
    ['del \u007f', 'U+007F'],
    ['c1 \u0085', 'U+0085'],
    ['vt \u000b', 'U+000B'],
    ['lone \ud800 high', 'U+D800'],
    ['lone \udc00 low', 'U+DC00'],
  ])('refuses %j', (text, character) => {
    expect(forbiddenCharacterIn(text)).toBe(character);
  });

  it.each(['tab\there', 'lines\r\nand\n', 'séparateurs \u2028 \u2029', 'émoji 😀', 'espace\u00a0insécable', ''])(
    'allows %j',
    (text) => {
      expect(forbiddenCharacterIn(text)).toBeUndefined();
    },
  );

  it('names the first wrong field of a nested document, keys included', () => {
    const doc = {
      title: 'ok',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a\u0000' }] }] },
    };
    expect(findForbiddenText(doc)).toEqual({ path: ['body', 'content', 0, 'content', 0, 'text'], character: 'U+0000' });
    expect(findForbiddenText({ 'a\u0001b': 1 })).toEqual({ path: ['ab'], character: 'U+0001' });
    expect(findForbiddenText(Object.assign(Object.create(null) as object, { q: '\u001b' }))).toEqual({
      path: ['q'],
      character: 'U+001B',
    });
    expect(findForbiddenText({ n: 1, b: true, none: null, list: ['x', 'y'] })).toBeUndefined();
    expect(findForbiddenText(Buffer.from([0]))).toBeUndefined(); // raw uploads are checked by their own reader
  });

  it('walks a deeply nested body without exhausting the stack', () => {
    let deep: unknown = 'fin\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findForbiddenText(deep)?.character).toBe('U+0000');
  });

  it('strips for inputs a person expects to just work, and says what is wrong in French', () => {
    expect(stripForbiddenCharacters('rapport\u0000 final\u001b.csv\ud800')).toBe('rapport final.csv');
    expect(forbiddenTextMessage('name', 'U+0000')).toBe(
      'Le champ « name » contient un caractère nul (U+0000) : retirez-le, puis réessayez.',
    );
    expect(forbiddenTextMessage('title', 'U+001B')).toContain('caractère de contrôle invisible');
  });
});
