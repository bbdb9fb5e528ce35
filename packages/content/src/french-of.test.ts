import { describe, expect, it } from 'vitest';
import { frenchOf } from './french-of.js';

describe('frenchOf', () => {
  it('puts the article an organisation noun calls for', () => {
    expect(frenchOf('Institut de la concertation et de la participation citoyenne')).toBe(
      'de l’Institut de la concertation et de la participation citoyenne',
    );
    expect(frenchOf('Réseau des acteurs')).toBe('du Réseau des acteurs');
    expect(frenchOf('Fédération des centres sociaux')).toBe('de la Fédération des centres sociaux');
    expect(frenchOf('Association Démocratie vivante')).toBe('de l’Association Démocratie vivante');
  });
  it('reads acronyms letter by letter', () => {
    expect(frenchOf('ICPC')).toBe('de l’ICPC');
    expect(frenchOf('CNDP')).toBe('de CNDP');
  });
  it('contracts le and les, keeps la, elides before a vowel, leaves other names alone', () => {
    expect(frenchOf('Le Collectif')).toBe('du Collectif');
    expect(frenchOf('Les Ateliers citoyens')).toBe('des Ateliers citoyens');
    expect(frenchOf('La Fabrique')).toBe('de La Fabrique');
    expect(frenchOf('démocratieS')).toBe('de démocratieS');
    expect(frenchOf('Opale')).toBe('d’Opale');
    expect(frenchOf('  Démocratie   ouverte ')).toBe('de Démocratie ouverte');
  });
});
