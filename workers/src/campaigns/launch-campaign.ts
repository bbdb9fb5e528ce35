// "Envoyer" (or a schedule coming due): compile once, freeze the recipients, queue the batches.
import { findCampaignContent, startCampaign, type Db } from '@crieur/db';
import { compileNewsletter, NewsletterContent, type NewsletterTemplates } from '@crieur/newsletter';
import { mailFromAddress } from '@crieur/mailer';
import { enqueueBatches, type CampaignQueue } from '@crieur/queue';

export type LaunchDeps = {
  db: Db;
  queue: CampaignQueue;
  templates?: NewsletterTemplates | undefined;
  publicUrl: string;
  mailFrom: string;
  /** recipients per batch job (default 1,000) */
  batchSize?: number;
};

/** The campaign cannot go out as it is: what to fix, block by block. */
export class CampaignNotReadyError extends Error {
  readonly code = 'CAMPAIGN_NOT_READY';
  constructor(readonly problems: { path: string; message: string }[]) {
    super(`La campagne n’est pas prête : ${problems.map((p) => (p.path ? `${p.path} : ${p.message}` : p.message)).join(' ; ')}`);
    this.name = 'CampaignNotReadyError';
  }
}

export type LaunchResult = { started: boolean; status: string; recipientCount: number };

export async function launchCampaign(deps: LaunchDeps, input: { campaignId: string; now: Date; actorId: string | null }): Promise<LaunchResult> {
  const campaign = await findCampaignContent(deps.db, input.campaignId);
  if (!campaign) throw new CampaignNotReadyError([{ path: '', message: 'campagne introuvable' }]);
  if (['sending', 'paused', 'sent', 'cancelled'].includes(campaign.status)) return { started: false, status: campaign.status, recipientCount: 0 };
  const problems: { path: string; message: string }[] = [];
  if (campaign.lists.length === 0) problems.push({ path: 'lists', message: 'choisissez au moins une liste' });
  const content = NewsletterContent.safeParse({ kind: campaign.kind, subject: campaign.subject, preheader: campaign.preheader, blocks: campaign.blocks });
  if (!content.success) for (const issue of content.error.issues) problems.push({ path: issue.path.join('.'), message: issue.message });
  if (problems.length > 0 || !content.success) throw new CampaignNotReadyError(problems);
  const compiled = await compileNewsletter(content.data, {
    publicUrl: deps.publicUrl,
    listName: campaign.lists.map((l) => l.name).join(' » et « '),
    validation: 'strict',
    ...(deps.templates ? { templates: deps.templates } : {}),
  });
  const domain = mailFromAddress(deps.mailFrom).split('@')[1] ?? 'crieur.invalid';
  const started = await startCampaign(deps.db, {
    campaignId: input.campaignId,
    now: input.now,
    html: compiled.html,
    text: compiled.text,
    batchSize: deps.batchSize ?? 1000,
    messageIdDomain: domain.toLowerCase(),
    actorId: input.actorId,
  });
  if (started.started) await enqueueBatches(deps.queue, { campaignId: input.campaignId, batches: Array.from({ length: started.batches }, (_, i) => i) });
  return { started: started.started, status: started.status, recipientCount: started.recipientCount };
}
