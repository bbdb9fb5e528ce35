// One handling of a subscribe request, for our own form (POST /subscribe) and the embeddable one (/subscribe/embed).
import { ERROR_MESSAGES } from '@crieur/api/error-codes';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { listLists, receiveSubscribeRequest } from '@crieur/db';
import { ApiError } from '../http/api-error';
import { addressLimit, localLimits, type LocalLimits } from '../http/address-limit';
import { renderPage } from '../public/layout';
import {
  SUBSCRIBE_TEXT_VERSION,
  SubscribeForm,
  SubscribeThanks,
  type PublicList,
  type SubscribeFormErrors,
} from '../public/subscribe-page';
import type { RouteContext } from './context';
import type { SubscribeInbox } from './subscribe-inbox';

export const SubscribeInput = z.object({
  email: z
    .string()
    .trim()
    .max(320)
    .pipe(z.email({ error: 'Indiquez une adresse e-mail valide, par exemple prenom@exemple.fr.' })),
  name: z.string().trim().max(120).default(''),
  lists: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().max(60)).min(1, 'Cochez au moins une lettre.').max(10),
  ),
  consent: z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === undefined, z.boolean()).optional(),
  website: z.string().optional(), // honeypot: people never see it, robots fill it
});
export type SubscribeInput = z.infer<typeof SubscribeInput>;

/** The honeypot field's name, for the forms that carry it (ours, and the snippet pasted elsewhere). */
export const HONEYPOT_FIELD = 'website';

export function sendHtml(reply: FastifyReply, status: number, html: string) {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

const wantsJson = (request: FastifyRequest) => (request.headers['content-type'] ?? '').startsWith('application/json');

/** Where a request came from: its form id (kept with the consent) and what the thanks page adds. */
export type SubscribeSource = { formId: string; thanksExtra?: ReactNode };
export type SubscribeHandler = (
  request: FastifyRequest,
  reply: FastifyReply,
  source: SubscribeSource,
) => Promise<unknown>;

export function createSubscribeHandler(ctx: RouteContext, inbox: SubscribeInbox): SubscribeHandler {
  const db = ctx.database.db;
  // one set of counters for every form: a robot gains nothing by switching from one to the other
  const local: LocalLimits = localLimits();
  const publicLists = async (): Promise<PublicList[]> => (await listLists(db)).filter((l) => l.visibility === 'public');
  const thanks = (request: FastifyRequest, reply: FastifyReply, source: SubscribeSource) =>
    wantsJson(request)
      ? reply.status(202).send({
          status: 'pending',
          message: 'If this address can receive our newsletters, a confirmation email is on its way.',
        })
      : sendHtml(
          reply,
          202,
          renderPage('Vérifiez votre boîte mail', <SubscribeThanks>{source.thanksExtra}</SubscribeThanks>),
        );

  return async (request, reply, source) => {
    const parsed = SubscribeInput.safeParse(request.body ?? {});
    const lists = await publicLists();
    if (!parsed.success) {
      const errors: SubscribeFormErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'email' || field === 'lists') errors[field] ??= issue.message;
      }
      if (wantsJson(request))
        return reply.status(400).send({
          error: {
            code: 'VALIDATION',
            message: 'Some fields are not valid',
            issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
          },
        });
      const body = (request.body ?? {}) as Record<string, unknown>;
      const values = {
        email: String(body.email ?? ''),
        name: String(body.name ?? ''),
        lists: ([] as unknown[]).concat(body.lists ?? []).map(String),
      };
      return sendHtml(
        reply,
        400,
        renderPage("S'abonner", <SubscribeForm lists={lists} values={values} errors={errors} />),
      );
    }
    const input: SubscribeInput = parsed.data;
    if (input.consent === false)
      return reply.status(400).send({
        error: {
          code: 'VALIDATION',
          message: 'Consent is required',
          issues: [{ path: 'consent', message: 'Consent is required' }],
        },
      });
    // every outcome below answers the same: the page never tells whether an address is known
    if (input.website) return thanks(request, reply, source);
    const limit = await subscribeLimit(ctx, local, input.email, request.ip);
    if (limit === 'ip') throw new ApiError(429, 'RATE_LIMITED', ERROR_MESSAGES.RATE_LIMITED);
    if (limit === 'address') return thanks(request, reply, source);
    const known = new Set(lists.map((l) => l.slug));
    const slugs = input.lists.filter((s) => known.has(s));
    // one constant insert whatever the address (unknown, pending, confirmed, suppressed): the work that
    // differs runs after the answer (issue 12), and Redis down changes nothing here
    const { requestId } = await receiveSubscribeRequest(db, {
      email: input.email,
      name: input.name,
      listSlugs: slugs,
      formId: source.formId,
      textVersion: SUBSCRIBE_TEXT_VERSION,
      ip: request.ip,
      receivedAt: ctx.now(),
    });
    inbox.add(requestId, request.log);
    return thanks(request, reply, source);
  };
}

/** The per-address counter shared with the other public forms (`http/address-limit.ts`). */
function subscribeLimit(
  ctx: RouteContext,
  local: LocalLimits,
  email: string,
  ip: string,
): Promise<'ok' | 'ip' | 'address'> {
  return addressLimit(
    { redis: ctx.redis, redisPrefix: ctx.config.redisPrefix, local, now: ctx.now() },
    { scope: 'subscribe', email, ip, ...ctx.subscribe },
  );
}
