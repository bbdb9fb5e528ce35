import { describe, expect, it } from 'vitest';
import { campaignSlugBase } from './campaign-slug';

describe('campaignSlugBase', () => {
  it('puts the Paris month before the slugified subject', () => {
    expect(
      campaignSlugBase({
        subject: 'Démocratie alimentaire : le dossier',
        kind: 'democraties',
        at: new Date('2026-03-12T10:00:00Z'),
      }),
    ).toBe('2026-03-democratie-alimentaire-le-dossier');
  });

  it('counts a late evening of 31 March in Paris as March, and the next hour as April', () => {
    expect(campaignSlugBase({ subject: 'X', kind: 'membres', at: new Date('2026-03-31T21:30:00Z') })).toBe('2026-03-x');
    expect(campaignSlugBase({ subject: 'X', kind: 'membres', at: new Date('2026-03-31T22:30:00Z') })).toBe('2026-04-x');
  });

  it('names the newsletter when there is no subject yet', () => {
    expect(campaignSlugBase({ subject: '  ', kind: 'adherents', at: new Date('2026-01-05T10:00:00Z') })).toBe(
      '2026-01-lettre-des-adherents',
    );
  });
});
