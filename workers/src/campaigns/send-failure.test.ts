import { describe, expect, it } from 'vitest';
import { SmtpSendError } from '@crieur/mailer';
import { toSendFailure } from './send-failure';

const nodemailerError = (fields: Record<string, unknown>) => Object.assign(new Error('failed'), fields);

describe('toSendFailure', () => {
  it('knows a refused connection delivered nothing', () => {
    expect(toSendFailure(SmtpSendError.from(nodemailerError({ code: 'ECONNECTION', command: 'CONN' })))).toMatchObject({ code: undefined, maybeDelivered: false, reason: 'ECONNECTION at CONN' });
  });

  it('treats a timeout once the message was handed over as maybe delivered', () => {
    expect(toSendFailure(SmtpSendError.from(nodemailerError({ code: 'ETIMEDOUT', command: 'DATA' })))).toMatchObject({ maybeDelivered: true });
    expect(toSendFailure(new Error('socket hang up'))).toMatchObject({ maybeDelivered: true, reason: 'no reply' });
  });

  it('keeps the reply code and enhanced status, never the server text', () => {
    const failure = toSendFailure(SmtpSendError.from(nodemailerError({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550, response: '550 5.1.1 <marie@example.org> unknown' })));
    expect(failure).toEqual({ code: 550, enhancedCode: '5.1.1', suppress: true, maybeDelivered: false, reason: '550 5.1.1' });
    expect(JSON.stringify(failure)).not.toContain('marie');
  });
});
