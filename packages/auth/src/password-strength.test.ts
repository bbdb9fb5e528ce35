import { describe, expect, it } from 'vitest';
import { passwordProblem, passwordStrength, personalWords } from './password-strength';

const nora = ['Nora Benali', 'nora.benali@icpc.example'];

describe('password strength (zxcvbn with French dictionaries)', () => {
  it.each([
    ['aaaaaaaaaaaa', /caractères répétés/],
    ['password1234', /mot de passe courant/],
    ['motdepasse123', /Trop courant/],
    ['azertyuiop12', /touches du clavier/],
  ])('refuses %s, says why in French and suggests a passphrase', (password, why) => {
    const problem = passwordProblem(password, nora);
    expect(problem).toMatch(/^Mot de passe trop facile à deviner\./);
    expect(problem).toMatch(why);
    expect(problem).toMatch(/phrase de passe/);
    expect(passwordStrength(password).score).toBeLessThan(3);
  });

  it('accepts a passphrase', () => {
    expect(passwordProblem('cheval-agrafe-pile-correct-2026', nora)).toBeUndefined();
    expect(passwordStrength('cheval-agrafe-pile-correct-2026', nora)).toMatchObject({ acceptable: true, score: 4 });
  });

  it('counts the person’s own name and email as weak words', () => {
    expect(passwordProblem('norabenali2026')).toBeUndefined(); // fine for someone else
    expect(passwordProblem('norabenali2026', nora)).toMatch(/votre nom, votre adresse e-mail/);
    expect(passwordProblem('Nora Benali 2026!', nora)).toMatch(/votre nom/);
    expect(personalWords(['Nora Benali', 'nora.benali@icpc.example', null])).toEqual(
      expect.arrayContaining(['nora', 'benali', 'nora benali', 'nora.benali@icpc.example', 'icpc', 'example']),
    );
  });

  it('keeps the length rule beside the estimate', () => {
    expect(passwordProblem('Zq8#vLp2!x')).toMatch(/au moins 12 caractères/);
    expect(passwordStrength('Zq8#vLp2!x').acceptable).toBe(false);
  });
});
