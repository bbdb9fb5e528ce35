import { describe, expect, it } from 'vitest';
import { emailImageSize, emailImageSource, emailImageUrl, mediaIdOfSrc } from './email-image.js';

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

describe('emailImageSource', () => {
  const id = '0b9e7f3c-5d1a-4c2b-9f8e-1a2b3c4d5e6f';
  const publicUrl = 'https://icpc.example/';
  it('finds our media in a path or an absolute address, and nothing in an outside one', () => {
    expect(mediaIdOfSrc(`/media/${id}/w1600.webp`)).toBe(id);
    expect(mediaIdOfSrc(`https://icpc.example/media/${id.toUpperCase()}/w800.webp`, publicUrl)).toBe(id);
    expect(mediaIdOfSrc(`https://ailleurs.example/media/${id}/w800.webp`, publicUrl)).toBeNull();
    expect(mediaIdOfSrc('/media/pas-un-id/w800.webp')).toBeNull();
  });
  it('sizes a known media for its column, as PNG when transparent', () => {
    const media = { [id]: { width: 1600, height: 900, hasAlpha: true } };
    expect(emailImageSource({ src: `/media/${id}/w1600.webp`, publicUrl, media, maxWidth: 552 })).toEqual({
      url: `https://icpc.example/media/${id}/email.png`,
      width: 552,
      height: 311,
    });
  });
  it('without its size gives the JPEG at the column width; an outside image stays as it is', () => {
    expect(emailImageSource({ src: `/media/${id}/w800.webp`, publicUrl, maxWidth: 196 })).toEqual({
      url: `https://icpc.example/media/${id}/email.jpg`,
      width: 196,
    });
    const outside = 'https://ailleurs.example/photo.jpg';
    expect(emailImageSource({ src: outside, publicUrl, maxWidth: 552 })).toEqual({ url: outside });
  });
});
