import type { Campaign, CampaignSummary, DraftBlock } from '@crieur/api';
import type { CampaignWithLists } from '@crieur/db';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** One line of the campaigns list. */
export function campaignSummary(c: CampaignWithLists): CampaignSummary {
  return {
    id: c.id,
    slug: c.slug,
    kind: c.kind,
    subject: c.subject,
    status: c.status,
    lists: c.lists.map((l) => ({ slug: l.slug, name: l.name })),
    recipientCount: c.recipientCount,
    scheduledAt: iso(c.scheduledAt),
    startedAt: iso(c.startedAt),
    finishedAt: iso(c.finishedAt),
    // the mail server refuses or does not answer: sending waits for it (null when all is well)
    serverWait: c.waitSince
      ? { reason: c.waitReason ?? '', since: c.waitSince.toISOString(), nextProbeAt: iso(c.waitUntil) }
      : null,
    updatedAt: c.updatedAt.toISOString(),
    createdAt: c.createdAt.toISOString(),
  };
}

/** What the composer edits. */
export function campaignDetail(c: CampaignWithLists): Campaign {
  return {
    ...campaignSummary(c),
    preheader: c.preheader,
    fromName: c.fromName,
    replyTo: c.replyTo,
    // stored through the contract's DraftBlocks (autosave) or from a skeleton
    blocks: c.blocks as DraftBlock[],
    version: c.version,
    pauseReason: c.pauseReason,
    duplicatedFrom: c.duplicatedFrom,
  };
}
