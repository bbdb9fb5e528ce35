// The ledger's side of per-provider pacing: a slowed provider's rows wait, and what a claim may still find.
import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { queryCount, queryRows } from '../shared/query-rows';

/**
 * A provider waits until `until`: the campaign's queued rows for it are due then, so its batches are queued
 * for that time instead of finding nothing to claim every few seconds. Rows due later keep their time.
 */
export async function deferProvider(
  db: Db,
  input: { campaignId: string; provider: string; until: Date; now: Date },
): Promise<number> {
  const until = input.until.toISOString();
  return queryCount(
    db,
    sql`update campaign_recipients set next_attempt_at = ${until}::timestamptz, updated_at = ${input.now.toISOString()}::timestamptz
        where campaign_id = ${input.campaignId} and provider = ${input.provider} and status = 'queued'
          and (next_attempt_at is null or next_attempt_at < ${until}::timestamptz)`,
  );
}

/** Whether the batch still has rows of these providers due now (a claim found none only because of their pace). */
export async function hasDueRows(
  db: Db,
  input: { campaignId: string; batch: number; providers: string[]; now: Date },
): Promise<boolean> {
  if (input.providers.length === 0) return false;
  const [row] = await queryRows<{ due: boolean }>(
    db,
    sql`select exists (select 1 from campaign_recipients
          where campaign_id = ${input.campaignId} and batch = ${input.batch} and status = 'queued'
            and provider = any(${sql.param(input.providers)}::text[])
            and (next_attempt_at is null or next_attempt_at <= ${input.now.toISOString()}::timestamptz)) as due`,
  );
  return row?.due === true;
}

/** The providers a campaign (or one of its batches) still has recipients to send to (queued or in flight). */
export async function pendingProviders(db: Db, input: { campaignId: string; batch?: number }): Promise<string[]> {
  const batch = input.batch === undefined ? sql`` : sql`and batch = ${input.batch}`;
  const rows = await queryRows<{ provider: string }>(
    db,
    sql`select distinct provider from campaign_recipients
        where campaign_id = ${input.campaignId} ${batch} and status in ('queued', 'sending')`,
  );
  return rows.map((r) => r.provider).sort();
}
