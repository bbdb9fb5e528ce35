import { describe, expect, it } from 'vitest';
import { redactAddresses } from './redact';

describe('redactAddresses', () => {
  it('hides addresses in SMTP replies and keeps the rest', () => {
    expect(redactAddresses('550 5.1.1 <Jeanne.Dupont@example.org>: Recipient address rejected')).toBe('550 5.1.1 <[address]>: Recipient address rejected');
    expect(redactAddresses('no address here')).toBe('no address here');
  });
});
