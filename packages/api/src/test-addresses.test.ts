import { describe, expect, it } from 'vitest';
import { TestSendBody } from './campaigns';
import { configureFrenchValidation } from './french-issues';
import { splitTestAddresses, testAddressProblems } from './test-addresses';

configureFrenchValidation();

describe('test addresses', () => {
  it('splits on commas, semicolons and new lines, trims, and keeps each address once whatever its case', () => {
    expect(splitTestAddresses(' marie@icpc.example, paul@icpc.example;\nMarie@ICPC.example\r\n\n, ')).toEqual([
      'marie@icpc.example',
      'paul@icpc.example',
    ]);
    expect(splitTestAddresses(['a@b.fr, c@d.fr', 'A@B.fr'])).toEqual(['a@b.fr', 'c@d.fr']);
  });

  it('names each wrong address, and says how many is too many', () => {
    expect(testAddressProblems(['marie@', 'paul@icpc.example'])).toEqual([
      '«\u00a0marie@\u00a0» n’est pas une adresse valide.',
    ]);
    const six = Array.from({ length: 6 }, (_, i) => `relecture${i}@icpc.example`);
    expect(testAddressProblems(six)).toEqual(['5 adresses au plus\u00a0: vous en avez indiqué 6.']);
    expect(testAddressProblems([])).toEqual(['Indiquez au moins une adresse.']);
  });

  it('is the contract of the test send: one text or a list, the same answer', () => {
    expect(TestSendBody.parse({ addresses: 'a@b.fr; c@d.fr' })).toEqual({ addresses: ['a@b.fr', 'c@d.fr'] });
    expect(TestSendBody.parse({ addresses: ['a@b.fr', 'c@d.fr'] })).toEqual({ addresses: ['a@b.fr', 'c@d.fr'] });
    const refused = TestSendBody.safeParse({ addresses: 'a@b.fr, marie@' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => issue.message)).toEqual([
      '«\u00a0marie@\u00a0» n’est pas une adresse valide.',
    ]);
  });
});
