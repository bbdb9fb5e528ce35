// Every link and image of the letter, asked a few at a time: a broken one is a warning, never a block.
import { blockHolding } from './block-locator';
import type { LinkProbe, ProbeResult } from './http-probe';
import { ok, warning, type PreflightItem } from './preflight-item';

/** The reason a requester gives for a link to a private, loopback or link-local address it refused to ask. */
export const PRIVATE_ADDRESS = 'PRIVATE_ADDRESS';

export type LinkCheckOptions = { concurrency?: number };

async function mapPool<T, R>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

function itemOf(url: string, result: ProbeResult, blocks: readonly unknown[]): PreflightItem | null {
  const blockIndex = blockHolding(blocks, url);
  const where = blockIndex === undefined ? {} : { blockIndex };
  const inBlock = blockIndex === undefined ? '' : ` (bloc ${blockIndex + 1})`;
  switch (result.kind) {
    case 'status':
      if (result.status < 400) return null;
      return warning(
        'links',
        `Un lien répond ${result.status}${inBlock}\u00a0: corrigez l’adresse ou retirez le lien.`,
        {
          detail: url,
          ...where,
        },
      );
    case 'timeout':
      return warning(
        'links',
        `Lien impossible à vérifier${inBlock}\u00a0: le site n’a pas répondu à temps. Ouvrez-le pour voir.`,
        {
          detail: url,
          ...where,
        },
      );
    case 'redirect-loop':
      return warning(
        'links',
        `Un lien tourne en rond de redirection en redirection${inBlock}\u00a0: corrigez l’adresse.`,
        {
          detail: url,
          ...where,
        },
      );
    case 'unreachable':
      if (result.reason === PRIVATE_ADDRESS)
        return warning(
          'links',
          `Lien non vérifié${inBlock}\u00a0: il mène à une adresse interne (réseau privé), que la vérification n’interroge pas.`,
          { detail: url, ...where },
        );
      return warning(
        'links',
        `Lien impossible à vérifier${inBlock}\u00a0: le site est injoignable (${result.reason}).`,
        {
          detail: url,
          ...where,
        },
      );
  }
}

export async function checkLinks(
  urls: readonly string[],
  probe: LinkProbe,
  blocks: readonly unknown[],
  options: LinkCheckOptions = {},
): Promise<PreflightItem[]> {
  const results = await mapPool(urls, options.concurrency ?? 8, probe);
  const items = urls.map((url, i) => itemOf(url, results[i]!, blocks)).filter((x): x is PreflightItem => x !== null);
  if (items.length > 0) return items;
  return [
    ok(
      'links',
      urls.length === 0
        ? 'La lettre n’a pas de lien à vérifier.'
        : `${urls.length} ${urls.length > 1 ? 'liens et images répondent' : 'lien répond'} correctement.`,
    ),
  ];
}
