import { describe, expect, it } from 'vitest';
import { campaignFrom, listDomain, mailFromAddress } from './sender-address';

describe('the sending identity', () => {
  it('puts the campaign sender name on the MAIL_FROM address, quoted', () => {
    expect(campaignFrom({ fromName: 'L’équipe "ICPC"', mailFrom: 'Crieur <lettre@icpc.example>' })).toBe(
      '"L’équipe \\"ICPC\\"" <lettre@icpc.example>',
    );
    expect(campaignFrom({ fromName: '', mailFrom: 'Crieur <lettre@icpc.example>' })).toBe(
      'Crieur <lettre@icpc.example>',
    );
    expect(campaignFrom({ fromName: 'ICPC', mailFrom: 'lettre@icpc.example' })).toBe('"ICPC" <lettre@icpc.example>');
  });

  it('gives a dotted List-Id domain even on localhost', () => {
    expect(listDomain('http://localhost:3000')).toBe('localhost.local');
    expect(listDomain('https://democraties.example')).toBe('democraties.example');
  });

  it('reads the bare address of MAIL_FROM', () => {
    expect(mailFromAddress('démocratieS <lettre@icpc.example>')).toBe('lettre@icpc.example');
    expect(mailFromAddress(' lettre@icpc.example ')).toBe('lettre@icpc.example');
  });
});
