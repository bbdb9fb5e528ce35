import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { legacyTokenHash, linkKey, linkToken, linkTokens, readLinkToken } from './link-tokens';

const key = linkKey('x'.repeat(40));

describe('link tokens', () => {
  it('gives back the id it signed, for its purpose only', () => {
    const id = randomUUID();
    const token = linkToken(key, 'unsubscribe', id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{46}$/);
    expect(readLinkToken(key, 'unsubscribe', token)).toBe(id);
    expect(linkToken(key, 'unsubscribe', id)).toBe(token);
    // an unsubscribe link is no preferences link (which can erase)
    expect(readLinkToken(key, 'preferences', token)).toBeNull();
  });

  it('refuses a token signed with another secret, altered, or of another shape', () => {
    const id = randomUUID();
    const token = linkToken(key, 'preferences', id);
    expect(readLinkToken(linkKey('y'.repeat(40)), 'preferences', token)).toBeNull();
    const flipped = token.slice(0, 30) + (token[30] === 'A' ? 'B' : 'A') + token.slice(31);
    expect(readLinkToken(key, 'preferences', flipped)).toBeNull();
    // another id with this id's signature
    const other = linkToken(key, 'preferences', randomUUID());
    expect(readLinkToken(key, 'preferences', other.slice(0, 22) + token.slice(22))).toBeNull();
    for (const bad of ['', 'essai', token + 'x', token.slice(0, 45) + '!', 'a'.repeat(46)])
      expect(readLinkToken(key, 'preferences', bad)).toBeNull();
  });

  it('hashes a legacy token as the migration did in SQL (sha256 hex)', () => {
    expect(legacyTokenHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('reads a signed link as its id, anything else as the hash an old token was kept as', () => {
    const links = linkTokens(key);
    const id = randomUUID();
    expect(links.read('unsubscribe', links.unsubscribe(id))).toEqual({ id });
    expect(links.read('preferences', 'ancien-jeton')).toEqual({ legacyHash: legacyTokenHash('ancien-jeton') });
  });
});
