import { describe, expect, it } from 'vitest';
import { emailKey, normaliseEmail } from './normalise-email';

describe('normaliseEmail', () => {
  it.each([
    ['  Jean.Dupont@Exemple.FR ', 'Jean.Dupont@exemple.fr'],
    ['<lea@exemple.fr>', 'lea@exemple.fr'],
    ['mailto:lea@exemple.fr', 'lea@exemple.fr'],
    ['MAILTO:<Lea@EXEMPLE.fr>', 'Lea@exemple.fr'],
    ['\u00a0\u200blea@exemple.fr\ufeff', 'lea@exemple.fr'],
    ["o'neil+news@exemple.ie", "o'neil+news@exemple.ie"],
    ["'-tiret@exemple.fr", '-tiret@exemple.fr'],
  ])('normalises %j', (raw, expected) => {
    expect(normaliseEmail(raw)).toBe(expected);
  });

  it.each([
    '',
    'jean',
    'jean@',
    '@exemple.fr',
    'jean@localhost',
    'a..b@exemple.fr',
    'jean dupont@exemple.fr',
    '=HYPERLINK("x")',
    `${'a'.repeat(250)}@exemple.fr`,
  ])('refuses %j', (raw) => {
    expect(normaliseEmail(raw)).toBeNull();
  });
});

describe('emailKey', () => {
  it('lowercases the whole address, as lower(email) in the database', () => {
    expect(emailKey('Jean.Dupont@exemple.fr')).toBe('jean.dupont@exemple.fr');
  });
});
