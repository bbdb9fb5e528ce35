import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  isDay,
  lastDayOfMonth,
  monthsBetween,
  parisDay,
  parisDayEnd,
  parisDayStart,
} from './paris-day';

const hours = (day: string) => (parisDayEnd(day).getTime() - parisDayStart(day).getTime()) / 3_600_000;

describe('Paris days', () => {
  it('opens a winter day at 23:00 UTC and a summer day at 22:00 UTC', () => {
    expect(parisDayStart('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(parisDayStart('2026-07-14').toISOString()).toBe('2026-07-13T22:00:00.000Z');
  });

  it('has 23 hours on the spring change and 25 on the autumn change', () => {
    expect(parisDayStart('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(parisDayEnd('2026-03-29').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(hours('2026-03-29')).toBe(23);
    expect(parisDayStart('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(parisDayEnd('2026-10-25').toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(hours('2026-10-25')).toBe(25);
    expect(hours('2026-03-28')).toBe(24);
    expect(hours('2026-10-26')).toBe(24);
    expect(hours('2025-03-30')).toBe(23);
    expect(hours('2025-10-26')).toBe(25);
  });

  it('puts instants on the right side of midnight across the changes', () => {
    expect(parisDay(new Date('2026-03-28T22:59:59Z'))).toBe('2026-03-28');
    expect(parisDay(new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
    expect(parisDay(new Date('2026-03-29T21:59:59Z'))).toBe('2026-03-29');
    expect(parisDay(new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
    // 02:30 Paris happens twice on 25 October; both are that day
    expect(parisDay(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25');
    expect(parisDay(new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25');
    expect(parisDay(new Date('2026-10-25T22:59:59Z'))).toBe('2026-10-25');
    expect(parisDay(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });

  it('does calendar arithmetic on days and months', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-03-28', '2026-03-30')).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(daysBetween('2026-03-30', '2026-03-28')).toEqual([]);
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026-2-3')).toBe(false);
    expect(isDay('2026-12-31')).toBe(true);
    expect(() => parisDayStart('2026-13-01')).toThrow(RangeError);
  });
});
