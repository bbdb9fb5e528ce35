import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../shared/tx';
import { queryRows } from '../shared/query-rows';

// past a day, an email about a review or a link is stale: the person has moved on or asked again
const OWED_FOR_MS = 24 * 3600_000;

/**
 * Staff emails not sent and younger than a day, for the mail rebuild: a lost job comes back. Rows the
 * worker would only skip (a used invitation or reset, a resend's older email, someone deactivated or who
 * turned review emails off, a campaign staff already sent, resumed or cancelled) are left out, so they do not come back every hour.
 */
export async function owedStaffMail(
  db: DbOrTx,
  input: { now: Date; limit?: number },
): Promise<{ staffMailId: string }[]> {
  const since = new Date(input.now.getTime() - OWED_FOR_MS).toISOString();
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
      select s.id
      from staff_mail s
      join users u on u.id = s.recipient_id
      left join invitations i on i.id = s.invitation_id
      left join password_resets r on r.id = s.reset_id
      where s.sent_at is null
        and s.created_at > ${since}::timestamptz
        and u.status <> 'deactivated'
        and (s.kind <> 'invitation' or (i.used_at is null and not exists (
          select 1 from staff_mail newer
          where newer.invitation_id = s.invitation_id and newer.created_at > s.created_at)))
        and (s.kind <> 'password_reset' or (r.used_at is null and u.status = 'active'))
        and (s.kind <> 'review' or (u.status = 'active' and u.notify_review))
        and (s.kind not in ('campaign_held', 'campaign_paused') or (u.status = 'active' and exists (
          select 1 from campaigns c where c.id = s.campaign_id
            and c.status::text = case s.kind when 'campaign_held' then 'held' else 'paused' end)))
      order by s.created_at
      limit ${input.limit ?? 1000}`,
  );
  return rows.map((r) => ({ staffMailId: r.id }));
}
