import { describe, expect, it } from 'vitest';
import { headlineFigures } from './headline';

const day = (d: string, confirmed: number) => ({ day: d, confirmed });

describe('headline figures', () => {
  it('never subtracts an entered January from a count measured since today', () => {
    // the audit's case: ~3,300 entered for January, then an import of 100 measured today
    const h = headlineFigures({
      year: 2026,
      confirmedNow: 100,
      measured: [day('2026-12-06', 100)],
      entered: [{ month: '2026-01', confirmed: 3300 }],
    });
    expect(h).toEqual({
      confirmedNow: 100,
      year: 2026,
      since: { day: '2026-12-06', change: 0, fromStart: true },
      entered: { month: '2026-01', confirmed: 3300 },
    });
  });

  it('counts from the snapshot closing 31 December when the year is measured from its start', () => {
    const h = headlineFigures({
      year: 2026,
      confirmedNow: 1724,
      measured: [day('2025-12-30', 1710), day('2025-12-31', 1714), day('2026-01-01', 1724), day('2026-12-06', 1724)],
      entered: [],
    });
    expect(h.since).toEqual({ day: '2026-01-01', change: 10, fromStart: false });
    expect(h.entered).toBeNull();
  });

  it('counts from the end of the first measured day when the measurements began during the year', () => {
    const h = headlineFigures({
      year: 2026,
      confirmedNow: 1212,
      measured: [day('2026-03-14', 1200), day('2026-03-15', 1203), day('2026-12-06', 1212)],
      entered: [
        { month: '2025-06', confirmed: 900 },
        { month: '2026-02', confirmed: 1190 },
        { month: '2026-01', confirmed: 1150 },
      ],
    });
    expect(h.since).toEqual({ day: '2026-03-14', change: 12, fromStart: true });
    // the latest entered count of the year, on its own
    expect(h.entered).toEqual({ month: '2026-02', confirmed: 1190 });
  });

  it('shows an entered count alone when nothing is measured', () => {
    const h = headlineFigures({
      year: 2026,
      confirmedNow: 0,
      measured: [],
      entered: [{ month: '2026-01', confirmed: 3300 }],
    });
    expect(h).toEqual({ confirmedNow: 0, year: 2026, since: null, entered: { month: '2026-01', confirmed: 3300 } });
  });

  it('says nothing of a change when nothing is known', () => {
    expect(headlineFigures({ year: 2026, confirmedNow: 0, measured: [], entered: [] })).toEqual({
      confirmedNow: 0,
      year: 2026,
      since: null,
      entered: null,
    });
  });
});
