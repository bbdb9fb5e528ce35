import { describe, expect, it } from 'vitest';
import { providerPaceAt, readSlowdown, slowDown, windowFor, PROVIDER_POLICY } from './provider-pace';

const t0 = Date.parse('2026-05-04T12:00:00Z');
const MIN = 60_000;

describe('slowDown: a throttling reply', () => {
  it('halves the rate and waits 30 s the first time', () => {
    expect(slowDown(null, t0, 20)).toEqual({ rate: 10, backoffMs: 30_000, until: t0 + 30_000, at: t0 });
  });

  it('changes nothing while the provider already waits (replies to messages already handed over)', () => {
    const first = slowDown(null, t0, 20)!;
    expect(slowDown(first, t0 + 29_999, 20)).toBeNull();
  });

  it('doubles the wait, up to 10 min, and halves again while the provider keeps refusing', () => {
    let s = slowDown(null, t0, 20)!;
    const waits = [s.backoffMs];
    const rates = [s.rate];
    for (let i = 0; i < 6; i++) {
      s = slowDown(s, s.until, 20)!;
      waits.push(s.backoffMs);
      rates.push(s.rate);
    }
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000]);
    expect(rates).toEqual([10, 5, 2.5, 1.25, 0.625, 0.3125, 0.15625]);
    // the floor: one message every 10 s
    s = slowDown(s, s.until, 20)!;
    expect(s.rate).toBe(PROVIDER_POLICY.floorRate);
  });

  it('starts over (30 s) once the provider was back at full pace', () => {
    const first = slowDown(null, t0, 8)!; // 4/s from t0 + 30 s, 6/s a minute later, 8/s (full) the next
    const later = first.until + 2 * MIN;
    expect(providerPaceAt(first, later, 8).recovered).toBe(true);
    expect(slowDown(first, later, 8)).toEqual({ rate: 4, backoffMs: 30_000, until: later + 30_000, at: later });
  });
});

describe('providerPaceAt: the way back', () => {
  it('claims nothing during the back-off, then climbs 50 % a minute to the full rate', () => {
    const s = slowDown(null, t0, 20)!; // 10/s once t0 + 30 s
    expect(providerPaceAt(s, t0 + 1000, 20)).toMatchObject({ rate: 0, blockedUntil: s.until, recovered: false });
    expect(providerPaceAt(s, s.until, 20)).toMatchObject({ rate: 10, blockedUntil: null, recovered: false });
    expect(providerPaceAt(s, s.until + MIN, 20).rate).toBe(15);
    expect(providerPaceAt(s, s.until + 2 * MIN, 20)).toMatchObject({ rate: 20, recovered: true });
    // 10 → 15 → 22.5 ≥ 20: full two minutes after the back-off
    expect(providerPaceAt(s, t0, 20).fullAt).toBe(s.until + 2 * MIN);
  });
});

describe('readSlowdown and windowFor', () => {
  it('reads what a process stored, and ignores what it cannot read', () => {
    const s = slowDown(null, t0, 20)!;
    expect(readSlowdown(JSON.stringify(s))).toEqual(s);
    expect(readSlowdown(undefined)).toBeNull();
    expect(readSlowdown('{')).toBeNull();
    expect(readSlowdown('{"rate":-1}')).toBeNull();
  });

  it('uses 1 s windows from 1 message/s, a longer window holding one message below', () => {
    expect(windowFor(20)).toEqual({ points: 20, durationMs: 1000 });
    expect(windowFor(2.5)).toEqual({ points: 2, durationMs: 1000 });
    expect(windowFor(0.5)).toEqual({ points: 1, durationMs: 2000 });
    expect(windowFor(0.1)).toEqual({ points: 1, durationMs: 10_000 });
  });
});
