import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import { CONTRIBUTION_STATUS_LABELS, CONTRIBUTIONS_PAGE_SIZE, RESERVED_CONTRIBUTION_SLUGS } from '@crieur/api';
import {
  appendAudit,
  ContributionEditConflictError,
  ContributionNotFoundError,
  ContributionStateError,
  countContributionsByStatus,
  decideContribution,
  editContribution,
  getContributionForStaff,
  listContributionQueue,
  type AuditAction,
  type ModerationDecision,
} from '@crieur/db';
import { slugify } from '@crieur/editorial';
import { enqueueContributionMail, promptly } from '@crieur/queue';
import { requireStaff } from '../auth/register-access';
import { ApiError } from '../http/api-error';
import { handle } from '../http/contract-route';
import { fieldError } from '../http/field-error';
import type { RouteContext } from './context';
import { contributionDetail, contributionEdit, contributionRow } from './contribution-views';

const DECISION_AUDIT: Record<ModerationDecision, AuditAction> = {
  accept: 'contribution_accepted',
  request_changes: 'contribution_changes_requested',
  refuse: 'contribution_refused',
};

// a publication date a little in the past (a slow click, clocks apart) still means "now"
const PAST_TOLERANCE_MS = 5 * 60_000;

const notFound = () => new ApiError(404, 'NOT_FOUND', 'Proposition introuvable : elle a peut-être été effacée.');
const sendersOnlyAccepted = () =>
  new ApiError(403, 'FORBIDDEN', 'Votre rôle permet de lire les contributions acceptées, pas celles en modération.');

// editors and admins moderate; senders read what was accepted (ROUTE_ACCESS lets them in, this narrows)
const isModerator = (request: FastifyRequest) => requireStaff(request).role !== 'sender';

function domainError(error: unknown): never {
  if (error instanceof ContributionNotFoundError) throw notFound();
  if (error instanceof ContributionStateError)
    throw new ApiError(
      409,
      'TRANSITION_NOT_ALLOWED',
      `Ce changement n’est pas permis : la proposition est à l’état « ${CONTRIBUTION_STATUS_LABELS[error.status]} ». ` +
        'Rechargez la page pour voir où elle en est.',
      { status: error.status },
    );
  if (error instanceof ContributionEditConflictError)
    throw new ApiError(
      409,
      'EDIT_CONFLICT',
      'Cette proposition a été modifiée entre-temps : vos changements ne sont pas enregistrés. ' +
        'Rechargez-la pour repartir de la version actuelle.',
      { current: { updatedAt: error.current.updatedAt.toISOString() } },
    );
  throw error;
}

export function contributionRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;
  const detail = async (id: string, moderator: boolean) => {
    const c = await getContributionForStaff(db, id);
    if (!c) throw notFound();
    if (!moderator && c.status !== 'accepted') throw sendersOnlyAccepted();
    return { contribution: contributionDetail(c, moderator) };
  };
  // the email is a row already: if Redis is away, the mail worker's reconcile sends it later
  const sendMail = (id: string | null, log: FastifyBaseLogger) =>
    id
      ? promptly(enqueueContributionMail(ctx.mailQueue, [id])).catch((error: Error) =>
          log.warn({ reason: error.message }, 'could not queue a proposer email'),
        )
      : undefined;

  handle(app, 'GET /api/contributions', async ({ query }, request) => {
    const moderator = isModerator(request);
    if (!moderator && query.status && query.status !== 'accepted') throw sendersOnlyAccepted();
    const status = query.status ?? (moderator ? 'pending' : 'accepted');
    const [list, counts] = await Promise.all([
      listContributionQueue(db, { status, kind: query.kind, page: query.page, pageSize: CONTRIBUTIONS_PAGE_SIZE }),
      countContributionsByStatus(db, { kind: query.kind, statuses: moderator ? undefined : ['accepted'] }),
    ]);
    return {
      contributions: list.rows.map((r) => contributionRow(r, moderator)),
      status,
      counts,
      page: query.page,
      pageSize: CONTRIBUTIONS_PAGE_SIZE,
      total: list.total,
    };
  });

  handle(app, 'GET /api/contributions/:id', async ({ params }, request) => detail(params.id, isModerator(request)));

  handle(app, 'PUT /api/contributions/:id', async ({ params: { id }, body }, request) => {
    const staff = requireStaff(request);
    const current = await getContributionForStaff(db, id);
    if (!current) throw notFound();
    if (body.fields.kind !== current.kind)
      throw fieldError('fields.kind', 'On ne change pas la nature d’une proposition : refusez-la plutôt.');
    const changed = await editContribution(db, {
      id,
      updatedAt: new Date(body.updatedAt),
      fields: contributionEdit(body.fields),
      actorId: staff.id,
      now: ctx.now(),
    }).catch(domainError);
    // the fields' names only: the proposer's text stays out of the log (it is erased with the proposal)
    if (changed.length)
      await appendAudit(db, {
        action: 'contribution_edited',
        actorId: staff.id,
        targetType: 'contribution',
        targetId: id,
        data: { kind: current.kind, fields: changed },
        ip: request.ip,
      });
    return detail(id, true);
  });

  const decide = async (
    request: FastifyRequest,
    id: string,
    decision: ModerationDecision,
    extra: { message?: string; publishAt?: Date },
  ) => {
    const staff = requireStaff(request);
    const now = ctx.now();
    let slugBase: string | undefined;
    if (decision === 'accept') {
      const current = await getContributionForStaff(db, id);
      if (!current) throw notFound();
      // '/agenda/archives' and '/agenda/feed.xml' are pages of their own; a title made of symbols has no slug
      const base = slugify(current.title) || 'annonce';
      slugBase = (RESERVED_CONTRIBUTION_SLUGS as readonly string[]).includes(base) ? `${base}-1` : base;
    }
    const result = await decideContribution(db, {
      id,
      decision,
      actorId: staff.id,
      now,
      message: extra.message,
      publishAt: extra.publishAt,
      slugBase,
    }).catch(domainError);
    await appendAudit(db, {
      action: DECISION_AUDIT[decision],
      actorId: staff.id,
      targetType: 'contribution',
      targetId: id,
      data: { kind: result.kind, from: result.from, ...(extra.publishAt ? { at: extra.publishAt.toISOString() } : {}) },
      ip: request.ip,
    });
    await sendMail(result.mailId, request.log);
    return detail(id, true);
  };

  handle(app, 'POST /api/contributions/:id/accept', async ({ params, body }, request) => {
    const now = ctx.now();
    const publishAt = body.publishAt ? new Date(body.publishAt) : undefined;
    if (publishAt && publishAt.getTime() < now.getTime() - PAST_TOLERANCE_MS)
      throw fieldError('publishAt', 'Cette date est passée : choisissez une date à venir, ou publiez maintenant.');
    // a date within the tolerance is now: the public lists never show an item "published" before its acceptance
    return decide(request, params.id, 'accept', { publishAt: publishAt && publishAt > now ? publishAt : undefined });
  });

  handle(app, 'POST /api/contributions/:id/request-changes', async ({ params, body }, request) =>
    decide(request, params.id, 'request_changes', { message: body.message }),
  );

  handle(app, 'POST /api/contributions/:id/refuse', async ({ params, body }, request) =>
    decide(request, params.id, 'refuse', { message: body.message }),
  );
}
