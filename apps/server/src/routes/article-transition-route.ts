import type { FastifyInstance } from 'fastify';
import type { ArticleDetail } from '@crieur/api';
import {
  appendAudit,
  applyArticleTransition,
  queueReviewMail,
  type ArticleWithRefs,
  type AuditAction,
  type NotifyInTx,
} from '@crieur/db';
import { TRANSITION_EFFECTS, transitionRule, type EditorialRole, type TransitionAction } from '@crieur/editorial';
import { enqueueStaffMail, promptly, schedulePublication } from '@crieur/queue';
import { requireStaff } from '../auth/register-access';
import { ApiError } from '../http/api-error';
import { handle } from '../http/contract-route';
import { fieldError } from '../http/field-error';
import type { RouteContext } from './context';
import { articleState } from './editorial-views';

// the activity log says each step in words (audit-sentences.ts)
const AUDIT: Record<TransitionAction, AuditAction> = {
  submit: 'article_submitted',
  withdraw: 'article_withdrawn',
  request_changes: 'article_changes_requested',
  approve: 'article_approved',
  schedule: 'article_scheduled',
  unschedule: 'article_unscheduled',
  publish: 'article_published',
  unpublish: 'article_unpublished',
  submit_update: 'article_update_submitted',
  update: 'article_updated',
};

type Helpers = {
  load: (id: string) => Promise<ArticleWithRefs>;
  detail: (id: string, viewer: ReturnType<typeof requireStaff>) => Promise<{ article: ArticleDetail }>;
};

/**
 * POST /api/articles/:id/transition: the step, its note, the version it keeps and the review emails it owes, in one
 * transaction; the emails are queued after it, and a Redis outage never fails the step (the mail reconcile sends them).
 */
export function articleTransitionRoute(app: FastifyInstance, ctx: RouteContext, { load, detail }: Helpers): void {
  const db = ctx.database.db;

  handle(app, 'POST /api/articles/:id/transition', async ({ params: { id }, body }, request) => {
    const staff = requireStaff(request);
    const article = await load(id);
    const rule = transitionRule({
      role: staff.role as EditorialRole,
      isOwner: article.createdBy === staff.id,
      action: body.action,
      ...articleState(article),
    });
    if (!rule) {
      throw new ApiError(
        409,
        'TRANSITION_NOT_ALLOWED',
        'Cette étape n’est pas possible pour cet article avec votre rôle.',
      );
    }
    const now = ctx.now();
    const effects = TRANSITION_EFFECTS[body.action];
    let scheduledAt: Date | null | undefined;
    if (body.action === 'schedule') {
      scheduledAt = body.scheduledAt ? new Date(body.scheduledAt) : undefined;
      if (!scheduledAt || scheduledAt <= now)
        throw fieldError('scheduledAt', 'Choisissez une date de publication à venir.');
    }
    if (body.action === 'unschedule') scheduledAt = null;
    const { event } = effects;
    const notify: NotifyInTx | undefined = event
      ? (tx, commentId) =>
          queueReviewMail(tx, { event, actorId: staff.id, articleId: id, commentId: commentId ?? undefined })
      : undefined;
    const done = await applyArticleTransition(db, {
      id,
      from: article.status,
      fromUpdateInReview: article.updateInReview,
      to: rule.to,
      updateInReview: rule.setsUpdateInReview,
      scheduledAt,
      // a first publication (or a new one after unpublishing) dates the piece; "Mettre à jour" keeps its date
      publishedAt: body.action === 'publish' ? now : undefined,
      snapshot: effects.snapshot,
      note: body.note ? { body: body.note, kind: effects.noteKind } : null,
      userId: staff.id,
      now,
      notify,
    });
    if (!done)
      throw new ApiError(409, 'TRANSITION_NOT_ALLOWED', 'L’article a changé d’état entre-temps : rechargez-le.');
    await appendAudit(db, {
      action: AUDIT[body.action],
      actorId: staff.id,
      targetType: 'article',
      targetId: id,
      data: scheduledAt ? { at: scheduledAt.toISOString() } : {},
      ip: request.ip,
    });
    if (body.action === 'schedule' && scheduledAt) {
      // the database already says "scheduled": if this fails, the workers' reconcile re-creates the job
      const publication = { articleId: id, at: scheduledAt, now };
      await promptly(schedulePublication(ctx.publishingQueue, publication)).catch((error: Error) =>
        request.log.warn({ reason: error.message }, 'could not queue publication'),
      );
    }
    if (done.staffMailIds.length > 0) {
      // the rows are written: if Redis is away, the mail reconcile queues them within a minute
      await promptly(enqueueStaffMail(ctx.mailQueue, done.staffMailIds)).catch((error: Error) =>
        request.log.warn({ reason: error.message }, 'could not queue review emails'),
      );
    }
    return detail(id, staff);
  });
}
