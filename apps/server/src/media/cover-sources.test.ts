import { describe, expect, it } from 'vitest';
import { imageSources } from './cover-sources';

const id = '0f4f7e8c-3c1b-4a55-9d6f-2f1f3f0e9a11';
const url = (w: string) => `/media/${id}/${w}.webp`;

describe('imageSources', () => {
  it('lists the three variants of a wide photo, with the size of the widest', () => {
    expect(imageSources({ id, width: 2400, height: 1200 })).toEqual({
      src: url('w1600'),
      srcSet: `${url('w400')} 400w, ${url('w800')} 800w, ${url('w1600')} 1600w`,
      width: 1600,
      height: 800,
      fallback: `/media/${id}/email.jpg`,
    });
  });

  it('never claims a width a file does not have', () => {
    expect(imageSources({ id, width: 600, height: 450 })).toEqual({
      src: url('w800'),
      srcSet: `${url('w400')} 400w, ${url('w800')} 600w`,
      width: 600,
      height: 450,
      fallback: `/media/${id}/email.jpg`,
    });
    expect(imageSources({ id, width: 300, height: 200 })).toEqual({
      src: url('w400'),
      srcSet: `${url('w400')} 300w`,
      width: 300,
      height: 200,
      fallback: `/media/${id}/email.jpg`,
    });
  });

  it('falls back to the email copy: PNG for a transparent image, JPEG otherwise', () => {
    expect(imageSources({ id, width: 800, height: 800, hasAlpha: true }).fallback).toBe(`/media/${id}/email.png`);
  });
});
