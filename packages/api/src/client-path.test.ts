import { describe, expect, it } from 'vitest';
import { routePath, splitKey } from './client-path';

describe('a route key becomes a request', () => {
  it('splits method and path', () => {
    expect(splitKey('PATCH /api/users/:id')).toEqual({ method: 'PATCH', path: '/api/users/:id' });
  });

  it('fills path parameters, encoded', () => {
    expect(routePath('/api/users/:id/x/:slug', { id: 'a b/c', slug: 12 }, undefined)).toBe('/api/users/a%20b%2Fc/x/12');
  });

  it('adds the query string without empty values, repeating arrays', () => {
    expect(routePath('/api/articles', undefined, { q: 'été', status: '', author: undefined, tag: ['a', 'b'] })).toBe(
      '/api/articles?q=%C3%A9t%C3%A9&tag=a&tag=b',
    );
  });

  it('refuses a missing parameter instead of calling a wrong address', () => {
    expect(() => routePath('/api/users/:id', {}, undefined)).toThrow('missing path parameter id');
  });
});
