// No zod here: the test-send dialog checks what is typed with the same rule the server applies.

/** How many reviewers one test send reaches. */
export const TEST_ADDRESSES_MAX = 5;

// zod's own email pattern (z.email()), so the dialog and the server agree on what an address is
const EMAIL = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/**
 * "a@x.fr, b@y.fr; c@z.fr" (commas, semicolons or new lines) or a list: each address trimmed, empty pieces
 * dropped, the same address given twice kept once whatever its case, in the order given.
 */
export function splitTestAddresses(input: string | readonly string[]): string[] {
  const pieces = (typeof input === 'string' ? [input] : input).flatMap((value) => value.split(/[,;\n\r]+/));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const piece of pieces) {
    const address = piece.trim();
    const key = address.toLowerCase();
    if (!address || seen.has(key)) continue;
    seen.add(key);
    out.push(address);
  }
  return out;
}

/** What is wrong with a list of test addresses, one French sentence each; empty when it can be sent. */
export function testAddressProblems(addresses: readonly string[]): string[] {
  if (addresses.length === 0) return ['Indiquez au moins une adresse.'];
  const problems = addresses
    .filter((address) => address.length > 320 || !EMAIL.test(address))
    .map((address) => `«\u00a0${address}\u00a0» n’est pas une adresse valide.`);
  if (addresses.length > TEST_ADDRESSES_MAX)
    problems.push(`${TEST_ADDRESSES_MAX} adresses au plus\u00a0: vous en avez indiqué ${addresses.length}.`);
  return problems;
}
