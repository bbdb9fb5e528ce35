import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { appendAudit } from '../audit/audit-log';
import { NotFoundError } from '../errors';
import { queueCampaignMail } from '../staff-mail/queue-campaign-mail';
import { CampaignStateError } from './errors';
import { queryRows } from '../shared/query-rows';

type Actor = { campaignId: string; now: Date; actorId?: string | null };

async function transition(
  db: Db,
  input: Actor,
  action: string,
  from: readonly string[],
  set: ReturnType<typeof sql>,
): Promise<string> {
  const rows = await queryRows<{ status: string }>(
    db,
    sql`update campaigns set ${set}, updated_at = ${input.now.toISOString()}::timestamptz, updated_by = coalesce(${input.actorId ?? null}::uuid, updated_by)
        where id = ${input.campaignId} and status::text = any(${sql.param([...from])}::text[]) returning status`,
  );
  if (rows[0]) return rows[0].status;
  const [current] = await queryRows<{ status: string }>(
    db,
    sql`select status from campaigns where id = ${input.campaignId}`,
  );
  if (!current) throw new NotFoundError('campaign', input.campaignId);
  throw new CampaignStateError(action, current.status);
}

/** Stops new claims at once; rows already claimed finish (a chunk is at most about a second of sending). */
export async function pauseCampaign(db: Db, input: Actor & { reason?: string | null }): Promise<void> {
  await transition(
    db,
    input,
    'pause',
    ['sending'],
    sql`status = 'paused', paused_at = ${input.now.toISOString()}::timestamptz, pause_reason = ${input.reason ?? null}`,
  );
}

/** Back to sending: only rows still queued will be sent. */
export async function resumeCampaign(db: Db, input: Actor): Promise<void> {
  await transition(db, input, 'resume', ['paused'], sql`status = 'sending', paused_at = null, pause_reason = null`);
}

/** Cancels a scheduled, held, sending or paused campaign; its queued rows become skipped. */
export async function cancelCampaign(db: Db, input: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await transition(
      tx as unknown as Db,
      input,
      'cancel',
      ['scheduled', 'held', 'sending', 'paused'],
      sql`status = 'cancelled', finished_at = ${input.now.toISOString()}::timestamptz`,
    );
    await tx.execute(sql`update campaign_recipients set status = 'skipped', error = 'cancelled', updated_at = ${input.now.toISOString()}::timestamptz
      where campaign_id = ${input.campaignId} and status = 'queued'`);
  });
}

/** Sets a draft (or held) campaign to go out at `at`. */
export async function scheduleCampaign(db: Db, input: Actor & { at: Date }): Promise<void> {
  await transition(
    db,
    input,
    'schedule',
    ['draft', 'scheduled', 'held'],
    sql`status = 'scheduled', scheduled_at = ${input.at.toISOString()}::timestamptz, pause_reason = null`,
  );
}

/** Back to draft, e.g. to edit a scheduled or held campaign. */
export async function unscheduleCampaign(db: Db, input: Actor): Promise<void> {
  await transition(
    db,
    input,
    'unschedule',
    ['scheduled', 'held'],
    sql`status = 'draft', scheduled_at = null, pause_reason = null`,
  );
}

/**
 * A scheduled campaign that cannot go (found too late, or blocked by the checks at launch): a human decides.
 * In one transaction: the hold, its audit entry (when given) and the emails telling its team; returns their
 * ids, to enqueue once committed (a crash cannot lose them, nor send them for a hold that did not happen).
 */
export async function holdCampaign(
  db: Db,
  input: Actor & { reason: string; audit?: Record<string, unknown> },
): Promise<string[]> {
  return db.transaction(async (tx) => {
    await transition(
      tx as unknown as Db,
      input,
      'hold',
      ['scheduled'],
      sql`status = 'held', pause_reason = ${input.reason}`,
    );
    if (input.audit)
      await appendAudit(tx as unknown as Db, {
        action: 'campaign_held',
        actorId: input.actorId ?? null,
        targetType: 'campaign',
        targetId: input.campaignId,
        data: input.audit,
      });
    return queueCampaignMail(tx, { campaignId: input.campaignId, kind: 'campaign_held' });
  });
}

/**
 * Puts failed (or, knowingly, uncertain) rows back in the queue and the campaign back to sending.
 * Rows whose address is now suppressed are left failed: the next claim would skip them anyway.
 */
export async function requeueRecipients(db: Db, input: Actor & { which: 'failed' | 'uncertain' }): Promise<number> {
  return db.transaction(async (tx) => {
    const [campaign] = await queryRows<{ status: string }>(
      tx,
      sql`select status from campaigns where id = ${input.campaignId} for update`,
    );
    if (!campaign) throw new NotFoundError('campaign', input.campaignId);
    if (!['sending', 'paused', 'sent'].includes(campaign.status))
      throw new CampaignStateError(`resend ${input.which} rows of`, campaign.status);
    const rows = await queryRows<{ n: number }>(
      tx,
      sql`with u as (update campaign_recipients set status = 'queued', next_attempt_at = null, claimed_by = null, error = null,
            updated_at = ${input.now.toISOString()}::timestamptz
          where campaign_id = ${input.campaignId} and status = ${input.which}::recipient_status returning 1)
          select count(*)::int as n from u`,
    );
    const n = rows[0]?.n ?? 0;
    if (n > 0 && campaign.status === 'sent') {
      await tx.execute(
        sql`update campaigns set status = 'sending', finished_at = null, updated_at = ${input.now.toISOString()}::timestamptz where id = ${input.campaignId}`,
      );
    }
    return n;
  });
}

/**
 * `sending` → `sent` once every ledger row has an outcome. The count is checked in the same
 * statement, so a campaign is never sent while rows are queued or in flight.
 */
export async function finishCampaignIfDone(db: Db, input: { campaignId: string; now: Date }): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update campaigns c set status = 'sent', finished_at = ${input.now.toISOString()}::timestamptz, updated_at = ${input.now.toISOString()}::timestamptz
        where c.id = ${input.campaignId} and c.status = 'sending'
          and c.recipient_count = (select count(*) from campaign_recipients r
            where r.campaign_id = c.id and r.status in ('sent', 'failed', 'skipped', 'uncertain'))
        returning c.id`,
  );
  return rows.length > 0;
}

export type ActiveBatch = { campaignId: string; batch: number; nextAt: Date | null };

/** Batches of sending campaigns (or of one) that still have queued rows, and when the earliest is due. */
export async function pendingBatches(db: Db, input: { campaignId?: string } = {}): Promise<ActiveBatch[]> {
  const only = input.campaignId ? sql`and r.campaign_id = ${input.campaignId}` : sql``;
  const rows = await queryRows<{ campaign_id: string; batch: number; next_at: string | Date | null }>(
    db,
    sql`select r.campaign_id, r.batch, min(r.next_attempt_at) filter (where r.next_attempt_at is not null) as next_at,
          bool_or(r.next_attempt_at is null) as ready
        from campaign_recipients r join campaigns c on c.id = r.campaign_id and c.status = 'sending'
        where r.status = 'queued' ${only}
        group by r.campaign_id, r.batch`,
  );
  return rows.map((r) => {
    const ready = (r as { ready?: boolean }).ready;
    return {
      campaignId: r.campaign_id,
      batch: r.batch,
      nextAt: ready || r.next_at === null ? null : new Date(r.next_at),
    };
  });
}

/** Campaigns in `sending` (to finish them when done). */
export async function sendingCampaignIds(db: Db): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(db, sql`select id from campaigns where status = 'sending'`);
  return rows.map((r) => r.id);
}

/** Scheduled campaigns whose time has come. */
export async function dueCampaigns(db: Db, input: { now: Date }): Promise<{ id: string; scheduledAt: Date }[]> {
  const rows = await queryRows<{ id: string; scheduled_at: string | Date }>(
    db,
    sql`select id, scheduled_at from campaigns where status = 'scheduled' and scheduled_at <= ${input.now.toISOString()}::timestamptz`,
  );
  return rows.map((r) => ({ id: r.id, scheduledAt: new Date(r.scheduled_at) }));
}

/** Scheduled campaigns still ahead, so the queue can hold one delayed start job each. */
export async function upcomingCampaigns(db: Db): Promise<{ id: string; scheduledAt: Date }[]> {
  const rows = await queryRows<{ id: string; scheduled_at: string | Date }>(
    db,
    sql`select id, scheduled_at from campaigns where status = 'scheduled'`,
  );
  return rows.map((r) => ({ id: r.id, scheduledAt: new Date(r.scheduled_at) }));
}
