import { describe, expect, it } from 'vitest';
import { providerMatchers, providerOf } from './provider-groups';

const groups = [
  { name: 'gmail', domains: ['gmail.com', 'googlemail.com'], rate: 20 },
  { name: 'microsoft', domains: ['outlook.*', 'hotmail.*', 'msn.com'], rate: 10 },
  { name: 'orange', domains: ['orange.fr', 'wanadoo.fr'], rate: 5 },
];

describe('providerOf', () => {
  it.each([
    ['Marie@GMail.com', 'gmail'],
    ['x@googlemail.com', 'gmail'],
    ['x@outlook.fr', 'microsoft'],
    ['x@hotmail.co.uk', 'microsoft'],
    ['x@msn.com', 'microsoft'],
    ['x@wanadoo.fr', 'orange'],
    ['x@mail.gmail.com', 'autres'],
    ['x@outlook', 'autres'],
    ['x@example.org', 'autres'],
  ])('%s → %s', (email, provider) => {
    expect(providerOf(email, groups)).toBe(provider);
  });
});

describe('providerMatchers', () => {
  it('splits exact domains from the wildcards, as arrays for the freeze', () => {
    expect(providerMatchers(groups)).toEqual({
      exact: {
        domains: ['gmail.com', 'googlemail.com', 'msn.com', 'orange.fr', 'wanadoo.fr'],
        providers: ['gmail', 'gmail', 'microsoft', 'orange', 'orange'],
      },
      prefix: { prefixes: ['outlook.', 'hotmail.'], providers: ['microsoft', 'microsoft'] },
    });
  });
});
