import { describe, expect, it } from 'vitest';
import { decodeEntry, encodeEntry, HANDED, workerIdOf } from './journal-entry';

const now = new Date('2026-05-04T08:00:00Z');

describe('journal entries', () => {
  it('round-trips every outcome a message can have', () => {
    const retryAt = new Date('2026-05-04T08:05:00Z');
    const outcomes = [
      { subscriberId: 'a', status: 'sent', response: '250 2.0.0 Ok: queued as X|Y' },
      { subscriberId: 'a', status: 'failed', error: '550 5.1.1' },
      { subscriberId: 'a', status: 'uncertain', error: 'no reply after the message' },
      { subscriberId: 'a', status: 'queued', error: '451 4.7.1', retryAt },
    ] as const;
    for (const outcome of outcomes) expect(decodeEntry('a', encodeEntry(outcome)!, now)).toEqual(outcome);
  });

  it('a handed message with no reply is uncertain; a row never mentioned goes back untried', () => {
    expect(decodeEntry('a', HANDED, now)).toEqual({
      subscriberId: 'a',
      status: 'uncertain',
      error: 'worker stopped while sending',
    });
    expect(decodeEntry('a', undefined, now)).toEqual({
      subscriberId: 'a',
      status: 'queued',
      error: 'not attempted',
      retryAt: now,
      released: true,
    });
  });

  it('writes nothing for rows that were never handed over', () => {
    expect(encodeEntry({ subscriberId: 'a', status: 'skipped', error: 'unsubscribed' })).toBeNull();
    expect(encodeEntry({ subscriberId: 'a', status: 'queued', error: 'x', retryAt: now, released: true })).toBeNull();
  });

  it('names the worker of a claim', () => {
    expect(workerIdOf('4f1c.17')).toBe('4f1c');
  });
});
