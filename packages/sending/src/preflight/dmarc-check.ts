// DMARC: a policy published for the From domain, and DKIM or SPF on a domain aligned with it (relaxed).
import { dmarc } from 'mailauth/lib/dmarc';
import type { DnsResolve } from './dns-resolver';
import { ok, warning, type PreflightItem } from './preflight-item';

export async function checkDmarc(
  input: { fromAddress: string; envelopeDomain: string; dkimDomain: string | undefined },
  resolve: DnsResolve,
): Promise<PreflightItem> {
  const fromDomain = input.fromAddress.split('@').pop()?.toLowerCase() ?? '';
  const result = await dmarc({
    headerFrom: input.fromAddress,
    spfDomains: [input.envelopeDomain],
    dkimDomains: input.dkimDomain ? [{ id: input.dkimDomain, domain: input.dkimDomain }] : [],
    resolver: resolve as never,
  }).catch(() => false as const);
  if (!result) return warning('dmarc', `L’adresse d’expédition ${input.fromAddress} n’a pas de domaine lisible.`);
  const status = result.status.result;
  if (status === 'temperror')
    return warning('dmarc', `DNS injoignable\u00a0: l’enregistrement DMARC de ${fromDomain} n’a pas pu être vérifié.`);
  if (status === 'none' || status === 'neutral')
    return warning(
      'dmarc',
      `Aucun enregistrement DMARC pour ${fromDomain}\u00a0: publiez au moins «\u202fv=DMARC1; p=none\u202f» à _dmarc.${fromDomain} (Gmail et Yahoo l’exigent pour les envois en nombre).`,
    );
  const policy = `p=${result.p}`;
  if (status === 'pass') {
    const via = [
      result.alignment.dkim.result && `DKIM (${result.alignment.dkim.result})`,
      result.alignment.spf.result && `SPF (${result.alignment.spf.result})`,
    ]
      .filter(Boolean)
      .join(' et ');
    return ok('dmarc', `DMARC de ${fromDomain} présent (${policy}) et aligné par ${via}.`, result.rr);
  }
  return warning(
    'dmarc',
    `Le domaine d’expédition ${fromDomain} n’est aligné ni avec la signature DKIM ni avec le SPF\u00a0: utilisez une adresse d’expédition du domaine ${input.dkimDomain ?? input.envelopeDomain}, ou signez avec ce domaine.`,
    { detail: `${result.rr ?? ''} — DKIM\u00a0: ${input.dkimDomain ?? 'aucune'}, SPF\u00a0: ${input.envelopeDomain}` },
  );
}
