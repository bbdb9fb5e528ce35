// Unsubscribe and preferences links: the row's id signed with a key derived from APP_SECRET. The
// database keeps no token at all, so whoever reads a backup of it cannot unsubscribe or erase anyone.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type LinkPurpose = 'unsubscribe' | 'preferences';

const MAC_BYTES = 18;
const ID_CHARS = 22; // 16 bytes of a uuid in base64url
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The key for link tokens, derived once from APP_SECRET: sessions and links never share a key. */
export function linkKey(appSecret: string): Buffer {
  return createHmac('sha256', appSecret).update('crieur link tokens v1').digest();
}

const mac = (key: Buffer, purpose: LinkPurpose, id: Buffer) =>
  createHmac('sha256', key).update(purpose).update(id).digest().subarray(0, MAC_BYTES);

/** `<id><mac>`, 46 URL-safe characters, the same every time for one row (links in old emails keep working). */
export function linkToken(key: Buffer, purpose: LinkPurpose, uuid: string): string {
  if (!UUID.test(uuid)) throw new Error('link tokens sign uuids');
  const id = Buffer.from(uuid.replace(/-/g, ''), 'hex');
  return `${id.toString('base64url')}${mac(key, purpose, id).toString('base64url')}`;
}

/** The row id a token was made for, or null when it is not one of ours (wrong key, purpose or shape). */
export function readLinkToken(key: Buffer, purpose: LinkPurpose, token: string): string | null {
  if (token.length !== ID_CHARS + 24 || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const id = Buffer.from(token.slice(0, ID_CHARS), 'base64url');
  const given = Buffer.from(token.slice(ID_CHARS), 'base64url');
  if (id.length !== 16 || given.length !== MAC_BYTES || !timingSafeEqual(given, mac(key, purpose, id))) return null;
  const hex = id.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Tokens from before signed links were stored as they are; the migration kept only this hash of each. */
export const legacyTokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export type LinkTokens = {
  unsubscribe(subscriptionId: string): string;
  preferences(subscriberId: string): string;
  /** what a link names: the row's id when signed with this key, otherwise the hash an old token was kept as */
  read(purpose: LinkPurpose, token: string): { id: string } | { legacyHash: string };
};

/** The links of every process that writes or reads them (server, workers): one key, one shape. */
export function linkTokens(key: Buffer): LinkTokens {
  return {
    unsubscribe: (id) => linkToken(key, 'unsubscribe', id),
    preferences: (id) => linkToken(key, 'preferences', id),
    read(purpose, token) {
      const id = readLinkToken(key, purpose, token);
      return id ? { id } : { legacyHash: legacyTokenHash(token) };
    },
  };
}
