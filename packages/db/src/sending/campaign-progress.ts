import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { NotFoundError } from '../errors';
import { emailHash } from '../shared/suppressions';
import { queryRows } from '../shared/query-rows';

export type RecipientCounts = {
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  skipped: number;
  uncertain: number;
};

export type CampaignProgress = {
  status: string;
  recipientCount: number;
  counts: RecipientCounts;
  /** messages recorded sent in the last minute, per second */
  ratePerSecond: number;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** when the last message was accepted by the mail server */
  lastSentAt: Date | null;
  pauseReason: string | null;
  /** the mail server refuses or does not answer: sending waits and probes it (null when all is well) */
  serverWait: { reason: string; since: Date; nextProbeAt: Date | null } | null;
  /** failures grouped by reason, most frequent first */
  errors: { error: string; count: number }[];
};

const toDate = (v: string | Date | null) => (v === null ? null : new Date(v));

// messages per second between the first send of the last minute and now (at least one second)
function rateOf(count: number, first: string | Date | null, now: Date): number {
  if (count === 0 || first === null) return 0;
  const seconds = Math.max(1, (now.getTime() - new Date(first).getTime()) / 1000);
  return count / seconds;
}

export async function campaignProgress(db: Db, input: { campaignId: string; now: Date }): Promise<CampaignProgress> {
  const [campaign] = await queryRows<{
    status: string;
    recipient_count: number;
    started_at: string | null;
    finished_at: string | null;
    pause_reason: string | null;
    wait_reason: string | null;
    wait_since: string | Date | null;
    wait_until: string | Date | null;
  }>(
    db,
    sql`select status, recipient_count, started_at, finished_at, pause_reason, wait_reason, wait_since, wait_until from campaigns where id = ${input.campaignId}`,
  );
  if (!campaign) throw new NotFoundError('campaign', input.campaignId);
  const counts: RecipientCounts = { queued: 0, sending: 0, sent: 0, failed: 0, skipped: 0, uncertain: 0 };
  for (const row of await queryRows<{ status: keyof RecipientCounts; n: number }>(
    db,
    sql`select status, count(*)::int as n from campaign_recipients where campaign_id = ${input.campaignId} group by status`,
  )) {
    counts[row.status] = row.n;
  }
  const since = new Date(input.now.getTime() - 60_000).toISOString();
  // over the span actually covered: a send that began 10 s ago is not averaged over a minute
  const [recent] = await queryRows<{ n: number; first: string | Date | null; last: string | Date | null }>(
    db,
    sql`select count(*)::int as n, min(sent_at) as first,
          (select max(sent_at) from campaign_recipients where campaign_id = ${input.campaignId} and sent_at is not null) as last
        from campaign_recipients
        where campaign_id = ${input.campaignId} and sent_at is not null and sent_at > ${since}::timestamptz`,
  );
  const errors = await queryRows<{ error: string; count: number }>(
    db,
    sql`select error, count(*)::int as count from campaign_recipients
        where campaign_id = ${input.campaignId} and status in ('failed', 'uncertain', 'skipped') and error is not null
        group by error order by count(*) desc limit 20`,
  );
  return {
    status: campaign.status,
    recipientCount: campaign.recipient_count,
    counts,
    ratePerSecond: rateOf(recent?.n ?? 0, recent?.first ?? null, input.now),
    startedAt: toDate(campaign.started_at),
    finishedAt: toDate(campaign.finished_at),
    lastSentAt: toDate(recent?.last ?? null),
    pauseReason: campaign.pause_reason,
    serverWait:
      campaign.wait_since === null
        ? null
        : {
            reason: campaign.wait_reason ?? '',
            since: new Date(campaign.wait_since),
            nextProbeAt: toDate(campaign.wait_until),
          },
    errors,
  };
}

export type RecipientRecord = {
  status: string;
  attempts: number;
  messageId: string;
  response: string | null;
  error: string | null;
  sentAt: Date | null;
  updatedAt: Date;
};

/** Staff lookup of one address in a campaign's ledger ("did Marie get it?"). */
export async function findCampaignRecipient(
  db: Db,
  input: { campaignId: string; email: string },
): Promise<RecipientRecord | null> {
  const [row] = await queryRows<{
    status: string;
    attempts: number;
    message_id: string;
    response: string | null;
    error: string | null;
    sent_at: string | null;
    updated_at: string;
  }>(
    db,
    sql`select r.status, r.attempts, r.message_id, r.response, r.error, r.sent_at, r.updated_at
        from campaign_recipients r join subscribers s on s.id = r.subscriber_id
        where r.campaign_id = ${input.campaignId} and lower(s.email) = lower(${input.email.trim()})`,
  );
  if (!row) return null;
  return {
    status: row.status,
    attempts: row.attempts,
    messageId: row.message_id,
    response: row.response,
    error: row.error,
    sentAt: toDate(row.sent_at),
    updatedAt: new Date(row.updated_at),
  };
}

export type SendingCampaign = {
  id: string;
  slug: string;
  kind: string;
  status: string;
  subject: string;
  fromName: string;
  replyTo: string;
  html: string;
  text: string;
  /** null when every list is public: the archive shows the issue to anyone */
  webToken: string | null;
  lists: { id: number; slug: string; name: string; visibility: string }[];
};

/** What a sending process needs to build a campaign's message once. */
export async function findSendingCampaign(db: Db, campaignId: string): Promise<SendingCampaign | null> {
  const [row] = await queryRows<{
    id: string;
    slug: string;
    kind: string;
    status: string;
    subject: string;
    from_name: string;
    reply_to: string;
    rendered_html: string | null;
    rendered_text: string | null;
    web_token: string | null;
  }>(
    db,
    sql`select id, slug, kind, status, subject, from_name, reply_to, rendered_html, rendered_text, web_token from campaigns where id = ${campaignId}`,
  );
  if (!row || row.rendered_html === null || row.rendered_text === null) return null;
  const lists = await queryRows<{ id: number; slug: string; name: string; visibility: string }>(
    db,
    sql`select l.id, l.slug, l.name, l.visibility from campaign_lists cl join lists l on l.id = cl.list_id where cl.campaign_id = ${campaignId} order by l.id`,
  );
  const webToken = lists.every((l) => l.visibility === 'public') ? null : row.web_token;
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    status: row.status,
    subject: row.subject,
    fromName: row.from_name,
    replyTo: row.reply_to,
    html: row.rendered_html,
    text: row.rendered_text,
    webToken,
    lists,
  };
}

/** Which of these addresses are suppressed, by the same hash as everywhere else. */
export async function suppressedAmong(db: Db, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const hashes = emails.map(emailHash);
  const rows = await queryRows<{ email_hash: string }>(
    db,
    sql`select email_hash from suppressions where email_hash = any(${sql.param(hashes)}::text[])`,
  );
  const found = new Set(rows.map((r) => r.email_hash));
  return new Set(emails.filter((_, i) => found.has(hashes[i]!)));
}

/** Messages sent per campaign, for the campaigns list (one grouped count, not a request per row). */
export async function sentCounts(db: Db, campaignIds: string[]): Promise<Map<string, number>> {
  if (campaignIds.length === 0) return new Map();
  const rows = await queryRows<{ campaign_id: string; n: number }>(
    db,
    sql`select campaign_id, count(*)::int as n from campaign_recipients
        where campaign_id = any(${sql.param(campaignIds)}::uuid[]) and status = 'sent' group by campaign_id`,
  );
  return new Map(rows.map((r) => [r.campaign_id, r.n]));
}
