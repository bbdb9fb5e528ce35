// What can block a send, asked again when a schedule comes due: the letter, the DNS or a setting may have changed
// since it was scheduled.
import { getOrganisation, type Db } from '@crieur/db';
import type { NewsletterTemplates } from '@crieur/newsletter';
import type { DkimSetting } from './dkim-check';
import type { DnsResolve } from './dns-resolver';
import type { PreflightItem } from './preflight-item';
import { runPreflight, type PreflightCampaign } from './run-preflight';

export type LaunchCheckSettings = {
  /** DKIM_*: the selector's published key must still match */
  dkim: DkimSetting | undefined;
  /** DNS_SERVERS' resolver (2 s, one try): an unreachable DNS only warns, so it never stops a schedule */
  resolve: DnsResolve;
};

/** The blocks found at launch, in French: the campaign is held with them as its reason, nothing is sent. */
export class PreflightBlockedError extends Error {
  readonly code = 'PREFLIGHT_BLOCKED';
  constructor(readonly items: readonly PreflightItem[]) {
    super(launchBlockedReason(items));
    this.name = 'PreflightBlockedError';
  }
}

// after a colon a French sentence goes on in lower case, unless it starts with an acronym (« DKIM… »)
const goOn = (message: string) =>
  /^\p{Lu}[\p{Ll}’']/u.test(message) ? message[0]!.toLowerCase() + message.slice(1) : message;

/** « Envoi programmé arrêté par les vérifications avant envoi : … » with what to fix and what to do next (pure). */
export function launchBlockedReason(items: readonly PreflightItem[]): string {
  const what = items.map((item) => goOn(item.message.replace(/\.$/, ''))).join('\u202f; ');
  return `Envoi programmé arrêté par les vérifications avant envoi\u00a0: ${what}. Rien n’a été envoyé\u00a0: corrigez ce qui bloque, puis envoyez la lettre ou reprogrammez-la.`;
}

/** Only what blocks (no links, SPF or DMARC, which only warn); throws PreflightBlockedError when something does. */
export async function assertLaunchable(
  campaign: PreflightCampaign,
  settings: LaunchCheckSettings & {
    db: Db;
    publicUrl: string;
    mailFrom: string;
    templates?: NewsletterTemplates | undefined;
  },
): Promise<void> {
  const report = await runPreflight(campaign, {
    publicUrl: settings.publicUrl,
    mailFrom: settings.mailFrom,
    organisation: await getOrganisation(settings.db),
    dkim: settings.dkim,
    // SPF is not asked by the blocking checks
    sendingHost: { kind: 'outbox' },
    resolve: settings.resolve,
    templates: settings.templates,
    db: settings.db,
    blockingOnly: true,
  });
  const blocks = report.items.filter((item) => item.level === 'block');
  if (blocks.length > 0) throw new PreflightBlockedError(blocks);
}
