import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { queryRows } from '../shared/query-rows';

export type CampaignReportRow = {
  id: string;
  slug: string;
  subject: string;
  kind: string;
  status: string;
  startedAt: Date | null;
  finishedAt: Date | null;
  lists: string[];
  recipients: number;
  sent: number;
  failed: number;
  bounced: number;
  /** spam reports from feedback loops naming this campaign (each suppressed the address) */
  complaints: number;
  uncertain: number;
  /** unsubscribed events on the campaign's lists in the 7 days after it started */
  unsubscribes7d: number;
};

// as the drivers answer: node-postgres parses text[] and timestamps, PGlite may hand back their text
type CampaignReportDbRow = Omit<CampaignReportRow, 'startedAt' | 'finishedAt' | 'lists'> & {
  startedAt: string | Date | null;
  finishedAt: string | Date | null;
  lists: string[] | string;
};
const toDate = (v: string | Date | null) => (v === null ? null : new Date(v));

/**
 * Every campaign that started sending (newest first), optionally only those started in [from, to).
 * No per-person opens or clicks: the association does not track them.
 */
export async function campaignReports(
  db: Db,
  input: { from?: Date; to?: Date; sentOnly?: boolean } = {},
): Promise<CampaignReportRow[]> {
  const rows = await queryRows<CampaignReportDbRow>(
    db,
    sql`
    with picked as (
      select c.id, c.slug, c.subject, c.kind::text as kind, c.status::text as status, c.started_at, c.finished_at
      from campaigns c
      where c.started_at is not null
        ${input.from ? sql`and c.started_at >= ${input.from.toISOString()}::timestamptz` : sql``}
        ${input.to ? sql`and c.started_at < ${input.to.toISOString()}::timestamptz` : sql``}
        ${input.sentOnly ? sql`and c.status = 'sent' and c.finished_at is not null` : sql``}
    ),
    ledger as (
      select r.campaign_id, count(*)::int as recipients,
        count(*) filter (where r.status = 'sent')::int as sent,
        count(*) filter (where r.status = 'failed')::int as failed,
        count(*) filter (where r.status = 'uncertain')::int as uncertain
      from campaign_recipients r where r.campaign_id in (select id from picked) group by r.campaign_id
    ),
    -- the bounce handling writes the campaign's id into the event
    bounced as (
      select e.data->>'campaignId' as campaign_id, count(*)::int as n
      from subscription_events e
      where e.type = 'bounced' and e.data->>'campaignId' in (select id::text from picked)
      group by 1
    ),
    -- one per person: a feedback loop that sends its report twice is still one complaint
    complained as (
      select e.data->>'campaignId' as campaign_id, count(distinct e.subscriber_id)::int as n
      from subscription_events e
      where e.type = 'complained' and e.data->>'campaignId' in (select id::text from picked)
      group by 1
    )
    select p.id, p.slug, p.subject, p.kind, p.status, p.started_at as "startedAt", p.finished_at as "finishedAt",
      coalesce((select array_agg(l.slug order by l.id) from campaign_lists cl join lists l on l.id = cl.list_id where cl.campaign_id = p.id), '{}') as lists,
      coalesce(g.recipients, 0) as recipients, coalesce(g.sent, 0) as sent, coalesce(g.failed, 0) as failed,
      coalesce(b.n, 0) as bounced, coalesce(k.n, 0) as complaints, coalesce(g.uncertain, 0) as uncertain,
      (select count(*)::int from subscription_events e
        where e.type = 'unsubscribed' and e.list_id in (select cl.list_id from campaign_lists cl where cl.campaign_id = p.id)
          and e.at >= p.started_at and e.at < p.started_at + interval '7 days') as "unsubscribes7d"
    from picked p
    left join ledger g on g.campaign_id = p.id
    left join bounced b on b.campaign_id = p.id::text
    left join complained k on k.campaign_id = p.id::text
    order by p.started_at desc, p.id
  `,
  );
  return rows.map((r) => ({
    ...r,
    lists: parseArray(r.lists),
    startedAt: toDate(r.startedAt),
    finishedAt: toDate(r.finishedAt),
  }));
}

// node-postgres parses text[]; PGlite may hand back the literal
function parseArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string')
    return value
      .replace(/^\{|\}$/g, '')
      .split(',')
      .filter(Boolean);
  return [];
}
