import { describe, expect, it } from 'vitest';
import { addDays, formatCount, formatDay, formatDayInText, formatMonth, formatSigned, parisDay } from './format';

const NNBSP = '\u202f'; // French thousands separator: narrow no-break space

describe('growth figures', () => {
  it('groups thousands the French way', () => {
    expect(formatCount('fr', 1714)).toBe(`1${NNBSP}714`);
    expect(formatCount('en', 1714)).toBe('1,714');
  });

  it('always shows the sign of a change, with a true minus sign', () => {
    expect(formatSigned('fr', 255)).toBe('+255');
    expect(formatSigned('fr', -12)).toBe('\u221212');
    expect(formatSigned('fr', -1714)).toBe(`\u22121${NNBSP}714`);
    expect(formatSigned('en', 1714)).toBe('+1,714');
    expect(formatSigned('fr', 0)).toBe('0');
  });
});

describe('growth days and months', () => {
  it('shows a day as the calendar says it, whatever the time zone', () => {
    expect(formatDay('fr', '2025-12-31')).toBe('31/12/2025');
    expect(formatDay('en', '2025-12-31')).toBe('31 Dec 2025');
    expect(formatDay('fr', '2026-01-01')).toBe('01/01/2026');
  });

  it('writes a day in a sentence, the first of the month as « 1er »', () => {
    expect(formatDayInText('fr', '2026-03-14')).toBe('14\u00a0mars');
    expect(formatDayInText('fr', '2026-01-01')).toBe('1er\u00a0janvier');
    expect(formatDayInText('en', '2026-03-14')).toBe('14 March');
  });

  it('names a month in full or short', () => {
    expect(formatMonth('fr', '2025-02')).toBe('février 2025');
    expect(formatMonth('fr', '2025-02', 'short')).toBe('févr. 2025');
    expect(formatMonth('en', '2025-02', 'short')).toBe('Feb 2025');
    expect(formatMonth('fr', '2025-12')).toBe('décembre 2025');
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
  });

  it('counts whole days across the clock changes (no hour lost or gained)', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
  });
});

describe('parisDay', () => {
  it('is the day in Paris, as the server counts days', () => {
    expect(parisDay(new Date('2025-12-31T22:59:59Z'))).toBe('2025-12-31');
    expect(parisDay(new Date('2025-12-31T23:00:00Z'))).toBe('2026-01-01'); // midnight in Paris, winter
    expect(parisDay(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01'); // midnight in Paris, summer
  });

  it('follows the clock changes of the last Sundays of March and October', () => {
    // 29 March 2026: 23:00 UTC the evening before is midnight (UTC+1); that evening, 22:00 UTC is midnight (UTC+2)
    expect(parisDay(new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
    expect(parisDay(new Date('2026-03-29T21:59:00Z'))).toBe('2026-03-29');
    expect(parisDay(new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
    // 25 October 2026: back to UTC+1 at 01:00 UTC, so the day ends at 23:00 UTC
    expect(parisDay(new Date('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
    expect(parisDay(new Date('2026-10-25T22:59:00Z'))).toBe('2026-10-25');
    expect(parisDay(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });
});
