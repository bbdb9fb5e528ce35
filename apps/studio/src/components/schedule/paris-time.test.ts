import { describe, expect, it } from 'vitest';
import { addDays, parisInstant, parisToIso, parisToday, parisWallTime } from './paris-time';

// France changes time at 01:00 UTC on the last Sunday of March (02:00 → 03:00)
// and of October (03:00 → 02:00); in 2026: 29 March and 25 October.
describe('parisToIso', () => {
  it('gives winter times the +01:00 offset and summer times +02:00', () => {
    expect(parisToIso('2026-01-15', '09:30')).toBe('2026-01-15T09:30:00+01:00');
    expect(parisToIso('2026-07-14', '09:30')).toBe('2026-07-14T09:30:00+02:00');
  });

  it('switches offset on the last Sunday of March', () => {
    expect(parisToIso('2026-03-28', '23:59')).toBe('2026-03-28T23:59:00+01:00');
    expect(parisToIso('2026-03-29', '01:59')).toBe('2026-03-29T01:59:00+01:00');
    expect(parisToIso('2026-03-29', '03:00')).toBe('2026-03-29T03:00:00+02:00');
    expect(parisToIso('2026-03-29', '09:00')).toBe('2026-03-29T09:00:00+02:00');
  });

  it('switches back on the last Sunday of October', () => {
    expect(parisToIso('2026-10-25', '01:30')).toBe('2026-10-25T01:30:00+02:00');
    expect(parisToIso('2026-10-25', '04:00')).toBe('2026-10-25T04:00:00+01:00');
    expect(parisToIso('2026-10-26', '09:00')).toBe('2026-10-26T09:00:00+01:00');
  });

  it('names a real instant for every wall time it accepts, even around the changes', () => {
    // each result, read back in Paris, shows the date and time that were asked
    const paris = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Paris',
      dateStyle: 'short',
      timeStyle: 'short',
    });
    for (const [date, time] of [
      ['2026-03-29', '01:00'],
      ['2026-03-29', '03:30'],
      ['2026-10-25', '01:59'],
      ['2026-10-25', '02:30'],
      ['2026-10-25', '03:00'],
      ['2026-10-25', '12:00'],
    ] as const) {
      const iso = parisToIso(date, time);
      expect(iso).not.toBeNull();
      expect(paris.format(new Date(iso!))).toBe(`${date} ${time}`);
    }
  });

  it('refuses a malformed date or time', () => {
    expect(parisToIso('12/03/2026', '09:30')).toBeNull();
    expect(parisToIso('2026-03-12', '9:30')).toBeNull();
    expect(parisToIso('2026-03-12', '09:30:00')).toBeNull();
    expect(parisToIso('2026-02-31', '09:30')).toBeNull();
    expect(parisToIso('2026-03-12', '24:00')).toBeNull();
    expect(parisToIso('', '')).toBeNull();
  });
});

describe('parisInstant around the clock changes', () => {
  it('refuses 02:30 on 29 March 2026: that hour is skipped (it used to be stored an hour early)', () => {
    expect(parisInstant('2026-03-29', '02:30')).toEqual({ ok: false, reason: 'gap' });
    expect(parisInstant('2026-03-29', '02:00')).toEqual({ ok: false, reason: 'gap' });
    expect(parisInstant('2026-03-29', '02:59')).toEqual({ ok: false, reason: 'gap' });
    expect(parisInstant('2026-03-29', '03:00')).toEqual({
      ok: true,
      iso: '2026-03-29T03:00:00+02:00',
      repeated: false,
    });
  });

  it('takes the first 02:30 of 25 October 2026 (summer time), and says the hour happens twice', () => {
    const first = parisInstant('2026-10-25', '02:30');
    expect(first).toEqual({ ok: true, iso: '2026-10-25T02:30:00+02:00', repeated: true });
    expect(new Date((first as { iso: string }).iso).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(parisInstant('2026-10-25', '01:59')).toMatchObject({ repeated: false });
    expect(parisInstant('2026-10-25', '03:00')).toEqual({
      ok: true,
      iso: '2026-10-25T03:00:00+01:00',
      repeated: false,
    });
  });
});

describe('parisToday and parisWallTime', () => {
  it('is the Paris date, not the UTC one, late in the evening UTC', () => {
    expect(parisToday(new Date('2026-03-28T22:59:00Z'))).toBe('2026-03-28'); // 23:59 in Paris
    expect(parisToday(new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29'); // midnight in Paris
    expect(parisToday(new Date('2026-07-14T21:59:00Z'))).toBe('2026-07-14'); // 23:59, summer time
    expect(parisToday(new Date('2026-07-14T22:00:00Z'))).toBe('2026-07-15');
  });

  it('counts the short night of the March change and the long one of October', () => {
    expect(parisToday(new Date('2026-03-29T00:59:00Z'))).toBe('2026-03-29'); // 01:59 winter time
    expect(parisToday(new Date('2026-03-29T21:59:00Z'))).toBe('2026-03-29'); // 23:59 summer time
    expect(parisToday(new Date('2026-10-24T22:00:00Z'))).toBe('2026-10-25'); // midnight, summer time
    expect(parisToday(new Date('2026-10-25T22:59:00Z'))).toBe('2026-10-25'); // 23:59 winter time
  });

  it('reads an instant as Paris wall time, and adds calendar days across months and years', () => {
    expect(parisWallTime(new Date('2026-03-29T01:00:00Z'))).toEqual({ date: '2026-03-29', time: '03:00' });
    expect(parisWallTime(new Date('2026-12-31T23:30:00Z'))).toEqual({ date: '2027-01-01', time: '00:30' });
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
