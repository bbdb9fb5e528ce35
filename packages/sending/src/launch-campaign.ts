// "Envoyer" (or a schedule coming due): compile once, freeze the recipients, queue the batches.
import { findCampaignContent, startCampaign, type Db } from '@crieur/db';
import { mailFromAddress } from '@crieur/mailer';
import type { NewsletterTemplates } from '@crieur/newsletter';
import { CampaignNotReadyError, compileCampaign } from './compile-campaign';
import type { BatchQueue } from './ports';
import { assertLaunchable, type LaunchCheckSettings } from './preflight/launch-check';
import { providerMatchers, type ProviderGroup } from './provider-groups';

export type LaunchDeps = {
  db: Db;
  queue: BatchQueue;
  templates?: NewsletterTemplates | undefined;
  publicUrl: string;
  mailFrom: string;
  /** recipients per batch job (default: sized so that several processes share a campaign) */
  batchSize?: number;
  /** SEND_PROVIDERS: each recipient's provider group is frozen with its row (absent: every one is 'autres') */
  providers?: ProviderGroup[] | undefined;
  /** the preflight's blocking checks, run again before the freeze (a schedule coming due); absent: not asked here */
  preflight?: LaunchCheckSettings | undefined;
};

// about 40 batch jobs a campaign (50 to 1,000 recipients each): every sending process gets some, and a
// crash touches only the few batches its process held
export const BATCHING = { target: 40, min: 50, max: 1000 } as const;

export type LaunchResult = { started: boolean; status: string; recipientCount: number };

/**
 * Starts a campaign from the states `from` (staff: draft, scheduled or held; the reconcile: scheduled
 * only), at the version compiled: a campaign unscheduled or edited meanwhile does not start.
 */
export async function launchCampaign(
  deps: LaunchDeps,
  input: { campaignId: string; now: Date; actorId: string | null; from?: readonly string[] },
): Promise<LaunchResult> {
  const campaign = await findCampaignContent(deps.db, input.campaignId);
  if (!campaign) throw new CampaignNotReadyError([{ path: '', message: 'campagne introuvable' }]);
  const from = input.from ?? ['draft', 'scheduled', 'held'];
  if (!from.includes(campaign.status)) return { started: false, status: campaign.status, recipientCount: 0 };
  const { publicUrl, templates, db } = deps;
  // a block found now (alt text removed, DKIM record changed…) throws PreflightBlockedError: nothing is frozen
  if (deps.preflight)
    await assertLaunchable(campaign, { ...deps.preflight, db, publicUrl, mailFrom: deps.mailFrom, templates });
  const compiled = await compileCampaign(campaign, { publicUrl, templates, db });
  const domain = mailFromAddress(deps.mailFrom).split('@')[1] ?? 'crieur.invalid';
  const started = await startCampaign(deps.db, {
    campaignId: input.campaignId,
    now: input.now,
    html: compiled.html,
    text: compiled.text,
    batchSize: deps.batchSize ?? BATCHING,
    messageIdDomain: domain.toLowerCase(),
    actorId: input.actorId,
    expect: { statuses: from, version: campaign.version },
    ...(deps.providers ? { providers: providerMatchers(deps.providers) } : {}),
  });
  if (started.started) {
    const batches = Array.from({ length: started.batches }, (_, i) => i);
    // the ledger is committed: if Redis is away now, the reconcile queues these batches when it is back
    await deps.queue.enqueue({ campaignId: input.campaignId, batches }).catch(() => undefined);
  }
  return { started: started.started, status: started.status, recipientCount: started.recipientCount };
}
