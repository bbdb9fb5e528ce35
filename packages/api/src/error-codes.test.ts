import { describe, expect, it } from 'vitest';
import { frenchTypography } from '@crieur/content/typography';
import { ERROR_MESSAGES } from './error-codes';

describe('the server’s error catalogue', () => {
  it('is written in French typography, as staff read it', () => {
    const untypeset = Object.entries(ERROR_MESSAGES).filter(([, message]) => frenchTypography(message) !== message);
    expect(untypeset).toEqual([]);
    expect(ERROR_MESSAGES.CSRF_INVALID).toBe('La session a changé\u00A0: rechargez la page.');
  });
});
