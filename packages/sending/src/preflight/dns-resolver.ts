// The preflight's DNS: the servers of DNS_SERVERS (or the system's), 2 s a question, one try.
import { Resolver } from 'node:dns/promises';

/** dns.promises.resolve's shape, which mailauth's SPF and DMARC code takes as its `resolver`. */
export type DnsResolve = (name: string, rrtype: string) => Promise<unknown>;

export const DNS_TIMEOUT_MS = 2000;

export function createDnsResolve(
  options: { servers?: readonly string[] | undefined; timeoutMs?: number } = {},
): DnsResolve {
  const resolver = new Resolver({ timeout: options.timeoutMs ?? DNS_TIMEOUT_MS, tries: 1 });
  if (options.servers?.length) resolver.setServers([...options.servers]);
  return (name, rrtype) => resolver.resolve(name, rrtype);
}

const codeOf = (error: unknown) => (error as { code?: unknown } | null)?.code;

/** The name does not exist (NXDOMAIN) or has no record of the type asked: an answer, not an outage. */
export const isNoRecord = (error: unknown) => codeOf(error) === 'ENOTFOUND' || codeOf(error) === 'ENODATA';

/** "ECONNREFUSED", "ETIMEOUT", "ESERVFAIL"…: what the resolver said, for the detail line. */
export const dnsErrorCode = (error: unknown) => {
  const code = codeOf(error);
  return typeof code === 'string' ? code : 'erreur DNS';
};

/** The TXT records of a name, each one's strings joined (a long record comes in 255-byte pieces). */
export async function txtRecords(resolve: DnsResolve, name: string): Promise<string[]> {
  const rows = (await resolve(name, 'TXT')) as (string | string[])[];
  return rows.map((row) => (Array.isArray(row) ? row.join('') : String(row)));
}
