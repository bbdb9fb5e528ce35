import { describe, expect, it } from 'vitest';
import { emailImageSize, emailImageUrl } from './email-image.js';

describe('emailImageUrl', () => {
  it('points at the JPEG variant, or the PNG one for a transparent image, on the public site', () => {
    expect(emailImageUrl('https://icpc.example/', 'abc', false)).toBe('https://icpc.example/media/abc/email.jpg');
    expect(emailImageUrl('https://icpc.example', 'abc', true)).toBe('https://icpc.example/media/abc/email.png');
  });
});

describe('emailImageSize', () => {
  it('shows a large image at the column width, keeping its proportions', () => {
    expect(emailImageSize({ width: 1600, height: 900 }, 552)).toEqual({ width: 552, height: 311 });
  });
  it('never blows a small image up', () => {
    expect(emailImageSize({ width: 300, height: 200 }, 552)).toEqual({ width: 300, height: 200 });
  });
});
