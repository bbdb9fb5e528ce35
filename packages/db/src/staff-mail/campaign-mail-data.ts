import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { bounceCounts } from '../sending/bounce-pause';
import { queryRows } from '../shared/query-rows';
import type { StaffMailSkip } from './prepare-invitation-email';
import type { CampaignMailKind } from './queue-campaign-mail';

export type CampaignMailData = {
  recipient: { email: string; name: string };
  kind: CampaignMailKind;
  campaign: {
    id: string;
    subject: string;
    /** why it stopped, as the studio shows it */
    reason: string;
    scheduledAt: Date | null;
    /** messages the mail server took, out of the recipients frozen at start (0 of 0 for a held schedule) */
    sent: number;
    recipients: number;
    /** for a pause: the refusals the rule counted, among the recipients answered so far */
    bounces: { hardBounces: number; processed: number } | null;
  };
};

// what each email is about: a held schedule is still held, a paused send still paused
const STATUS_OF: Record<CampaignMailKind, string> = { campaign_held: 'held', campaign_paused: 'paused' };

/**
 * What a "your send stopped" email says, read when it is sent. Says why not when the person is no longer
 * active, the campaign is gone, or staff already acted on it (sent, rescheduled, resumed or cancelled it).
 */
export async function campaignMailData(db: Db, staffMailId: string): Promise<CampaignMailData | StaffMailSkip> {
  const [row] = await queryRows<{
    kind: string;
    sent_at: string | null;
    email: string;
    name: string;
    user_status: string;
    campaign_id: string | null;
    subject: string | null;
    status: string | null;
    pause_reason: string | null;
    scheduled_at: string | Date | null;
    recipient_count: number | null;
  }>(
    db,
    sql`select s.kind, s.sent_at, u.email, u.name, u.status as user_status, c.id as campaign_id, c.subject,
          c.status, c.pause_reason, c.scheduled_at, c.recipient_count
        from staff_mail s
        join users u on u.id = s.recipient_id
        left join campaigns c on c.id = s.campaign_id
        where s.id = ${staffMailId} and s.kind in ('campaign_held', 'campaign_paused')`,
  );
  if (!row) return { skip: 'campaign email gone' };
  if (row.sent_at) return { skip: 'already sent' };
  if (row.user_status !== 'active') return { skip: `recipient ${row.user_status}` };
  if (!row.campaign_id) return { skip: 'campaign gone' };
  const kind = row.kind as CampaignMailKind;
  if (row.status !== STATUS_OF[kind]) return { skip: `campaign now ${row.status}` };
  const [sent] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from campaign_recipients where campaign_id = ${row.campaign_id} and status = 'sent'`,
  );
  return {
    recipient: { email: row.email, name: row.name },
    kind,
    campaign: {
      id: row.campaign_id,
      subject: row.subject ?? '',
      reason: row.pause_reason ?? '',
      scheduledAt: row.scheduled_at ? new Date(row.scheduled_at) : null,
      sent: sent?.n ?? 0,
      recipients: row.recipient_count ?? 0,
      bounces: kind === 'campaign_paused' ? await bounceCounts(db, row.campaign_id) : null,
    },
  };
}
