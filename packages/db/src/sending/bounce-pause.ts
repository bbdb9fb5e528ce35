// A bad list pauses its campaign: the counts the rule judges, and the pause itself (audited, once per campaign).
import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { queryRows } from '../shared/query-rows';
import { queueCampaignMail } from '../staff-mail/queue-campaign-mail';

/**
 * Recipients the mail server answered (sent, failed, uncertain) and the hard bounces among them: 5xx
 * refusals in the ledger, plus delivery reports that suppressed an address for this campaign (both indexed).
 */
export async function bounceCounts(db: Db, campaignId: string): Promise<{ processed: number; hardBounces: number }> {
  const [row] = await queryRows<{ processed: number; refused: number; reported: number }>(
    db,
    sql`select
          (select count(*)::int from campaign_recipients
            where campaign_id = ${campaignId} and status in ('sent', 'failed', 'uncertain')) as processed,
          (select count(*)::int from campaign_recipients
            where campaign_id = ${campaignId} and status = 'failed' and error ~ '^5[0-9][0-9]') as refused,
          (select count(distinct subscriber_id)::int from subscription_events
            where type = 'bounced' and data->>'campaignId' = ${campaignId}::text and source = 'email'
              and data->>'reason' = 'hard_bounce') as reported`,
  );
  return { processed: row?.processed ?? 0, hardBounces: (row?.refused ?? 0) + (row?.reported ?? 0) };
}

/** Whether the campaign ever paused itself: after staff resume it, the rule no longer applies to it. */
export async function wasAutoPaused(db: Db, campaignId: string): Promise<boolean> {
  const [row] = await queryRows<{ found: boolean }>(
    db,
    sql`select exists (select 1 from audit_log
          where action = 'campaign_auto_paused' and target_type = 'campaign' and target_id = ${campaignId}) as found`,
  );
  return row?.found === true;
}

type AutoPause = { campaignId: string; now: Date; reason: string; data: Record<string, unknown> };

/**
 * Pauses a sending campaign with its reason, writes the audit entry and the emails telling its team, in one
 * transaction: the same state as a staff pause (the caller sets the hold first). Returns the emails' ids, to
 * enqueue once committed; not paused (and nobody told) when it was no longer sending.
 */
export async function autoPauseAndTell(db: Db, input: AutoPause): Promise<{ paused: boolean; staffMailIds: string[] }> {
  return db.transaction(async (tx) => {
    const now = input.now.toISOString();
    const paused = await queryRows<{ id: string }>(
      tx,
      sql`update campaigns set status = 'paused', paused_at = ${now}::timestamptz, pause_reason = ${input.reason},
            updated_at = ${now}::timestamptz
          where id = ${input.campaignId} and status = 'sending' returning id`,
    );
    if (paused.length === 0) return { paused: false, staffMailIds: [] };
    await tx.execute(sql`insert into audit_log (at, actor_id, action, target_type, target_id, data)
      values (${now}::timestamptz, null, 'campaign_auto_paused', 'campaign', ${input.campaignId},
        ${JSON.stringify(input.data)}::jsonb)`);
    const staffMailIds = await queueCampaignMail(tx, { campaignId: input.campaignId, kind: 'campaign_paused' });
    return { paused: true, staffMailIds };
  });
}
