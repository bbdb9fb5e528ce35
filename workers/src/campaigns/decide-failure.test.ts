import { describe, expect, it } from 'vitest';
import { decideFailure, type SendFailure } from './decide-failure';

const now = new Date('2026-05-04T08:00:00Z');
const policy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 5000 };
const failure = (over: Partial<SendFailure>): SendFailure => ({ code: undefined, enhancedCode: undefined, suppress: false, maybeDelivered: false, reason: 'x', ...over });

describe('decideFailure', () => {
  it.each([421, 450, 451, 452, 454])('retries %i with a growing, capped delay, then fails', (code) => {
    const delays = [1, 2, 3].map((attempt) => {
      const d = decideFailure(failure({ code }), attempt, now, policy);
      expect(d.status).toBe('queued');
      return d.status === 'queued' ? d.retryAt.getTime() - now.getTime() : 0;
    });
    expect(delays).toEqual([1000, 2000, 4000]);
    expect(decideFailure(failure({ code }), 4, now, policy)).toEqual({ status: 'failed', suppress: false, serverTrouble: true });
  });

  it('caps the delay', () => {
    const d = decideFailure(failure({ code: 451 }), 3, now, { ...policy, maxDelayMs: 2500, maxAttempts: 9 });
    expect(d.status === 'queued' && d.retryAt.getTime() - now.getTime()).toBe(2500);
  });

  it('fails a 5xx at once, suppressing only when told (5.1.x)', () => {
    expect(decideFailure(failure({ code: 550, enhancedCode: '5.1.1', suppress: true }), 1, now, policy)).toEqual({ status: 'failed', suppress: true, serverTrouble: false });
    expect(decideFailure(failure({ code: 552, enhancedCode: '5.3.4' }), 1, now, policy)).toEqual({ status: 'failed', suppress: false, serverTrouble: false });
  });

  it('requeues a connection failure before the message, and never resends one that may have arrived', () => {
    expect(decideFailure(failure({}), 1, now, policy).status).toBe('queued');
    expect(decideFailure(failure({ maybeDelivered: true }), 1, now, policy)).toEqual({ status: 'uncertain', serverTrouble: true });
  });
});
