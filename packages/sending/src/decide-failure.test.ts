import { describe, expect, it } from 'vitest';
import { decideFailure, reasonInFrench, toSendFailure, type SendFailure } from './decide-failure';

const now = new Date('2026-05-04T08:00:00Z');
const policy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 5000 };
const failure = (over: Partial<SendFailure>): SendFailure => ({
  code: undefined,
  enhancedCode: undefined,
  suppress: false,
  stage: 'before-data',
  reason: 'x',
  ...over,
});

describe('decideFailure', () => {
  it.each([450, 451, 452, 454])('retries %i with a growing, capped delay, then fails', (code) => {
    const delays = [1, 2, 3].map((attempt) => {
      const d = decideFailure(failure({ code }), attempt, now, policy);
      expect(d).toMatchObject({ status: 'queued', released: false });
      return d.status === 'queued' ? d.retryAt.getTime() - now.getTime() : 0;
    });
    expect(delays).toEqual([1000, 2000, 4000]);
    expect(decideFailure(failure({ code }), 4, now, policy)).toEqual({
      status: 'failed',
      suppress: false,
      serverTrouble: true,
    });
  });

  it('caps the delay', () => {
    const d = decideFailure(failure({ code: 451 }), 3, now, { ...policy, maxDelayMs: 2500, maxAttempts: 9 });
    expect(d.status === 'queued' && d.retryAt.getTime() - now.getTime()).toBe(2500);
  });

  it('fails a 5xx at once, suppressing only when told (5.1.x)', () => {
    expect(decideFailure(failure({ code: 550, enhancedCode: '5.1.1', suppress: true }), 1, now, policy)).toEqual({
      status: 'failed',
      suppress: true,
      serverTrouble: false,
    });
    expect(decideFailure(failure({ code: 552, enhancedCode: '5.3.4', stage: 'data' }), 1, now, policy)).toEqual({
      status: 'failed',
      suppress: false,
      serverTrouble: false,
    });
  });

  it('releases what never reached the server without counting an attempt: no connection, or 421', () => {
    expect(decideFailure(failure({}), 5, now, policy)).toEqual({
      status: 'queued',
      retryAt: now,
      released: true,
      serverTrouble: true,
    });
    expect(decideFailure(failure({ code: 421 }), 5, now, policy)).toMatchObject({ status: 'queued', released: true });
  });

  it('never resends a message whose DATA had started, nor one whose stage is unknown', () => {
    expect(decideFailure(failure({ stage: 'data' }), 1, now, policy)).toEqual({
      status: 'uncertain',
      serverTrouble: true,
    });
    expect(decideFailure(failure({ stage: 'unknown' }), 1, now, policy)).toEqual({
      status: 'uncertain',
      serverTrouble: true,
    });
  });
});

describe('toSendFailure', () => {
  it('takes the stage from the transport, never from anything else', () => {
    expect(toSendFailure({ stage: 'data', command: 'CONN', code: undefined })).toMatchObject({
      stage: 'data',
      reason: 'no reply after the message',
    });
    expect(toSendFailure({ stage: 'before-data' })).toMatchObject({ stage: 'before-data', reason: 'no connection' });
    // anything that is not the transport's own error is unknown, so never resent
    expect(toSendFailure(new Error('socket hang up'))).toMatchObject({ stage: 'unknown' });
  });

  it('keeps the reply code and enhanced status, never the server text', () => {
    const f = toSendFailure({
      code: 550,
      enhancedCode: '5.1.1',
      suppress: true,
      stage: 'before-data',
      response: '550 5.1.1 <marie@example.org> unknown',
    });
    expect(f).toEqual({
      code: 550,
      enhancedCode: '5.1.1',
      suppress: true,
      stage: 'before-data',
      reason: '550 5.1.1',
      throttle: false,
    });
    expect(JSON.stringify(f)).not.toContain('marie');
  });
});

describe('a provider asking us to slow down', () => {
  it.each([
    [421, '4.7.0', 'RCPT TO'],
    [421, undefined, 'DATA'],
    [454, undefined, 'RCPT TO'],
    [450, '4.7.1', 'RCPT TO'],
    [451, '4.7.650', 'DATA'],
  ])('%i %s in reply to %s is a throttle of the recipient’s provider', (code, enhancedCode, command) => {
    expect(toSendFailure({ code, enhancedCode, command, stage: 'before-data' }).throttle).toBe(true);
  });

  it('reads a pipelined RCPT’s 421 as nodemailer reports it: the server closing the session mid-transaction', () => {
    const closing = { code: 421, enhancedCode: '4.7.0', command: 'CONN', stage: 'before-data' };
    expect(toSendFailure({ ...closing, errorCode: 'ECONNECTION' }).throttle).toBe(true);
    // a refused greeting is the whole server's
    expect(toSendFailure({ ...closing, errorCode: 'EPROTOCOL' }).throttle).toBe(false);
  });

  it.each([
    [421, undefined, 'MAIL FROM'],
    [421, '4.4.2', 'CONN'],
    [451, '4.3.0', 'RCPT TO'],
    [550, '5.7.1', 'RCPT TO'],
  ])('%i %s in reply to %s is not: the whole server, or another refusal', (code, enhancedCode, command) => {
    expect(toSendFailure({ code, enhancedCode, command, stage: 'before-data' }).throttle).toBe(false);
  });

  it('releases a 421 or 454 throttle at once, uncounted, without calling it server trouble', () => {
    for (const code of [421, 454])
      expect(decideFailure(failure({ code, throttle: true }), 5, now, policy)).toEqual({
        status: 'queued',
        retryAt: now,
        released: true,
        serverTrouble: false,
      });
  });

  it('counts another 4.7.x like any 4xx (it may be this recipient refused), without server trouble', () => {
    const f = failure({ code: 450, enhancedCode: '4.7.1', throttle: true });
    expect(decideFailure(f, 2, now, policy)).toEqual({
      status: 'queued',
      retryAt: new Date(now.getTime() + 2000),
      released: false,
      serverTrouble: false,
    });
    expect(decideFailure(f, 4, now, policy)).toEqual({ status: 'failed', suppress: false, serverTrouble: false });
  });
});

describe('reasonInFrench', () => {
  it("says the transport's codes in French and keeps a reply code as it came", () => {
    expect(reasonInFrench('no connection')).toBe('pas de connexion au serveur');
    expect(reasonInFrench('no reply after the message')).toBe('pas de réponse après l’envoi du message');
    expect(reasonInFrench('451 4.7.1')).toBe('451 4.7.1');
  });
});
