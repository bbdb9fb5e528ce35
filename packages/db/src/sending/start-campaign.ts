import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { NotFoundError } from '../errors';
import { newToken } from '@crieur/auth';
import { CampaignStateError } from './errors';
import { queryRows } from '../shared/query-rows';

export type StartCampaignInput = {
  campaignId: string;
  now: Date;
  /** Compiled once: what every recipient gets, placeholders in. */
  html: string;
  text: string;
  /** Recipients per BullMQ job: a fixed size, or sized from the count (about `target` batches, within min and max). */
  batchSize: number | { target: number; min: number; max: number };
  /** Right-hand side of each Message-ID, e.g. "lettre.example.org". */
  messageIdDomain: string;
  actorId: string | null;
  /** what the launch compiled: the campaign must still be in one of these states, at this version */
  expect: { statuses: readonly string[]; version: number };
  /**
   * Each recipient's provider group from its domain (SEND_PROVIDERS): exact domains, then prefixes such as
   * "outlook." (the first that matches); any other domain is 'autres'. Absent: every row is 'autres'.
   */
  providers?: {
    exact: { domains: string[]; providers: string[] };
    prefix: { prefixes: string[]; providers: string[] };
  };
};

export type StartCampaignResult = { started: boolean; status: string; recipientCount: number; batches: number };

/**
 * Freezes the recipients (confirmed, not suppressed, now) into the ledger and moves the campaign to
 * `sending`, in one transaction. The row lock makes a second click (or a second worker) a no-op.
 */
export async function startCampaign(db: Db, input: StartCampaignInput): Promise<StartCampaignResult> {
  const sizing =
    typeof input.batchSize === 'number' ? { target: 1, min: input.batchSize, max: input.batchSize } : input.batchSize;
  return db.transaction(async (tx) => {
    const [campaign] = await queryRows<{ status: string; recipient_count: number; version: number }>(
      tx,
      sql`select status, recipient_count, version from campaigns where id = ${input.campaignId} for update`,
    );
    if (!campaign) throw new NotFoundError('campaign', input.campaignId);
    if (campaign.status === 'sending' || campaign.status === 'paused' || campaign.status === 'sent') {
      return { started: false, status: campaign.status, recipientCount: campaign.recipient_count, batches: 0 };
    }
    if (campaign.status === 'cancelled') throw new CampaignStateError('start', campaign.status);
    // unscheduled, edited or started by someone else since the launch read it: not this content, not now
    if (!input.expect.statuses.includes(campaign.status) || campaign.version !== input.expect.version) {
      return { started: false, status: campaign.status, recipientCount: 0, batches: 0 };
    }
    const exact = input.providers?.exact ?? { domains: [], providers: [] };
    const prefix = input.providers?.prefix ?? { prefixes: [], providers: [] };
    // one row per subscriber even when on several of the campaign's lists; suppressed hashes are
    // checked again in JS right before each send (same hash function as everywhere else)
    const inserted = await queryRows<{ n: number }>(
      tx,
      sql`
      with chosen as (
        select distinct on (s.subscriber_id) s.subscriber_id, s.list_id,
          lower(split_part(btrim(sub.email), '@', -1)) as domain
        from subscriptions s
        join campaign_lists cl on cl.list_id = s.list_id and cl.campaign_id = ${input.campaignId}
        join subscribers sub on sub.id = s.subscriber_id
        where s.status = 'confirmed'
          and not exists (
            select 1 from suppressions x
            where x.email_hash = encode(sha256(convert_to(lower(btrim(sub.email)), 'UTF8')), 'hex'))
        order by s.subscriber_id, s.list_id
      ), numbered as (
        select subscriber_id, list_id, domain, (row_number() over (order by subscriber_id) - 1)
          / greatest(${sizing.min}::int, least(${sizing.max}::int, ceil(count(*) over () / ${sizing.target}::numeric)::int)) as batch
        from chosen
      ), exact as (
        select * from unnest(${sql.param(exact.domains)}::text[], ${sql.param(exact.providers)}::text[]) as e(domain, provider)
      ), providers as (
        -- decided once per domain, not per recipient
        select d.domain, coalesce(e.provider, (
            select p.provider
            from unnest(${sql.param(prefix.prefixes)}::text[], ${sql.param(prefix.providers)}::text[]) with ordinality as p(prefix, provider, i)
            where length(d.domain) > length(p.prefix) and left(d.domain, length(p.prefix)) = p.prefix
            order by p.i limit 1), 'autres') as provider
        from (select distinct domain from numbered) d left join exact e on e.domain = d.domain
      ), ins as (
        insert into campaign_recipients (campaign_id, subscriber_id, list_id, batch, message_id, provider, updated_at)
        select ${input.campaignId}, n.subscriber_id, n.list_id, n.batch,
          ${input.campaignId}::text || '.' || n.subscriber_id::text || '@' || ${input.messageIdDomain},
          coalesce(m.provider, 'autres'), ${input.now.toISOString()}::timestamptz
        from numbered n left join providers m on m.domain = n.domain
        on conflict do nothing
        returning batch
      )
      select count(*)::int as n, coalesce(max(batch) + 1, 0)::int as batches from ins`,
    );
    const count = inserted[0]?.n ?? 0;
    const batches = (inserted[0] as { batches?: number } | undefined)?.batches ?? 0;
    await tx.execute(sql`
      update campaigns set status = 'sending', started_at = ${input.now.toISOString()}::timestamptz, recipient_count = ${count},
        rendered_html = ${input.html}, rendered_text = ${input.text}, web_token = coalesce(web_token, ${newToken()}), pause_reason = null, updated_at = ${input.now.toISOString()}::timestamptz,
        updated_by = ${input.actorId}
      where id = ${input.campaignId}`);
    return { started: true, status: 'sending', recipientCount: count, batches };
  });
}

export type CampaignContent = {
  id: string;
  slug: string;
  status: string;
  kind: string;
  subject: string;
  preheader: string;
  blocks: unknown[];
  scheduledAt: Date | null;
  version: number;
  fromName: string;
  replyTo: string;
  lists: { id: number; slug: string; name: string }[];
};

/** What a launch compiles: the campaign's content and lists. */
export async function findCampaignContent(db: Db, campaignId: string): Promise<CampaignContent | null> {
  type Row = Omit<CampaignContent, 'scheduledAt' | 'fromName' | 'replyTo' | 'lists'> & {
    scheduled_at: string | Date | null;
    from_name: string;
    reply_to: string;
  };
  const [row] = await queryRows<Row>(
    db,
    sql`select id, slug, status, kind, subject, preheader, blocks, scheduled_at, version, from_name, reply_to from campaigns where id = ${campaignId}`,
  );
  if (!row) return null;
  const lists = await queryRows<{ id: number; slug: string; name: string }>(
    db,
    sql`select l.id, l.slug, l.name from campaign_lists cl join lists l on l.id = cl.list_id where cl.campaign_id = ${campaignId} order by l.id`,
  );
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    kind: row.kind,
    subject: row.subject,
    preheader: row.preheader,
    blocks: row.blocks,
    scheduledAt: row.scheduled_at === null ? null : new Date(row.scheduled_at),
    version: row.version,
    fromName: row.from_name,
    replyTo: row.reply_to,
    lists,
  };
}
