// Sending a campaign: start, schedule, pause, resume, cancel, resend; live progress; one recipient's row.
// Part of campaignsRoutes (campaigns.ts spreads these routes and re-exports this file).
import { z } from 'zod';
import { Timestamp, Uuid } from './common';
import { CAMPAIGN_STATUSES, RECIPIENT_STATUSES, RESEND_TARGETS } from './enums/campaigns';
import { AcknowledgedWarnings, SendBody } from './preflight';
import { defineRoutes } from './route';

export const CampaignStatus = z.enum(CAMPAIGN_STATUSES);
export type CampaignStatus = z.infer<typeof CampaignStatus>;

export const RecipientStatus = z.enum(RECIPIENT_STATUSES);
export type RecipientStatus = z.infer<typeof RecipientStatus>;

/** The mail server refuses or does not answer: sending waits for it and probes it, then resumes on its own. */
export const ServerWait = z.object({
  /** in French, written by the sender (the server's own reply inside) */
  reason: z.string(),
  since: Timestamp,
  /** when the server is tried next; no try happens while staff keep the campaign paused */
  nextProbeAt: Timestamp.nullable(),
});
export type ServerWait = z.infer<typeof ServerWait>;

/** A provider that answered "too fast": its messages wait, then go at a reduced pace that climbs back. */
export const SlowedProvider = z.object({
  /** the group's name in SEND_PROVIDERS: gmail, microsoft, orange, free, sfr, laposte… or autres */
  provider: z.string(),
  /** messages per second it is allowed now (0 while its messages wait) */
  ratePerSecond: z.number(),
  /** when its messages go again, at a reduced pace; null when they already do */
  resumesAt: Timestamp.nullable(),
  /** when it is expected back at its full pace */
  fullPaceAt: Timestamp,
});
export type SlowedProvider = z.infer<typeof SlowedProvider>;

/** Send-ledger rows (one per recipient), counted by status. */
export const RecipientCounts = z.object({
  queued: z.number().int(),
  sending: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  uncertain: z.number().int(),
});
export type RecipientCounts = z.infer<typeof RecipientCounts>;

/** Where a sending stands: the answer of GET …/progress and of every sending action. */
export const CampaignProgress = z.object({
  status: CampaignStatus,
  /** frozen at launch */
  recipientCount: z.number().int(),
  counts: RecipientCounts,
  /** messages recorded sent in the last minute, per second */
  ratePerSecond: z.number(),
  /** at the last minute's pace; null while nothing was sent lately */
  secondsLeft: z.number().nullable(),
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
  /** when the mail server last accepted a message */
  lastSentAt: Timestamp.nullable(),
  /** why sending stopped without a human */
  pauseReason: z.string().nullable(),
  serverWait: ServerWait.nullable(),
  /** providers this campaign still has recipients for that asked us to slow down (empty when all is well) */
  slowedProviders: z.array(SlowedProvider),
  /** failures grouped by reason, most frequent first */
  errors: z.array(z.object({ error: z.string(), count: z.number().int() })),
});
export type CampaignProgress = z.infer<typeof CampaignProgress>;

const ProgressAnswer = z.object({ progress: CampaignProgress });

/** One address's row in the ledger. */
export const CampaignRecipient = z.object({
  status: RecipientStatus,
  attempts: z.number().int(),
  messageId: z.string(),
  /** the mail server's reply to the last attempt */
  response: z.string().nullable(),
  error: z.string().nullable(),
  sentAt: Timestamp.nullable(),
  updatedAt: Timestamp,
});
export type CampaignRecipient = z.infer<typeof CampaignRecipient>;

/** `problems` of a 422 CAMPAIGN_NOT_READY: where ("subject", "blocks.2.title", "lists") and what, in French. */
export const CampaignProblem = z.object({ path: z.string(), message: z.string() });
export type CampaignProblem = z.infer<typeof CampaignProblem>;

export const SendingParams = z.object({ id: Uuid });

export const ScheduleBody = z.object({
  /** ISO 8601 with its offset, e.g. 2026-03-12T09:30:00+01:00; in the future */
  at: z.iso.datetime({ offset: true, error: 'Date et heure attendues, par exemple 2026-03-12T09:30:00+01:00.' }),
  /** the preflight's warnings staff chose to send past (codes), kept in the audit log */
  acknowledgedWarnings: AcknowledgedWarnings.optional(),
});
export type ScheduleBody = z.infer<typeof ScheduleBody>;

export const ResendBody = z.object({ which: z.enum(RESEND_TARGETS) });
export type ResendBody = z.infer<typeof ResendBody>;

export const RecipientQuery = z.object({ email: z.string().trim().min(3).max(320) });
export type RecipientQuery = z.input<typeof RecipientQuery>;

const control = (summary: string) => ({ summary, params: SendingParams, response: ProgressAnswer });

export const sendingRoutes = defineRoutes({
  'POST /api/campaigns/:id/send': {
    summary: 'Start sending a draft or held campaign now; `started: false` when it had already started',
    params: SendingParams,
    body: SendBody,
    response: z.object({ started: z.boolean(), status: CampaignStatus, progress: CampaignProgress }),
  },
  'POST /api/campaigns/:id/schedule': {
    summary: 'Send a draft or held campaign at a time to come',
    params: SendingParams,
    body: ScheduleBody,
    response: ProgressAnswer,
  },
  'POST /api/campaigns/:id/unschedule': control('Back to draft: the scheduled sending will not happen'),
  'POST /api/campaigns/:id/pause': control('Pause a sending: no new message is handed over once this answers'),
  'POST /api/campaigns/:id/resume': control('Resume a paused sending'),
  'POST /api/campaigns/:id/cancel': control('Cancel a sending: recipients not reached yet will not get it'),
  'POST /api/campaigns/:id/resend': {
    summary: 'Queue the failed (or uncertain) recipients again',
    params: SendingParams,
    body: ResendBody,
    response: ProgressAnswer.extend({ requeued: z.number().int() }),
  },
  'GET /api/campaigns/:id/progress': {
    summary: 'Where the sending stands: counts by status, pace, errors by reason',
    params: SendingParams,
    response: ProgressAnswer,
  },
  'GET /api/campaigns/:id/recipients': {
    summary: 'One address’s row in the ledger, or null if it is not a recipient',
    params: SendingParams,
    query: RecipientQuery,
    response: z.object({ recipient: CampaignRecipient.nullable() }),
  },
});
