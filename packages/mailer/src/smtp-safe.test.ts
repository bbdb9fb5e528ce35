import { describe, expect, it } from 'vitest';
import { isSmtpSafe } from './smtp-safe';

describe('isSmtpSafe', () => {
  it('accepts CRLF text with dots inside lines', () => {
    expect(isSmtpSafe(Buffer.from('Subject: a.b\r\n\r\nline one.\r\n=2E starts encoded\r\n'))).toBe(true);
  });

  it.each([
    ['a bare LF', 'a\r\nb\nc\r\n'],
    ['a bare CR', 'a\rb\r\n'],
    ['a line starting with a dot', 'a\r\n.b\r\n'],
    ['a first line starting with a dot', '.a\r\n'],
    ['a lone "." line', 'a\r\n.\r\n'],
    ['an LF first', '\na'],
  ])('refuses %s (the DATA stream must escape or fix it)', (_label, text) => {
    expect(isSmtpSafe(Buffer.from(text))).toBe(false);
  });
});
