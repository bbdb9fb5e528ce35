import type { FastifyInstance } from 'fastify';
import { Uuid } from '@crieur/api';
import {
  appendAudit,
  DuplicateSubscriberError,
  eraseSubscriber,
  getSubscriberDetail,
  listIdsBySlugs,
  searchSubscribers,
  staffSubscribe,
  suppressAddress,
  SuppressedAddressError,
  unsubscribeSubscriber,
  updateSubscriber,
} from '@crieur/db';
import { promptly, removeSubscriberJobs } from '@crieur/queue';
import { requireStaff } from '../auth/register-access';
import { ApiError, notFound } from '../http/api-error';
import { handle } from '../http/contract-route';
import { fieldError } from '../http/field-error';
import type { RouteContext } from './context';
import { subscriberDetailView } from './subscriber-views';

// the cursor is the last row's (created_at, id), opaque to the studio
const encodeCursor = (r: { createdAt: Date; id: string }) =>
  Buffer.from(`${r.createdAt.toISOString()}|${r.id}`).toString('base64url');
function decodeCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime()) || !Uuid.safeParse(id).success)
    throw fieldError('cursor', 'Page introuvable : relancez la recherche.');
  return { createdAt, id };
}

export function subscriberRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;

  /** Lists named by slug; a public list needs a consent source, the private one has legitimate interest. */
  async function resolveLists(slugs: string[], consentSource: string, field: 'lists' | 'list') {
    const found = await listIdsBySlugs(db, slugs);
    if (found.length !== new Set(slugs).size) throw fieldError(field, 'Liste inconnue.');
    if (found.some((l) => l.legalBasis === 'consent') && !consentSource) {
      throw new ApiError(
        400,
        'CONSENT_SOURCE_REQUIRED',
        'Indiquez où cette personne a donné son consentement (par exemple : bulletin papier signé à l’assemblée générale).',
      );
    }
    return found;
  }
  const detail = async (id: string) => {
    const d = await getSubscriberDetail(db, id);
    if (!d) throw notFound('Subscriber');
    return subscriberDetailView(d);
  };

  handle(app, 'GET /api/subscribers', async ({ query }) => {
    const listId = query.list ? (await listIdsBySlugs(db, [query.list]))[0]?.id : undefined;
    if (query.list && listId === undefined) throw fieldError('list', 'Liste inconnue.');
    const page = await searchSubscribers(db, {
      q: query.q || undefined,
      listId,
      status: query.status,
      after: decodeCursor(query.cursor),
      limit: query.limit,
    });
    const last = page.subscribers.at(-1);
    return {
      subscribers: page.subscribers.map((s) => ({
        id: s.id,
        email: s.email,
        name: s.name,
        locale: s.locale,
        createdAt: s.createdAt.toISOString(),
        suppressed: s.suppressed,
        subscriptions: s.subscriptions,
      })),
      nextCursor: page.hasMore && last ? encodeCursor(last) : null,
    };
  });

  handle(app, 'POST /api/subscribers', async ({ body }, request, reply) => {
    const staff = requireStaff(request);
    const lists = await resolveLists(body.lists, body.consentSource, 'lists');
    try {
      const { subscriberId } = await staffSubscribe(db, {
        email: body.email,
        name: body.name,
        locale: body.locale,
        listIds: lists.map((l) => l.id),
        consentNote: body.consentSource || null,
        actorId: staff.id,
        now: ctx.now(),
      });
      return reply.status(201).send(await detail(subscriberId));
    } catch (error) {
      if (error instanceof DuplicateSubscriberError)
        throw new ApiError(409, 'DUPLICATE_SUBSCRIBER', 'Cette adresse est déjà inscrite.', {
          subscriberId: error.subscriberId,
        });
      if (error instanceof SuppressedAddressError)
        throw new ApiError(
          409,
          'SUPPRESSED',
          'Cette adresse est sur la liste de suppression : elle ne recevra plus de courriel.',
        );
      throw error;
    }
  });

  handle(app, 'GET /api/subscribers/:id', ({ params }) => detail(params.id));

  handle(app, 'PATCH /api/subscribers/:id', async ({ params: { id }, body }) => {
    await detail(id);
    await updateSubscriber(db, { id, ...body, now: ctx.now() });
    return detail(id);
  });

  handle(app, 'POST /api/subscribers/:id/subscriptions', async ({ params: { id }, body }, request) => {
    const staff = requireStaff(request);
    await detail(id);
    const lists = await resolveLists([body.list], body.consentSource, 'list');
    try {
      await staffSubscribe(db, {
        subscriberId: id,
        listIds: lists.map((l) => l.id),
        consentNote: body.consentSource || null,
        actorId: staff.id,
        now: ctx.now(),
      });
    } catch (error) {
      if (error instanceof SuppressedAddressError)
        throw new ApiError(
          409,
          'SUPPRESSED',
          'Cette adresse est sur la liste de suppression : elle ne recevra plus de courriel.',
        );
      throw error;
    }
    return detail(id);
  });

  handle(app, 'POST /api/subscribers/:id/unsubscribe', async ({ params: { id }, body }, request) => {
    const staff = requireStaff(request);
    await detail(id);
    const listIds = body.lists ? (await listIdsBySlugs(db, body.lists)).map((l) => l.id) : undefined;
    await unsubscribeSubscriber(db, { subscriberId: id, listIds, now: ctx.now(), source: 'staff', actorId: staff.id });
    return detail(id);
  });

  handle(app, 'POST /api/subscribers/:id/suppress', async ({ params: { id } }, request) => {
    const staff = requireStaff(request);
    const current = await detail(id);
    await suppressAddress(db, {
      email: current.subscriber.email,
      reason: 'manual',
      now: ctx.now(),
      source: 'staff',
      actorId: staff.id,
    });
    return detail(id);
  });

  handle(app, 'POST /api/subscribers/:id/erase', async ({ params: { id } }, request, reply) => {
    const staff = requireStaff(request);
    // erasure includes the queued jobs: with Redis down, do nothing and answer 503 rather than half of it
    await promptly(ctx.mailQueue.count());
    if (!(await eraseSubscriber(db, { subscriberId: id, now: ctx.now(), source: 'staff', actorId: staff.id })))
      throw notFound('Subscriber');
    await promptly(removeSubscriberJobs(ctx.mailQueue, id)).catch((error: Error) =>
      request.log.warn({ reason: error.message }, 'queued jobs not removed'),
    );
    await appendAudit(db, {
      action: 'subscriber_erased',
      actorId: staff.id,
      targetType: 'subscriber',
      targetId: id,
      ip: request.ip,
    });
    return reply.status(204).send();
  });
}
