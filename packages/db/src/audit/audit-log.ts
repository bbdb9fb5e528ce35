import { desc, lt } from 'drizzle-orm';
import type { Db } from '../database';
import { auditLog } from '../schema';

export type AuditAction =
  | 'login'
  | 'login_failed'
  | 'login_locked'
  | 'login_ip_throttled'
  | 'logout'
  | 'user_created'
  | 'user_invited'
  | 'invitation_resent'
  | 'invitation_accepted'
  | 'password_reset'
  | 'user_role_changed'
  | 'user_deactivated'
  | 'user_reactivated'
  | 'subscriber_erased'
  | 'list_exported'
  | 'import_started'
  | 'campaign_created'
  | 'campaign_edited'
  | 'campaign_duplicated'
  | 'campaign_deleted'
  | 'campaign_test_sent'
  | 'campaign_started'
  | 'campaign_scheduled'
  | 'campaign_unscheduled'
  | 'campaign_paused'
  | 'campaign_resumed'
  | 'campaign_auto_paused'
  | 'campaign_held'
  | 'campaign_cancelled'
  | 'campaign_resent'
  | 'organisation_renamed'
  | 'organisation_updated'
  | 'newsletter_branding_updated'
  | 'embed_origins_updated'
  | 'legal_page_updated'
  | 'article_created'
  | 'article_submitted'
  | 'article_withdrawn'
  | 'article_changes_requested'
  | 'article_approved'
  | 'article_scheduled'
  | 'article_unscheduled'
  | 'article_published'
  | 'article_update_submitted'
  | 'article_updated'
  | 'article_unpublished'
  | 'dossier_created'
  | 'dossier_scheduled'
  | 'dossier_unscheduled'
  | 'dossier_published'
  | 'dossier_updated'
  | 'dossier_unpublished'
  | 'contribution_edited'
  | 'contribution_accepted'
  | 'contribution_changes_requested'
  | 'contribution_refused';

export type AuditEntry = typeof auditLog.$inferSelect;

export async function appendAudit(
  db: Db,
  entry: {
    action: AuditAction;
    actorId?: string | null;
    targetType?: string;
    targetId?: string;
    data?: Record<string, unknown>;
    ip?: string | null;
  },
): Promise<void> {
  await db.insert(auditLog).values({
    action: entry.action,
    actorId: entry.actorId ?? null,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    data: entry.data ?? {},
    ip: entry.ip ?? null,
  });
}

// page by last id: OFFSET slows down as the log grows
export async function listAudit(db: Db, input: { limit: number; beforeId?: number }): Promise<AuditEntry[]> {
  return db
    .select()
    .from(auditLog)
    .where(input.beforeId ? lt(auditLog.id, input.beforeId) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(input.limit);
}
