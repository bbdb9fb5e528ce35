import { describe, expect, it } from 'vitest';
import { classifySmtpError, SmtpSendError } from './classify-smtp-error';

// shaped like nodemailer's errors: a string code, the reply text and its numeric code
const smtpError = (response: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`Can't send mail: ${response}`), {
    code: 'EENVELOPE',
    response,
    responseCode: Number(response.slice(0, 3)),
    ...extra,
  });

describe('classifySmtpError', () => {
  it.each([
    '421 4.7.0 Try again later',
    '450 4.2.1 Mailbox busy',
    '451 4.3.0 Local error',
    '452 4.3.1 Insufficient storage',
    '454 4.7.1 Relay access denied',
  ])('treats %s as transient', (response) => {
    expect(classifySmtpError(smtpError(response))).toMatchObject({
      permanent: false,
      suppress: false,
      code: Number(response.slice(0, 3)),
    });
  });

  it.each([
    ['550 5.1.1 <x@example.org>: Recipient address rejected', '5.1.1'],
    ['550-5.1.1 The email account that you tried to reach does not exist.', '5.1.1'],
    ['550 5.1.10 Recipient address has null MX', '5.1.10'],
    ['553 5.1.3 Bad recipient address syntax', '5.1.3'],
  ])('treats %s as a bad address to suppress', (response, enhancedCode) => {
    expect(classifySmtpError(smtpError(response))).toEqual({
      permanent: true,
      suppress: true,
      code: Number(response.slice(0, 3)),
      enhancedCode,
      response,
      stage: 'unknown',
      command: undefined,
      errorCode: 'EENVELOPE',
    });
  });

  it('treats other 5xx as permanent without suppressing the address', () => {
    expect(classifySmtpError(smtpError('552 5.2.2 Mailbox full'))).toMatchObject({
      permanent: true,
      suppress: false,
      enhancedCode: '5.2.2',
    });
    expect(classifySmtpError(smtpError('554 5.7.1 Message rejected as spam'))).toMatchObject({
      permanent: true,
      suppress: false,
    });
    expect(classifySmtpError(smtpError('550 No such user here'))).toMatchObject({
      permanent: true,
      suppress: false,
      enhancedCode: undefined,
    });
  });

  it('does not suppress the recipient when our sender address is the problem', () => {
    expect(classifySmtpError(smtpError('553 5.1.8 Sender domain does not exist'))).toMatchObject({
      permanent: true,
      suppress: false,
    });
    expect(classifySmtpError(smtpError('550 5.1.0 Sender rejected', { command: 'MAIL FROM' }))).toMatchObject({
      permanent: true,
      suppress: false,
    });
  });

  it('never suppresses on a transient reply, whatever the enhanced code says', () => {
    expect(classifySmtpError(smtpError('450 5.1.1 Odd server'))).toMatchObject({ permanent: false, suppress: false });
  });

  it.each(['ECONNREFUSED', 'ETIMEDOUT', 'ESOCKET', 'ECONNECTION', 'EDNS'])(
    'treats a %s connection error as transient',
    (code) => {
      const error = Object.assign(new Error('connect failed'), { code });
      expect(classifySmtpError(error)).toEqual({
        permanent: false,
        suppress: false,
        code: undefined,
        enhancedCode: undefined,
        response: 'connect failed',
        stage: 'unknown',
        command: undefined,
        errorCode: code,
      });
    },
  );

  // the socket-level tests (test/raw-smtp-stage.test.ts) show the raw pool sets dataStarted; here only its reading
  it('takes the stage from a dataStarted boolean alone, never from the command', () => {
    const failed = (extra: Record<string, unknown>) => Object.assign(new Error('Connection closed'), extra);
    expect(classifySmtpError(failed({ dataStarted: true, command: 'CONN' })).stage).toBe('data');
    expect(classifySmtpError(failed({ dataStarted: false, command: 'DATA' })).stage).toBe('before-data');
    expect(classifySmtpError(failed({ command: 'DATA' })).stage).toBe('unknown');
    expect(classifySmtpError(failed({ dataStarted: 'yes' })).stage).toBe('unknown');
  });

  it('reads the code from the reply text when responseCode is missing, and copes with non-errors', () => {
    expect(classifySmtpError({ response: '550 5.1.1 Unknown' })).toMatchObject({
      code: 550,
      permanent: true,
      suppress: true,
    });
    expect(classifySmtpError('boom')).toEqual({
      permanent: false,
      suppress: false,
      code: undefined,
      enhancedCode: undefined,
      response: 'boom',
      stage: 'unknown',
      command: undefined,
      errorCode: undefined,
    });
    expect(classifySmtpError(undefined)).toMatchObject({ permanent: false });
  });
});

describe('SmtpSendError', () => {
  it('carries the classification and keeps the server text out of its message', () => {
    const error = SmtpSendError.from(smtpError('550 5.1.1 <x@example.org>: Recipient address rejected'));
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'SmtpSendError',
      code: 550,
      enhancedCode: '5.1.1',
      permanent: true,
      suppress: true,
    });
    expect(error.message).toBe('SMTP send failed (550 5.1.1, permanent)');
    expect(error.response).toContain('Recipient address rejected');
  });

  it('carries the stage, which a sender that knows it may set', () => {
    const closed = Object.assign(new Error('Connection closed'), { code: 'ECONNECTION', dataStarted: true });
    expect(SmtpSendError.from(closed)).toMatchObject({ stage: 'data', permanent: false, code: undefined });
    const unwritable = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    expect(SmtpSendError.from(unwritable).stage).toBe('unknown');
    expect(SmtpSendError.from(unwritable, 'before-data')).toMatchObject({ stage: 'before-data', errorCode: 'EACCES' });
  });
});
