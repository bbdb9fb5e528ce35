import { type CampaignStatus, type ServerWait } from './campaigns';

// ——— campaign sending (the "Campagnes" section) ———

/** One send-ledger row per recipient, counted by status. */
export type RecipientCounts = {
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  skipped: number;
  uncertain: number;
};
export type RecipientStatus = keyof RecipientCounts;

/** GET /api/campaigns/:id/progress (and the answer of every sending action). */
export type CampaignProgress = {
  status: CampaignStatus;
  recipientCount: number;
  counts: RecipientCounts;
  /** messages recorded sent in the last minute, per second */
  ratePerSecond: number;
  /** null while nothing was sent lately */
  secondsLeft: number | null;
  startedAt: string | null;
  finishedAt: string | null;
  pauseReason: string | null;
  serverWait: ServerWait | null;
  /** failures grouped by reason, most frequent first */
  errors: { error: string; count: number }[];
};

/** GET /api/campaigns/:id/recipients?email=: one address in the ledger, or null if it is not a recipient. */
export type CampaignRecipient = {
  status: RecipientStatus;
  attempts: number;
  messageId: string;
  response: string | null;
  error: string | null;
  sentAt: string | null;
  updatedAt: string;
};

/** `problems` of a 422 CAMPAIGN_NOT_READY (French messages). */
export type CampaignProblem = { path: string; message: string };
