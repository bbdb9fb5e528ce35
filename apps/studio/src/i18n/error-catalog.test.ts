import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@crieur/api/error-codes';
import en from './en.json';
import fr from './fr.json';

describe('the error catalog', () => {
  it('has a French and an English message for every code the server answers with', () => {
    const missing = (catalog: { errors: Record<string, string> }) =>
      ERROR_CODES.filter((code) => !catalog.errors[code]?.trim());
    expect(missing(fr)).toEqual([]);
    expect(missing(en)).toEqual([]);
  });
});
