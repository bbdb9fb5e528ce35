// SPF of the envelope domain must list the mail server the letters leave from, or receivers may refuse them.
import { isIP } from 'node:net';
import { spf } from 'mailauth/lib/spf';
import { dnsErrorCode, isNoRecord, txtRecords, type DnsResolve } from './dns-resolver';
import { ok, warning, type PreflightItem } from './preflight-item';

/** Where letters leave from: the SMTP_URL host, or the outbox (no SMTP server: a development install). */
export type SendingHost = { kind: 'smtp'; host: string } | { kind: 'outbox' };

async function addressesOf(host: string, resolve: DnsResolve): Promise<string[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare)) return [bare];
  const answers = await Promise.allSettled([resolve(bare, 'A'), resolve(bare, 'AAAA')]);
  return answers.flatMap((a) => (a.status === 'fulfilled' ? (a.value as string[]) : []));
}

export async function checkSpf(
  input: { envelopeDomain: string; sendingHost: SendingHost },
  resolve: DnsResolve,
): Promise<PreflightItem> {
  const domain = input.envelopeDomain;
  let record: string | undefined;
  try {
    record = (await txtRecords(resolve, domain)).find((r) => /^v=spf1(\s|$)/i.test(r.trim()));
  } catch (error) {
    if (!isNoRecord(error))
      return warning('spf', `DNS injoignable\u00a0: l’enregistrement SPF de ${domain} n’a pas pu être vérifié.`, {
        detail: dnsErrorCode(error),
      });
  }
  if (!record)
    return warning(
      'spf',
      `Aucun enregistrement SPF pour ${domain}\u00a0: publiez-en un qui autorise votre serveur d’envoi.`,
    );
  if (input.sendingHost.kind === 'outbox')
    return ok(
      'spf',
      `Enregistrement SPF présent pour ${domain}.`,
      `${record} — pas de serveur SMTP configuré (courriels écrits dans la boîte d’envoi locale)\u00a0: la couverture du serveur d’envoi se vérifiera en production.`,
    );
  const host = input.sendingHost.host;
  const ips = await addressesOf(host, resolve);
  if (ips.length === 0)
    return warning(
      'spf',
      `Adresse du serveur d’envoi ${host} introuvable\u00a0: le SPF de ${domain} n’a pas pu être comparé.`,
    );
  const results = await Promise.all(
    ips.map(async (ip) => {
      const answer = await spf({
        sender: `postmaster@${domain}`,
        ip,
        helo: host,
        resolver: resolve as never,
        maxElapsedTime: 5000,
      });
      return { ip, result: answer.status.result as string };
    }),
  );
  const uncovered = results.filter((r) => r.result !== 'pass');
  if (uncovered.length === 0)
    return ok('spf', `Le SPF de ${domain} autorise le serveur d’envoi (${ips.join(', ')}).`, record);
  if (uncovered.some((r) => r.result === 'temperror'))
    return warning('spf', `DNS injoignable\u00a0: le SPF de ${domain} n’a pas pu être évalué jusqu’au bout.`, {
      detail: record,
    });
  return warning(
    'spf',
    `Le SPF de ${domain} n’autorise pas le serveur d’envoi ${host}\u00a0: ajoutez ${uncovered.map((r) => (isIP(r.ip) === 6 ? `ip6:${r.ip}` : `ip4:${r.ip}`)).join(' ')} à l’enregistrement.`,
    { detail: `${record} (résultat\u00a0: ${uncovered.map((r) => `${r.ip} ${r.result}`).join(', ')})` },
  );
}
