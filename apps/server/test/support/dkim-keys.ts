import { generateKeyPairSync } from 'node:crypto';

/** A DKIM signing key (PEM, for DKIM_PRIVATE_KEY) and the TXT record that publishes its public half. */
export function dkimKeyPair(): { pem: string; record: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    record: `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`,
  };
}
