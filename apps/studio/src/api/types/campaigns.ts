// ——— newsletters (campaigns) ———

export const NEWSLETTER_KINDS = ['membres', 'adherents', 'democraties'] as const;
export type NewsletterKind = (typeof NEWSLETTER_KINDS)[number];

export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'held', 'sending', 'paused', 'sent', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** A row of GET /api/campaigns. */
export type CampaignSummary = {
  id: string;
  slug: string;
  kind: NewsletterKind;
  subject: string;
  status: CampaignStatus;
  lists: { slug: string; name: string }[];
  recipientCount: number;
  scheduledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** the mail server refuses or does not answer: sending waits for it (null when all is well) */
  serverWait: ServerWait | null;
  updatedAt: string;
  createdAt: string;
};

/** Sending waits for the mail server and probes it; it resumes on its own once the server answers. */
export type ServerWait = {
  /** in French, written by the sender (the server's own reply inside) */
  reason: string;
  since: string;
  /** when the server is tried next; no try happens while staff keep the campaign paused */
  nextProbeAt: string | null;
};

/** A line of GET /api/campaigns: the summary and how many messages went out. */
export type CampaignListItem = CampaignSummary & { sentCount: number };

/** GET /api/campaigns/:id; `blocks` as stored (a draft may hold incomplete blocks). */
export type Campaign = CampaignSummary & {
  preheader: string;
  fromName: string;
  replyTo: string;
  blocks: unknown[];
  version: number;
  pauseReason: string | null;
  duplicatedFrom: string | null;
};

/** The body of PUT /api/campaigns/:id: the whole draft and the version it was based on. */
export type CampaignInput = {
  version: number;
  kind: NewsletterKind;
  subject: string;
  preheader: string;
  fromName: string;
  replyTo: string;
  lists: string[];
  blocks: unknown[];
};

export type CampaignPreviewInput = {
  kind: NewsletterKind;
  subject: string;
  preheader: string;
  lists: string[];
  blocks: unknown[];
};

export type MjmlError = { line: number; message: string; tagName: string };
export type BlockError = { index: number; path: string; message: string };
/** Subject, preheader, reply-to or "no block at all": errors outside the blocks. */
export type CampaignFieldError = { path: string; message: string };

export type CampaignPreview = {
  html: string;
  text: string;
  bytes: number;
  clipped: boolean;
  clipBytes: number;
  mjmlErrors: MjmlError[];
  blockErrors: BlockError[];
  fieldErrors: CampaignFieldError[];
};

/** A published article or dossier, as a card block needs it (GET /api/campaigns/articles|dossiers). */
export type PublishedItem = {
  id: string;
  title: string;
  lede: string;
  url: string;
  rubrique?: string;
  image?: { src: string; alt: string };
  publishedAt: string | null;
};
