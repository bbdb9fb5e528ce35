import { describe, expect, it } from 'vitest';
import {
  frenchCivilDay,
  frenchRange,
  frenchTime,
  jsonLd,
  paragraphs,
  parisIso,
  readMonth,
  shortText,
} from './contribution-format';

const NB = '\u00a0';

describe('contribution pages: dates, JSON-LD, text', () => {
  it('writes Paris times the French way, across both daylight-saving changes', () => {
    expect(frenchTime(new Date('2027-03-28T07:30:00Z'))).toBe(`9${NB}h${NB}30`);
    expect(frenchTime(new Date('2027-03-27T09:00:00Z'))).toBe(`10${NB}h`);
    expect(frenchRange(new Date('2027-03-28T08:00:00Z'), new Date('2027-03-28T10:00:00Z'))).toBe(
      `dimanche 28 mars 2027, de 10${NB}h à 12${NB}h`,
    );
    expect(frenchRange(new Date('2027-05-01T07:00:00Z'), new Date('2027-05-02T15:00:00Z'))).toBe(
      `du samedi 1er mai 2027, 9${NB}h au dimanche 2 mai 2027, 17${NB}h`,
    );
    expect(frenchCivilDay('2027-04-01')).toBe('1er avril 2027');
  });

  it('gives schema.org the Paris offset of the day', () => {
    expect(parisIso(new Date('2027-03-27T09:00:00Z'))).toBe('2027-03-27T10:00:00+01:00');
    expect(parisIso(new Date('2027-03-28T08:00:00Z'))).toBe('2027-03-28T10:00:00+02:00');
    expect(parisIso(new Date('2027-10-31T09:00:00Z'))).toBe('2027-10-31T10:00:00+01:00');
  });

  it('escapes JSON-LD so nothing can close the script, and it still parses to the same value', () => {
    const value = { name: '</script><!-- & \u2028\u2029 -->' };
    const out = jsonLd(value);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(out)).toEqual(value);
  });

  it('reads descriptions as paragraphs, cuts on a space, and takes only real months', () => {
    expect(paragraphs('Un\r\ndeux\n\n\n  trois  \n')).toEqual([['Un', 'deux'], ['trois']]);
    expect(shortText('un deux trois quatre cinq', 16)).toBe('un deux trois…');
    expect(readMonth('2027-03')).toBe('2027-03');
    for (const bad of ['2027-13', '27-03', '2027-3', ['2027-03'], null]) expect(readMonth(bad)).toBeNull();
  });
});
