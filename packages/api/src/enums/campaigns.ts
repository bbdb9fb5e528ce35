// No zod here: the studio imports these lists at run time (selects, filters, the block menu) and keeps its first load small.

/** The association's three newsletters; each has a list of the same slug. */
export const NEWSLETTER_KINDS = ['membres', 'adherents', 'democraties'] as const;
export type NewsletterKind = (typeof NEWSLETTER_KINDS)[number];

export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'held', 'sending', 'paused', 'sent', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** A send-ledger row's status (one row per recipient). */
export const RECIPIENT_STATUSES = ['queued', 'sending', 'sent', 'failed', 'skipped', 'uncertain'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

/** Whom "Renvoyer" queues again. */
export const RESEND_TARGETS = ['failed', 'uncertain'] as const;
export type ResendTarget = (typeof RESEND_TARGETS)[number];

/** The block types of @crieur/newsletter, in the composer's menu order (the usual shape of an issue, top to bottom). */
export const BLOCK_TYPES = [
  'edito',
  'sectionTitle',
  'article',
  'dossier',
  'richText',
  'agenda',
  'jobs',
  'membersNews',
  'image',
  'button',
  'divider',
] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

/** The heading each section block starts with (and shows when left empty). */
export { SECTION_TITLES } from '@crieur/newsletter/section-titles';
