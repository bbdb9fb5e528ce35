import { describe, expect, it } from 'vitest';
import { frenchTime, parseFrenchTime } from './parse-time';

const hhmm = (typed: string) => {
  const parsed = parseFrenchTime(typed);
  return parsed.ok ? parsed.hhmm : parsed.problem;
};

describe('parseFrenchTime', () => {
  it('reads the French forms of a 24-hour time', () => {
    expect(hhmm('21 h 02')).toBe('21:02');
    expect(hhmm('21h02')).toBe('21:02');
    expect(hhmm('21H02')).toBe('21:02');
    expect(hhmm('21:02')).toBe('21:02');
    expect(hhmm('21.02')).toBe('21:02');
    expect(hhmm('21 02')).toBe('21:02');
    expect(hhmm('21\u202fh\u00a002')).toBe('21:02'); // no-break spaces, as a phone or a copy inserts them
    expect(hhmm('  9 h 30 min ')).toBe('09:30');
    expect(hhmm('midi')).toBe('12:00');
    expect(hhmm('Minuit')).toBe('00:00');
  });

  it('reads « 21 » then « 02 » typed one after the other as 21:02, and hours alone as o’clock', () => {
    expect(hhmm('21')).toBe('21:00');
    expect(hhmm('2102')).toBe('21:02');
    expect(hhmm('21h')).toBe('21:00');
    expect(hhmm('9')).toBe('09:00');
    expect(hhmm('930')).toBe('09:30');
    expect(hhmm('0930')).toBe('09:30');
    expect(hhmm('0')).toBe('00:00');
  });

  it('says what is wrong instead of guessing', () => {
    expect(hhmm('')).toBe('empty');
    expect(hhmm('   ')).toBe('empty');
    expect(hhmm('demain')).toBe('unreadable');
    expect(hhmm('21:02:30')).toBe('unreadable');
    expect(hhmm('21 h 002')).toBe('unreadable');
    expect(hhmm('-1')).toBe('unreadable');
    expect(parseFrenchTime('24 h')).toEqual({ ok: false, problem: 'hours', hours: 24 });
    expect(parseFrenchTime('2160')).toEqual({ ok: false, problem: 'minutes', hours: 21, minutes: 60 });
    expect(parseFrenchTime('21:2')).toEqual({ ok: false, problem: 'minutesIncomplete', hours: 21 });
    expect(hhmm('12345')).toBe('unreadable');
  });

  it('writes times the French way', () => {
    expect(frenchTime(21, 2)).toBe('21 h 02');
    expect(frenchTime(8, 0)).toBe('8 h 00');
  });
});
