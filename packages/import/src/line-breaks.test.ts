import { describe, expect, it } from 'vitest';
import { LineBreakNormaliser } from './line-breaks';

function run(parts: string[]): string {
  const normaliser = new LineBreakNormaliser();
  return parts.map((part) => normaliser.write(Buffer.from(part)).toString()).join('');
}

describe('LineBreakNormaliser', () => {
  it('turns CRLF and lone CR into LF, even split across chunks', () => {
    expect(run(['a\r\nb\rc\nd'])).toBe('a\nb\nc\nd');
    expect(run(['a\r', '\nb\r', '', '\n', 'c\r', 'd'])).toBe('a\nb\nc\nd');
    expect(run(['\r\r\n\n'])).toBe('\n\n\n');
  });
});
