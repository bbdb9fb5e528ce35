import { describe, expect, it } from 'vitest';
import { SmtpSendError } from '@crieur/mailer';
import { redactAddresses, scrubError } from './redact';

describe('redactAddresses', () => {
  it('hides addresses in SMTP replies and keeps the rest', () => {
    expect(redactAddresses('550 5.1.1 <Jeanne.Dupont@example.org>: Recipient address rejected')).toBe(
      '550 5.1.1 <[address]>: Recipient address rejected',
    );
    expect(redactAddresses('no address here')).toBe('no address here');
  });
});

describe('scrubError', () => {
  it("keeps a failed query's class and code, never its parameters", () => {
    const error = Object.assign(
      new Error(
        'Failed query: insert into subscribers (email, name) values ($1, $2)\nparams: jeanne@example.org,Jeanne Dupont',
      ),
      { code: '23505' },
    );
    error.name = 'DrizzleQueryError';
    const safe = scrubError(error) as Error & { code?: string };
    expect(safe).toMatchObject({ name: 'DrizzleQueryError', code: '23505' });
    expect(safe.message).not.toContain('jeanne@example.org');
    expect(safe.message).not.toContain('Jeanne Dupont');
  });

  it('passes our SMTP errors through: their message never quotes the server', () => {
    const smtp = SmtpSendError.from(
      Object.assign(new Error('x'), { responseCode: 451, response: '451 <a@b.example> busy' }),
    );
    expect(scrubError(smtp)).toBe(smtp);
  });
});
