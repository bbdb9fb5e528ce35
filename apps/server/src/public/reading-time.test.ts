import { describe, expect, it } from 'vitest';
import { countWords, readingTime } from './reading-time';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const doc = (...texts: string[]) => ({ type: 'doc', content: texts.map(paragraph) });
const words = (n: number) => Array.from({ length: n }, (_, i) => `mot${i}`).join(' ');

describe('reading time', () => {
  it('counts the words of every text node, not punctuation alone', () => {
    expect(countWords(doc('La démocratie\u00a0: une affaire de tous\u202f!', '« Oui » — dit-elle.'))).toBe(8);
    expect(
      countWords({ type: 'doc', content: [{ type: 'heading', content: [{ type: 'text', text: 'Un titre' }] }] }),
    ).toBe(2);
  });

  it('reads about 230 words a minute, at least one minute', () => {
    expect(readingTime(doc(words(1380)))).toBe('6\u00a0min de lecture');
    expect(readingTime(doc(words(20)))).toBe('1\u00a0min de lecture');
    expect(readingTime(doc(words(1600)))).toBe('7\u00a0min de lecture');
    expect(readingTime(null)).toBe('1\u00a0min de lecture');
  });
});
