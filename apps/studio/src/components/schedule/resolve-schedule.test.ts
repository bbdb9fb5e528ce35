import { describe, expect, it } from 'vitest';
import { resolveSchedule, shortcutDraft } from './resolve-schedule';

const NOW = new Date('2026-03-12T10:15:20Z'); // a Thursday, 11:15 in Paris

describe('resolveSchedule', () => {
  it('keeps exactly the time typed, read in Paris', () => {
    expect(resolveSchedule({ date: '2026-03-20', time: '2102' }, NOW)).toEqual({
      ok: true,
      iso: '2026-03-20T21:02:00+01:00',
      date: '2026-03-20',
      hours: 21,
      minutes: 2,
      repeated: false,
    });
  });

  it('names every missing or unreadable part', () => {
    expect(resolveSchedule({ date: null, time: '' }, NOW)).toEqual({
      ok: false,
      problems: [
        { field: 'date', code: 'dateRequired' },
        { field: 'time', code: 'empty', hours: undefined, minutes: undefined },
      ],
    });
    expect(resolveSchedule({ date: '2026-03-20', time: '25 h' }, NOW)).toMatchObject({
      problems: [{ field: 'time', code: 'hours', hours: 25 }],
    });
  });

  it('refuses a past moment and the hour skipped in spring; takes the first of the autumn’s double hour', () => {
    expect(resolveSchedule({ date: '2026-03-12', time: '11:15' }, NOW)).toMatchObject({
      problems: [{ code: 'past' }],
    });
    expect(resolveSchedule({ date: '2026-03-12', time: '11:16' }, NOW)).toMatchObject({ ok: true });
    expect(resolveSchedule({ date: '2026-03-29', time: '2 h 30' }, NOW)).toEqual({
      ok: false,
      problems: [{ field: 'time', code: 'gap', hours: 2, minutes: 30 }],
    });
    expect(resolveSchedule({ date: '2026-10-25', time: '2 h 30' }, NOW)).toMatchObject({
      ok: true,
      iso: '2026-10-25T02:30:00+02:00',
      repeated: true,
    });
  });
});

describe('shortcutDraft', () => {
  it('gives tomorrow 8 h, next Monday 8 h and in one hour, in Paris', () => {
    expect(shortcutDraft('tomorrow8', NOW)).toEqual({ date: '2026-03-13', time: '08:00' });
    expect(shortcutDraft('monday8', NOW)).toEqual({ date: '2026-03-16', time: '08:00' });
    expect(shortcutDraft('inOneHour', NOW)).toEqual({ date: '2026-03-12', time: '12:16' });
  });

  it('never takes today for « Lundi » and crosses midnight in Paris time', () => {
    expect(shortcutDraft('monday8', new Date('2026-03-16T06:00:00Z'))).toEqual({ date: '2026-03-23', time: '08:00' });
    // 00:30 on Monday in Paris, still Sunday in UTC
    expect(shortcutDraft('monday8', new Date('2026-03-15T23:30:00Z'))).toEqual({ date: '2026-03-23', time: '08:00' });
    expect(shortcutDraft('monday8', new Date('2026-03-15T22:30:00Z'))).toEqual({ date: '2026-03-16', time: '08:00' });
    expect(shortcutDraft('monday8', new Date('2026-03-15T12:00:00Z'))).toEqual({ date: '2026-03-16', time: '08:00' });
    expect(shortcutDraft('inOneHour', new Date('2026-07-14T21:30:00Z'))).toEqual({ date: '2026-07-15', time: '00:30' });
    expect(shortcutDraft('tomorrow8', new Date('2026-12-31T23:30:00Z'))).toEqual({ date: '2027-01-02', time: '08:00' });
  });
});
