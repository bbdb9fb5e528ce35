// One line of the checklist shown before "Envoyer": what was checked, how bad it is, and what to do.
import { frenchTypography } from '@crieur/content/typography';

/** block: the letter cannot go; warning: staff may send anyway, knowingly; ok: checked and fine. */
export type PreflightLevel = 'block' | 'warning' | 'ok';

export const PREFLIGHT_CODES = [
  'content-invalid',
  'image-alt',
  'unsubscribe-link',
  'list-unsubscribe',
  'subject',
  'preheader',
  'size',
  'links',
  'spf',
  'dkim',
  'dmarc',
  'contribution-dates',
] as const;
export type PreflightCode = (typeof PREFLIGHT_CODES)[number];

export type PreflightItem = {
  code: PreflightCode;
  level: PreflightLevel;
  /** French, says what to do; typeset here (staff read it as they read the studio), the detail never */
  message: string;
  /** what exactly: an address, a DNS record, a byte count */
  detail?: string;
  /** the block concerned (its index in the letter), when there is one */
  blockIndex?: number;
};

export const ok = (code: PreflightCode, message: string, detail?: string): PreflightItem => ({
  code,
  level: 'ok',
  message: frenchTypography(message),
  ...(detail ? { detail } : {}),
});
export const warning = (code: PreflightCode, message: string, extra: Partial<PreflightItem> = {}): PreflightItem => ({
  code,
  level: 'warning',
  message: frenchTypography(message),
  ...extra,
});
export const block = (code: PreflightCode, message: string, extra: Partial<PreflightItem> = {}): PreflightItem => ({
  code,
  level: 'block',
  message: frenchTypography(message),
  ...extra,
});

const RANK: Record<PreflightLevel, number> = { block: 0, warning: 1, ok: 2 };

/** Blocks first, then warnings, then what is fine; the order of the checks is kept within a level. */
export const byLevel = (items: readonly PreflightItem[]): PreflightItem[] =>
  items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => RANK[a.item.level] - RANK[b.item.level] || a.i - b.i)
    .map((x) => x.item);
