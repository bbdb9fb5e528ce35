// The DKIM selector's public key in the DNS must be the one of DKIM_PRIVATE_KEY, or every signature fails.
import { createPublicKey } from 'node:crypto';
import { dnsErrorCode, isNoRecord, txtRecords, type DnsResolve } from './dns-resolver';
import { block, ok, warning, type PreflightItem } from './preflight-item';

export type DkimSetting = { domain: string; selector: string; privateKey: string };

/** DKIM tags ("v=DKIM1; k=rsa; p=MIIB…") as a map; spaces inside p= are folding, not data. */
export function dkimTags(record: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const part of record.split(';')) {
    const at = part.indexOf('=');
    if (at > 0) tags.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).replace(/\s+/g, ''));
  }
  return tags;
}

/** The public key as DNS publishes it: SPKI DER in base64 for RSA, the raw 32 bytes for ed25519 (RFC 8463). */
export function publishedKeyOf(privateKey: string): { k: 'rsa' | 'ed25519'; p: string } {
  const key = createPublicKey(privateKey);
  const der = key.export({ type: 'spki', format: 'der' });
  if (key.asymmetricKeyType === 'ed25519') return { k: 'ed25519', p: der.subarray(der.length - 32).toString('base64') };
  return { k: 'rsa', p: der.toString('base64') };
}

export async function checkDkim(dkim: DkimSetting | undefined, resolve: DnsResolve): Promise<PreflightItem> {
  if (!dkim)
    return warning(
      'dkim',
      'Les lettres ne sont pas signées (DKIM)\u00a0: réglez DKIM_DOMAIN, DKIM_SELECTOR et DKIM_PRIVATE_KEY, sinon Gmail et Yahoo risquent de les classer en indésirables.',
    );
  const name = `${dkim.selector}._domainkey.${dkim.domain}`;
  let expected: { k: string; p: string };
  try {
    expected = publishedKeyOf(dkim.privateKey);
  } catch {
    return block('dkim', 'La clé DKIM_PRIVATE_KEY est illisible\u00a0: remplacez-la par une clé PEM valide.');
  }
  let records: string[];
  try {
    records = (await txtRecords(resolve, name)).filter((r) => /(^|;)\s*p\s*=/i.test(r));
  } catch (error) {
    if (isNoRecord(error))
      return block(
        'dkim',
        `Aucune clé DKIM publiée à ${name}\u00a0: publiez l’enregistrement TXT de la clé avant d’envoyer.`,
        {
          detail: `${dnsErrorCode(error)} pour ${name}`,
        },
      );
    return warning('dkim', `DNS injoignable\u00a0: la clé DKIM de ${name} n’a pas pu être vérifiée.`, {
      detail: dnsErrorCode(error),
    });
  }
  if (records.length === 0)
    return block(
      'dkim',
      `Aucune clé DKIM publiée à ${name}\u00a0: publiez l’enregistrement TXT de la clé avant d’envoyer.`,
    );
  const published = records.map(dkimTags);
  if (published.some((tags) => tags.get('p') === expected.p))
    return ok('dkim', `La clé DKIM publiée à ${name} correspond à la clé de signature.`);
  return block(
    'dkim',
    `La clé DKIM publiée à ${name} ne correspond pas à DKIM_PRIVATE_KEY\u00a0: les signatures échoueraient. Publiez la bonne clé ou corrigez le réglage.`,
    {
      detail: `publiée\u00a0: p=${(published[0]?.get('p') ?? '').slice(0, 24)}…, attendue\u00a0: p=${expected.p.slice(0, 24)}…`,
    },
  );
}
