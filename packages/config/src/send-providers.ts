// SEND_PROVIDERS and SEND_BOUNCE_PAUSE: which destination domains are paced together, and when a bad list
// pauses its campaign. Parsed once at start; English messages like the other settings.
import { z } from 'zod';

/** A provider group: its domains ("outlook.*" is any domain under that first label) and its own pace. */
export type SendProvider = {
  name: string;
  domains: string[];
  /** messages per second for this group across the cluster; null: only SEND_RATE bounds it */
  rate: number | null;
};

/** Every domain no group names: never defined in SEND_PROVIDERS, paced by SEND_RATE alone. */
export const OTHER_PROVIDER = 'autres';

// French mailbox providers are stricter than Gmail: their defaults are lower
export const DEFAULT_SEND_PROVIDERS =
  'gmail=gmail.com+googlemail.com:20;' +
  'microsoft=outlook.*+hotmail.*+live.*+msn.com:10;' +
  'orange=orange.fr+wanadoo.fr:5;' +
  'free=free.fr+aliceadsl.fr:10;' +
  'sfr=sfr.fr+neuf.fr+cegetel.net+club-internet.fr:5;' +
  'laposte=laposte.net:5';

const NAME = /^[a-z][a-z0-9-]{0,29}$/;
const DOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?:\.\*)?$/;

type Problem = (message: string) => void;

function parseGroup(entry: string, problem: Problem): SendProvider | null {
  const match = /^([^=]*)=([^:]*)(?::(.*))?$/.exec(entry);
  if (!match) {
    problem(`"${entry}": expected name=domain+domain:rate, e.g. gmail=gmail.com+googlemail.com:20`);
    return null;
  }
  const name = match[1]!.trim().toLowerCase();
  const domains = match[2]!
    .split('+')
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);
  if (!NAME.test(name)) problem(`"${name}": expected a group name of letters, digits or "-"`);
  if (name === OTHER_PROVIDER) problem(`"${OTHER_PROVIDER}" is every other domain: it cannot be defined`);
  if (domains.length === 0) problem(`"${name}": expected at least one domain`);
  for (const d of domains) if (!DOMAIN.test(d)) problem(`"${d}": expected a domain such as gmail.com or outlook.*`);
  let rate: number | null = null;
  if (match[3] !== undefined) {
    rate = Number(match[3].trim());
    if (!Number.isFinite(rate) || rate <= 0 || rate > 10000)
      problem(`"${name}": expected a rate in messages per second above 0 and at most 10000`);
  }
  return { name, domains, rate };
}

/** "gmail=gmail.com+googlemail.com:20;orange=orange.fr+wanadoo.fr:5": groups in order, each domain once. */
export function parseSendProviders(text: string, problem: Problem): SendProvider[] {
  const groups: SendProvider[] = [];
  const seen = new Map<string, string>();
  for (const entry of text.split(';').map((e) => e.trim())) {
    if (entry === '') continue;
    const group = parseGroup(entry, problem);
    if (!group) continue;
    if (groups.some((g) => g.name === group.name)) problem(`"${group.name}" is defined twice`);
    for (const d of group.domains) {
      const other = seen.get(d);
      if (other !== undefined) problem(`"${d}" is in both "${other}" and "${group.name}"`);
      seen.set(d, group.name);
    }
    groups.push(group);
  }
  return groups;
}

export const SendProvidersSetting = z
  .string()
  .trim()
  .default(DEFAULT_SEND_PROVIDERS)
  .transform((text, ctx) =>
    parseSendProviders(text, (message) => ctx.addIssue({ code: 'custom', message, input: text })),
  );

/** More than `ratio` of the first `window` recipients refused for good (5xx): the campaign pauses itself. */
export type BouncePauseRule = {
  ratio: number;
  window: number;
  /** recipients processed before the rule says anything: two early failures do not pause a campaign */
  minimum: number;
};

const BOUNCE_PAUSE = /^(\d+(?:[.,]\d+)?)\s*%\s*\/\s*(\d+)$/;

/** "5%/500" (the default), or "off". */
export const BouncePauseSetting = z
  .string()
  .trim()
  .default('5%/500')
  .transform((text, ctx): BouncePauseRule | null => {
    if (text.toLowerCase() === 'off') return null;
    const match = BOUNCE_PAUSE.exec(text);
    const percent = match ? Number(match[1]!.replace(',', '.')) : NaN;
    const window = match ? Number(match[2]) : NaN;
    if (!match || !(percent > 0 && percent < 100) || !(window >= 10 && window <= 1_000_000)) {
      ctx.addIssue({
        code: 'custom',
        message:
          'expected a share of the first recipients, e.g. "5%/500" (above 0 % and below 100 %, 10 to 1000000), or "off"',
        input: text,
      });
      return z.NEVER;
    }
    return { ratio: percent / 100, window, minimum: Math.min(50, window) };
  });
