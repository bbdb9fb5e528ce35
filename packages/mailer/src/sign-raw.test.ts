import { generateKeyPairSync } from 'node:crypto';
// the package entry loads BIMI and undici 8, which needs Node 22: take the DKIM verifier alone
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { describe, expect, it } from 'vitest';
import { createDkimSigner, signRaw } from './sign-raw';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const dkim = { domain: 'example.org', selector: 'crieur', privateKey: pem };

// the DNS answer mailauth asks for: only crieur._domainkey.example.org exists
const record = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
async function resolver(name: string, type: string): Promise<string[][]> {
  if (type === 'TXT' && name === 'crieur._domainkey.example.org') return [[record]];
  throw Object.assign(new Error(`no ${type} record for ${name}`), { code: 'ENOTFOUND' });
}

const message = (body: string) =>
  Buffer.from(
    [
      'From: =?UTF-8?Q?d=C3=A9mocratieS?= <lettre@example.org>',
      'To: lectrice@example.org',
      'Subject: Lettre',
      'Date: Thu, 01 Jan 2026 10:00:00 +0000',
      'Message-ID: <c1-r1@example.org>',
      'List-Id: "Lettre des membres" <membres.example.org>',
      'List-Unsubscribe: <https://crieur.example.org/unsubscribe/tok_1>,',
      ' <mailto:stop@example.org>',
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      body,
    ].join('\r\n'),
  );

async function verify(raw: Buffer) {
  const { results } = await dkimVerify(raw, { resolver });
  return results[0];
}

describe('signRaw', () => {
  it('gives a signature mailauth verifies, covering both List-Unsubscribe headers', async () => {
    const signed = signRaw(message('Bonjour  Zo=C3=A9,   \r\nlien : https://x.example/u\r\n\r\n\r\n'), dkim);
    expect(signed.toString('latin1')).toMatch(
      /^DKIM-Signature: v=1; a=rsa-sha256; c=relaxed\/relaxed; d=example\.org;/,
    );
    const result = await verify(signed);
    expect(result?.status.result).toBe('pass');
    const signedFields = result?.signingHeaders?.keys.toLowerCase().split(': ') ?? [];
    expect(signedFields).toEqual(
      expect.arrayContaining([
        'from',
        'to',
        'subject',
        'date',
        'message-id',
        'list-id',
        'list-unsubscribe',
        'list-unsubscribe-post',
        'mime-version',
        'content-type',
      ]),
    );
  });

  it('fails verification when a relay rewrites the unsubscribe target or the body', async () => {
    const signed = signRaw(message('Bonjour\r\n'), dkim).toString('latin1');
    expect((await verify(Buffer.from(signed.replace('tok_1', 'tok_2'))))?.status.result).toBe('fail');
    // mailauth calls a body hash mismatch "neutral" (RFC 6376 §6.1.3 leaves the word open)
    const body = await verify(Buffer.from(signed.replace('Bonjour', 'Bonsoir')));
    expect(body?.status.result).not.toBe('pass');
    expect(body?.bodyHash).not.toBe(body?.bodyHashExpecting);
  });

  it('signs a body without a final line break as receivers canonicalise it', async () => {
    expect((await verify(signRaw(message('pas de fin de ligne'), dkim)))?.status.result).toBe('pass');
  });

  it('signs the same way with a reused signer and a KeyObject, and keeps the message bytes', async () => {
    const raw = message('Bonjour\r\n');
    const signer = createDkimSigner({ ...dkim, privateKey });
    const signed = signer.sign(raw);
    // RSA PKCS#1 v1.5 is deterministic: same key, same bytes, same signature
    expect(signed.equals(signRaw(raw, dkim))).toBe(true);
    expect(signed.subarray(signed.length - raw.length).equals(raw)).toBe(true);
  });

  it('refuses a message without a header/body separator', () => {
    expect(() => signRaw(Buffer.from('From: a@example.org\r\n'), dkim)).toThrow(/separator/);
  });
});
