import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../shared/tx';
import { queryRows } from '../shared/query-rows';

/** A send that stopped while nobody watched: a schedule held at launch, a send paused by its bounces. */
export type CampaignMailKind = 'campaign_held' | 'campaign_paused';

/**
 * Writes one `staff_mail` row per person to tell that a campaign stopped, in the caller's transaction (the
 * hold or the pause): the person who scheduled or started it (else who last edited or created it), if still
 * active and a sender or an admin, and every active admin; each once. Returns their ids, to hand to
 * `enqueueStaffMail` once the transaction commits; none when there is nobody to tell.
 */
export async function queueCampaignMail(
  db: DbOrTx,
  input: { campaignId: string; kind: CampaignMailKind },
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with owner as (
          select coalesce(
            (select a.actor_id from audit_log a
              where a.target_type = 'campaign' and a.target_id = ${input.campaignId}::text
                and a.action in ('campaign_scheduled', 'campaign_started') and a.actor_id is not null
              order by a.at desc, a.id desc limit 1),
            c.updated_by, c.created_by) as id
          from campaigns c where c.id = ${input.campaignId}
        )
        insert into staff_mail (kind, recipient_id, campaign_id)
        select ${input.kind}::staff_mail_kind, u.id, ${input.campaignId}::uuid
        from users u
        where u.status = 'active' and exists (select 1 from owner)
          and (u.role = 'admin' or (u.role = 'sender' and u.id = (select id from owner)))
        order by u.created_at
        returning id`,
  );
  return rows.map((r) => r.id);
}
