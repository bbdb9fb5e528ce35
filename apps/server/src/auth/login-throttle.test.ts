import { describe, expect, it } from 'vitest';
import { DEFAULT_LOGIN_SETTINGS, softLockMs } from './login-throttle';

describe('softLockMs', () => {
  it('locks at each batch of failures, doubling from 1 minute up to 15', () => {
    const minutes = (n: number) => softLockMs(n, DEFAULT_LOGIN_SETTINGS) / 60_000;
    expect([1, 2, 3, 4].map(minutes)).toEqual([0, 0, 0, 0]);
    expect([5, 10, 15, 20, 25, 30].map(minutes)).toEqual([1, 2, 4, 8, 15, 15]);
    expect([6, 9, 11].map(minutes)).toEqual([0, 0, 0]);
    expect(minutes(5 * 10_000)).toBe(15); // no overflow however long an attack lasts
  });
});
