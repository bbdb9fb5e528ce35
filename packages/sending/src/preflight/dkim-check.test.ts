// DNS answers as data for the key comparison; real DNS (NXDOMAIN, no server) in apps/server/test/preflight.test.ts.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkDkim, dkimTags, publishedKeyOf } from './dkim-check';

const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
const pem = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const p = rsa.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
const dkim = { domain: 'example.test', selector: 'sel', privateKey: pem };
const answering = (records: Record<string, string[][]>) => async (name: string) => {
  const found = records[name];
  if (!found) throw new Error(`unexpected question: ${name}`);
  return found;
};

describe('checkDkim', () => {
  it('matches the published key, even split into 255-byte strings and folded with spaces', async () => {
    const folded = `v=DKIM1; k=rsa; p=${p.slice(0, 100)} ${p.slice(100)}`;
    const resolve = answering({ 'sel._domainkey.example.test': [[folded.slice(0, 255), folded.slice(255)]] });
    expect(await checkDkim(dkim, resolve)).toMatchObject({ code: 'dkim', level: 'ok' });
  });

  // a missing record (a real NXDOMAIN) and an unreachable DNS are tested against a DNS server in apps/server
  it('blocks on another key and on a revoked key (p=)', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'der' });
    const wrong = answering({ 'sel._domainkey.example.test': [[`v=DKIM1; p=${other.toString('base64')}`]] });
    expect(await checkDkim(dkim, wrong)).toMatchObject({
      level: 'block',
      message: expect.stringContaining('ne correspond pas'),
    });
    const revoked = answering({ 'sel._domainkey.example.test': [['v=DKIM1; p=']] });
    expect((await checkDkim(dkim, revoked)).level).toBe('block');
  });

  it('without DKIM settings it warns, and asks no DNS', async () => {
    expect((await checkDkim(undefined, answering({}))).level).toBe('warning');
  });

  it('ed25519 keys are published raw (RFC 8463)', () => {
    const ed = generateKeyPairSync('ed25519');
    const published = publishedKeyOf(ed.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    expect(published.k).toBe('ed25519');
    expect(Buffer.from(published.p, 'base64')).toHaveLength(32);
  });

  it('reads DKIM tags', () => {
    expect(Object.fromEntries(dkimTags('v=DKIM1; k=rsa; p=AB CD'))).toEqual({ v: 'DKIM1', k: 'rsa', p: 'ABCD' });
  });
});
