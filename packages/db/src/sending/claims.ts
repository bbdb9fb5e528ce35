// Claims left in flight: which exist, what they hold, and the conservative end of a claim whose journal is lost.
import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { queryCount, queryRows } from '../shared/query-rows';

/** Claims with rows still `sending`, claimed before `claimedBefore` (a live claim is younger than its process's liveness). */
export async function inFlightClaims(db: Db, input: { claimedBefore: Date }): Promise<string[]> {
  const rows = await queryRows<{ claimer: string }>(
    db,
    sql`select distinct claimed_by as claimer from campaign_recipients
        where status = 'sending' and claimed_by is not null and claimed_at < ${input.claimedBefore.toISOString()}::timestamptz`,
  );
  return rows.map((r) => r.claimer);
}

export type ClaimedRow = { campaignId: string; subscriberId: string; batch: number };

/** The rows one claim still holds. */
export async function claimRows(db: Db, claimer: string): Promise<ClaimedRow[]> {
  const rows = await queryRows<{ campaign_id: string; subscriber_id: string; batch: number }>(
    db,
    sql`select campaign_id, subscriber_id, batch from campaign_recipients where status = 'sending' and claimed_by = ${claimer}`,
  );
  return rows.map((r) => ({ campaignId: r.campaign_id, subscriberId: r.subscriber_id, batch: r.batch }));
}

/** A dead claim whose journal is gone (Redis lost with it): any of its rows may have been accepted. */
export async function markClaimUncertain(db: Db, input: { claimer: string; now: Date }): Promise<number> {
  return queryCount(
    db,
    sql`update campaign_recipients set status = 'uncertain', error = 'worker stopped while sending', updated_at = ${input.now.toISOString()}::timestamptz
        where status = 'sending' and claimed_by = ${input.claimer}`,
  );
}
