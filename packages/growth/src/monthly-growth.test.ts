import { describe, expect, it } from 'vitest';
import { closingCount, monthlyGrowth, openingCount } from './monthly-growth';

const snap = (day: string, confirmed: number, subscribes = 0, unsubscribes = 0) => ({
  day,
  confirmed,
  subscribes,
  confirmations: subscribes,
  unsubscribes,
});

describe('monthly growth', () => {
  const entered = new Map([
    ['2025-01', 1459],
    ['2025-02', 1470],
  ]);

  it('opens a month from the snapshot of the day before, else from the entered count', () => {
    expect(openingCount('2025-01', new Map(), entered)).toEqual({ value: 1459, source: 'entered' });
    expect(openingCount('2025-03', new Map([['2025-02-28', 1500]]), entered)).toEqual({
      value: 1500,
      source: 'snapshot',
    });
    expect(openingCount('2025-04', new Map(), entered)).toBeNull();
  });

  it('closes a month with a count of the kind asked for', () => {
    expect(closingCount('2025-01', [], entered, 'entered')).toEqual({
      value: 1470,
      source: 'entered',
      day: '2025-01-31',
    });
    // a measured month never closes on an entered count
    expect(closingCount('2025-01', [], entered, 'snapshot')).toBeNull();
    const march = [snap('2025-03-30', 1510), snap('2025-03-31', 1512)];
    expect(closingCount('2025-03', march, entered, 'snapshot')).toEqual({
      value: 1512,
      source: 'snapshot',
      day: '2025-03-31',
    });
    expect(closingCount('2025-04', [snap('2025-04-10', 1520)], entered, 'snapshot')).toEqual({
      value: 1520,
      source: 'snapshot',
      day: '2025-04-10',
    });
    expect(closingCount('2025-05', [], entered, 'entered')).toBeNull();
  });

  it('subtracts entered from entered and measured from measured, never one from the other', () => {
    const rows = monthlyGrowth({
      months: ['2025-01', '2025-02', '2025-03', '2025-04'],
      snapshots: [
        snap('2025-02-27', 1480, 5, 1),
        snap('2025-02-28', 1490, 12, 2),
        snap('2025-03-31', 1500, 20, 10),
        snap('2025-04-02', 1495, 0, 5),
      ],
      entered,
    });
    expect(rows).toEqual([
      {
        month: '2025-01',
        opening: 1459,
        closing: 1470,
        net: 11,
        entered: true,
        partial: false,
        subscribes: 0,
        unsubscribes: 0,
      },
      // opened on an entered count, measured at its end: no net growth rather than a mixed one
      {
        month: '2025-02',
        opening: 1470,
        closing: null,
        net: null,
        entered: true,
        partial: false,
        subscribes: 17,
        unsubscribes: 3,
      },
      {
        month: '2025-03',
        opening: 1490,
        closing: 1500,
        net: 10,
        entered: false,
        partial: false,
        subscribes: 20,
        unsubscribes: 10,
      },
      // the month in progress: its latest measured day so far
      {
        month: '2025-04',
        opening: 1500,
        closing: 1495,
        net: -5,
        entered: false,
        partial: true,
        subscribes: 0,
        unsubscribes: 5,
      },
    ]);
  });

  it('has no net growth in the month the measurements begin, only its closing so far', () => {
    const [first] = monthlyGrowth({
      months: ['2026-12'],
      snapshots: [snap('2026-12-06', 100)],
      entered: new Map([['2026-12', 3300]]),
    });
    // the entered opening of December and the import measured on the 6th are not subtracted
    expect(first).toMatchObject({ opening: 3300, closing: null, net: null, entered: true });
    const [measuredOnly] = monthlyGrowth({
      months: ['2026-12'],
      snapshots: [snap('2026-12-06', 100)],
      entered: new Map(),
    });
    expect(measuredOnly).toMatchObject({ opening: null, closing: 100, net: null, entered: false, partial: true });
  });
});
