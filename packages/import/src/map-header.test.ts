import { describe, expect, it } from 'vitest';
import { headerKey, mapHeader } from './map-header';

describe('mapHeader', () => {
  it.each([
    'Email',
    'E-mail',
    'EMAIL',
    'Courriel',
    'Mail',
    'Adresse e-mail',
    'Adresse électronique',
    'ADRESSE ELECTRONIQUE',
    'Email Address',
    'Mél',
    'Email principal',
  ])('recognises %j as the email column', (header) => {
    expect(mapHeader(['Ville', header]).email).toBe(1);
  });

  it('finds first, last and full name columns in any order', () => {
    expect(mapHeader(['PRÉNOM', 'x', 'nom', 'Courriel', 'Nom complet'])).toEqual({
      email: 3,
      firstName: 0,
      lastName: 2,
      fullName: 4,
    });
    expect(mapHeader(['First name', 'Last Name', 'E-mail'])).toEqual({
      email: 2,
      firstName: 0,
      lastName: 1,
      fullName: -1,
    });
    expect(mapHeader(['Name', 'Mail'])).toEqual({ email: 1, firstName: -1, lastName: -1, fullName: 0 });
  });

  it('returns -1 when there is no email column', () => {
    expect(mapHeader(['Nom', 'Prénom', 'Mailing']).email).toBe(-1);
  });

  it('ignores case, accents, spaces and punctuation', () => {
    expect(headerKey(' Adresse  Électronique ')).toBe('adresseelectronique');
    expect(headerKey('e_mail')).toBe('email');
  });
});
