import { legacyTokenHash, linkToken, readLinkToken } from '@crieur/auth';
import type { LinkTokens } from './context';

/** The server's link tokens from the key derived from APP_SECRET (the workers derive the same). */
export function linkLinks(key: Buffer): LinkTokens {
  return {
    unsubscribe: (id) => linkToken(key, 'unsubscribe', id),
    preferences: (id) => linkToken(key, 'preferences', id),
    read(purpose, token) {
      const id = readLinkToken(key, purpose, token);
      return id ? { id } : { legacyHash: legacyTokenHash(token) };
    },
  };
}
