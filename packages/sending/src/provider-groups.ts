// Which provider group a recipient's domain belongs to (pure): the freeze stores it on each ledger row.

/** A group of destination domains paced together ("outlook.*": that first label under any suffix). */
export type ProviderGroup = { name: string; domains: string[]; rate: number | null };

/** Every domain no group names. */
export const OTHER_PROVIDER = 'autres';

/** The groups as the freeze's SQL takes them: exact domains, and prefixes ("outlook.") for the wildcards. */
export function providerMatchers(groups: ProviderGroup[]): {
  exact: { domains: string[]; providers: string[] };
  prefix: { prefixes: string[]; providers: string[] };
} {
  const exact = { domains: [] as string[], providers: [] as string[] };
  const prefix = { prefixes: [] as string[], providers: [] as string[] };
  for (const g of groups) {
    for (const d of g.domains) {
      if (d.endsWith('.*')) {
        prefix.prefixes.push(d.slice(0, -1));
        prefix.providers.push(g.name);
      } else {
        exact.domains.push(d);
        exact.providers.push(g.name);
      }
    }
  }
  return { exact, prefix };
}

/** The group of an address, as the freeze decides it: an exact domain first, then the first matching prefix. */
export function providerOf(email: string, groups: ProviderGroup[]): string {
  const domain = email.trim().toLowerCase().split('@').pop() ?? '';
  const { exact, prefix } = providerMatchers(groups);
  const i = exact.domains.indexOf(domain);
  if (i !== -1) return exact.providers[i]!;
  const j = prefix.prefixes.findIndex((p) => domain.startsWith(p) && domain.length > p.length);
  return j === -1 ? OTHER_PROVIDER : prefix.providers[j]!;
}
