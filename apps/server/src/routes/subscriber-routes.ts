import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
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
import { parse } from '../http/parse-body';
import type { RouteContext } from './context';
import { subscriberDetailView } from './subscriber-views';

const Status = z.enum(['pending', 'confirmed', 'unsubscribed']);
const SearchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  list: z.string().max(60).optional(),
  status: Status.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const IdParams = z.object({ id: z.uuid('Unknown subscriber') });
const CreateBody = z.object({
  email: z.email('Enter a valid email address').max(320),
  name: z.string().trim().max(200).default(''),
  locale: z.enum(['fr', 'en']).default('fr'),
  lists: z.array(z.string().max(60)).min(1, 'Choose at least one list').max(10),
  consentSource: z.string().trim().max(500).default(''),
});
const PatchBody = z.object({ name: z.string().trim().max(200).optional(), locale: z.enum(['fr', 'en']).optional() });
const SubscribeBody = z.object({ list: z.string().max(60), consentSource: z.string().trim().max(500).default('') });
const UnsubscribeBody = z.object({ lists: z.array(z.string().max(60)).max(10).optional() });

// the cursor is the last row's (created_at, id), opaque to the studio
const encodeCursor = (r: { createdAt: Date; id: string }) =>
  Buffer.from(`${r.createdAt.toISOString()}|${r.id}`).toString('base64url');
function decodeCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime()) || !z.uuid().safeParse(id).success)
    throw new ApiError(400, 'VALIDATION', 'Bad cursor', { issues: [{ path: 'cursor', message: 'Bad cursor' }] });
  return { createdAt, id };
}

export function subscriberRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;

  /** Lists named by slug; a public list needs a consent source, the private one has legitimate interest. */
  async function resolveLists(slugs: string[], consentSource: string) {
    const found = await listIdsBySlugs(db, slugs);
    if (found.length !== new Set(slugs).size)
      throw new ApiError(400, 'VALIDATION', 'Unknown list', { issues: [{ path: 'lists', message: 'Unknown list' }] });
    if (found.some((l) => l.legalBasis === 'consent') && !consentSource) {
      throw new ApiError(
        400,
        'CONSENT_SOURCE_REQUIRED',
        'Say where this person gave their consent (for example: paper form signed at the general assembly)',
      );
    }
    return found;
  }
  const detail = async (id: string) => {
    const d = await getSubscriberDetail(db, id);
    if (!d) throw notFound('Subscriber');
    return subscriberDetailView(d);
  };

  app.get('/api/subscribers', async (request) => {
    const query = parse(SearchQuery, request.query);
    const listId = query.list ? (await listIdsBySlugs(db, [query.list]))[0]?.id : undefined;
    if (query.list && listId === undefined)
      throw new ApiError(400, 'VALIDATION', 'Unknown list', { issues: [{ path: 'list', message: 'Unknown list' }] });
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

  app.post('/api/subscribers', async (request, reply) => {
    const staff = requireStaff(request);
    const body = parse(CreateBody, request.body);
    const lists = await resolveLists(body.lists, body.consentSource);
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
        throw new ApiError(409, 'DUPLICATE_SUBSCRIBER', 'This address is already a subscriber', {
          subscriberId: error.subscriberId,
        });
      if (error instanceof SuppressedAddressError)
        throw new ApiError(409, 'SUPPRESSED', 'This address is on the suppression list: it will not be mailed');
      throw error;
    }
  });

  app.get('/api/subscribers/:id', async (request) => detail(parse(IdParams, request.params).id));

  app.patch('/api/subscribers/:id', async (request) => {
    const { id } = parse(IdParams, request.params);
    await detail(id);
    await updateSubscriber(db, { id, ...parse(PatchBody, request.body), now: ctx.now() });
    return detail(id);
  });

  app.post('/api/subscribers/:id/subscriptions', async (request) => {
    const staff = requireStaff(request);
    const { id } = parse(IdParams, request.params);
    const body = parse(SubscribeBody, request.body);
    await detail(id);
    const lists = await resolveLists([body.list], body.consentSource);
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
        throw new ApiError(409, 'SUPPRESSED', 'This address is on the suppression list: it will not be mailed');
      throw error;
    }
    return detail(id);
  });

  app.post('/api/subscribers/:id/unsubscribe', async (request) => {
    const staff = requireStaff(request);
    const { id } = parse(IdParams, request.params);
    const body = parse(UnsubscribeBody, request.body);
    await detail(id);
    const listIds = body.lists ? (await listIdsBySlugs(db, body.lists)).map((l) => l.id) : undefined;
    await unsubscribeSubscriber(db, { subscriberId: id, listIds, now: ctx.now(), source: 'staff', actorId: staff.id });
    return detail(id);
  });

  app.post('/api/subscribers/:id/suppress', async (request) => {
    const staff = requireStaff(request);
    const { id } = parse(IdParams, request.params);
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

  app.post('/api/subscribers/:id/erase', async (request, reply) => {
    const staff = requireStaff(request);
    const { id } = parse(IdParams, request.params);
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
