import { describe, expect, it } from 'vitest';
import { withDe } from './french-de';

describe('withDe', () => {
  it('elides and contracts as French does', () => {
    expect(withDe('Démocratie ouverte')).toBe('de Démocratie ouverte');
    expect(withDe('ICPC')).toBe('d’ICPC');
    expect(withDe('Institut de la concertation')).toBe('d’Institut de la concertation');
    expect(withDe('Le Collectif')).toBe('du Collectif');
    expect(withDe('Les Ateliers citoyens')).toBe('des Ateliers citoyens');
    expect(withDe('La Fabrique')).toBe('de La Fabrique');
    expect(withDe('  Réseau  ')).toBe('de Réseau');
  });
});
