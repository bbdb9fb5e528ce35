// Sending a campaign: start, schedule, pause, resume, cancel, resend; live progress; per-recipient lookup.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CampaignProgress, CampaignRecipient, CampaignStatus } from '@crieur/api';
import {
  appendAudit,
  campaignProgress,
  CampaignStateError,
  findCampaignRecipient,
  NotFoundError,
  pendingBatches,
  requeueRecipients,
  scheduleCampaign,
  unscheduleCampaign,
  type AuditAction,
} from '@crieur/db';
import { batchQueue, createSendJournal, enqueueBatches } from '@crieur/queue';
import {
  CampaignNotReadyError,
  controlCampaign,
  launchCampaign,
  PREFLIGHT_LABELS,
  type CampaignControl,
  type PreflightCode,
} from '@crieur/sending';
import { ApiError, notFound } from '../http/api-error';
import { requireStaff } from '../auth/register-access';
import { handle } from '../http/contract-route';
import { fieldError } from '../http/field-error';
import type { CampaignPreflight } from '../preflight/campaign-preflight';
import type { RouteContext } from './context';
import { slowedProviders } from './slowed-providers';

// the ledger's statuses are the contract's (the database holds the same enums as text)
const asStatus = (status: string) => status as CampaignStatus;

// a state error or a missing campaign says what happened, in the API's terms
function mapError(error: unknown): never {
  if (error instanceof NotFoundError) throw notFound('Campaign');
  if (error instanceof CampaignStateError)
    throw new ApiError(409, 'CAMPAIGN_STATE', error.message, { status: error.status });
  if (error instanceof CampaignNotReadyError)
    throw new ApiError(422, 'CAMPAIGN_NOT_READY', error.message, { problems: error.problems });
  throw error;
}

// « Envoyé malgré : lien cassé, DMARC »: the warnings staff knowingly sent past, in the audit log; a warning the
// send's own check found that the request did not acknowledge (an API call that skipped the checklist) is named too
const acknowledged = (codes: readonly PreflightCode[] | undefined, standing: readonly PreflightCode[] = []) => {
  const unacknowledged = standing.filter((code) => !codes?.includes(code));
  return {
    ...(codes?.length
      ? { acknowledgedWarnings: [...codes], despite: codes.map((c) => PREFLIGHT_LABELS[c]).join(', ') }
      : {}),
    ...(unacknowledged.length ? { unacknowledgedWarnings: unacknowledged } : {}),
  };
};

export function sendingRoutes(app: FastifyInstance, ctx: RouteContext, preflight: CampaignPreflight): void {
  const db = ctx.database.db;
  const audit = async (request: FastifyRequest, action: AuditAction, id: string, data: Record<string, unknown> = {}) =>
    appendAudit(db, {
      action,
      actorId: requireStaff(request).id,
      targetType: 'campaign',
      targetId: id,
      data,
      ip: request.ip,
    });
  // pause and cancel hold the campaign in Redis first: once they answer, no new message is handed over
  const journal = ctx.redis
    ? createSendJournal(ctx.redis, ctx.config.redisPrefix)
    : { hold: async () => {}, unhold: async () => {} };
  const control = async (request: FastifyRequest, action: CampaignControl, id: string) =>
    controlCampaign(
      { db, journal },
      { action, campaignId: id, now: ctx.now(), actorId: requireStaff(request).id },
    ).catch(mapError);
  const requeueNow = async (campaignId: string) => {
    // the reconcile would do it within seconds; doing it now makes "Reprendre" feel immediate
    const batches = (await pendingBatches(db, { campaignId })).filter(
      (b) => b.nextAt === null || b.nextAt <= ctx.now(),
    );
    await enqueueBatches(ctx.campaignQueue, { campaignId, batches: batches.map((b) => b.batch) });
  };
  const pacing = {
    db,
    redis: ctx.redis,
    prefix: ctx.config.redisPrefix,
    sendRate: ctx.config.sendRate,
    providers: ctx.config.sendProviders,
  };
  const progress = async (id: string): Promise<{ progress: CampaignProgress }> => {
    const p = await campaignProgress(db, { campaignId: id, now: ctx.now() }).catch(mapError);
    const left = p.counts.queued + p.counts.sending;
    const active = p.status === 'sending' || p.status === 'paused';
    return {
      progress: {
        ...p,
        status: asStatus(p.status),
        startedAt: p.startedAt?.toISOString() ?? null,
        finishedAt: p.finishedAt?.toISOString() ?? null,
        lastSentAt: p.lastSentAt?.toISOString() ?? null,
        serverWait: p.serverWait && {
          reason: p.serverWait.reason,
          since: p.serverWait.since.toISOString(),
          nextProbeAt: p.serverWait.nextProbeAt?.toISOString() ?? null,
        },
        // at the last minute's pace; null while nothing was sent lately
        secondsLeft: p.ratePerSecond > 0 ? Math.ceil(left / p.ratePerSecond) : null,
        slowedProviders: active ? await slowedProviders(pacing, id, ctx.now()) : [],
      },
    };
  };

  handle(app, 'POST /api/campaigns/:id/send', async ({ params: { id }, body }, request) => {
    // what would hurt readers or the association's name stops here; warnings never do
    const standing = await preflight.assertSendable(id).catch(mapError);
    const result = await launchCampaign(
      {
        db,
        queue: batchQueue(ctx.campaignQueue),
        publicUrl: ctx.config.publicUrl,
        mailFrom: ctx.config.mailFrom,
        providers: ctx.config.sendProviders,
      },
      { campaignId: id, now: ctx.now(), actorId: requireStaff(request).id },
    ).catch(mapError);
    if (result.started)
      await audit(request, 'campaign_started', id, {
        recipients: result.recipientCount,
        ...acknowledged(body?.acknowledgedWarnings, standing),
      });
    return { started: result.started, status: asStatus(result.status), ...(await progress(id)) };
  });

  handle(app, 'POST /api/campaigns/:id/schedule', async ({ params: { id }, body }, request) => {
    const at = new Date(body.at);
    if (at.getTime() <= ctx.now().getTime()) throw fieldError('at', 'Choisissez un moment à venir.');
    const standing = await preflight.assertSendable(id).catch(mapError);
    await scheduleCampaign(db, { campaignId: id, now: ctx.now(), at, actorId: requireStaff(request).id }).catch(
      mapError,
    );
    await audit(request, 'campaign_scheduled', id, {
      at: at.toISOString(),
      ...acknowledged(body.acknowledgedWarnings, standing),
    });
    return progress(id);
  });

  handle(app, 'POST /api/campaigns/:id/unschedule', async ({ params: { id } }, request) => {
    await unscheduleCampaign(db, { campaignId: id, now: ctx.now(), actorId: requireStaff(request).id }).catch(mapError);
    await audit(request, 'campaign_unscheduled', id);
    return progress(id);
  });

  handle(app, 'POST /api/campaigns/:id/pause', async ({ params: { id } }, request) => {
    await control(request, 'pause', id);
    await audit(request, 'campaign_paused', id);
    return progress(id);
  });

  handle(app, 'POST /api/campaigns/:id/resume', async ({ params: { id } }, request) => {
    await control(request, 'resume', id);
    await requeueNow(id);
    await audit(request, 'campaign_resumed', id);
    return progress(id);
  });

  handle(app, 'POST /api/campaigns/:id/cancel', async ({ params: { id } }, request) => {
    await control(request, 'cancel', id);
    await audit(request, 'campaign_cancelled', id);
    return progress(id);
  });

  handle(app, 'POST /api/campaigns/:id/resend', async ({ params: { id }, body: { which } }, request) => {
    const rows = await requeueRecipients(db, {
      campaignId: id,
      now: ctx.now(),
      which,
      actorId: requireStaff(request).id,
    }).catch(mapError);
    await requeueNow(id);
    await audit(request, 'campaign_resent', id, { which, rows });
    return { requeued: rows, ...(await progress(id)) };
  });

  handle(app, 'GET /api/campaigns/:id/progress', async ({ params: { id } }) => progress(id));

  handle(app, 'GET /api/campaigns/:id/recipients', async ({ params: { id }, query: { email } }) => {
    const row = await findCampaignRecipient(db, { campaignId: id, email });
    const recipient: CampaignRecipient | null = row && {
      ...row,
      status: row.status as CampaignRecipient['status'],
      sentAt: row.sentAt?.toISOString() ?? null,
      updatedAt: row.updatedAt.toISOString(),
    };
    return { recipient };
  });
}
