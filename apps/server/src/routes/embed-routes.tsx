// The embeddable subscribe form: admins list the sites allowed to post it; the form posts to /subscribe/embed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmbedForm } from '@crieur/api';
import { frenchTypography as ft } from '@crieur/content';
import { appendAudit, getEmbedOrigins, listLists, setEmbedOrigins } from '@crieur/db';
import { requireStaff } from '../auth/register-access';
import { handle } from '../http/contract-route';
import { BackToSite, EmbedRefused } from '../public/embed-pages';
import { renderPage } from '../public/layout';
import { SUBSCRIBE_NOTICE } from '../public/subscribe-page';
import type { RouteContext } from './context';
import { HONEYPOT_FIELD, sendHtml, type SubscribeHandler } from './subscribe-handler';

/** Kept with each consent: the request came through the form pasted on another site. */
export const EMBED_FORM_ID = 'embed';
export const EMBED_PATH = '/subscribe/embed';

/** The request's Origin when it is one of `allowed`; null for none, `null` (opaque) or any other site. */
export function allowedOrigin(request: FastifyRequest, allowed: readonly string[]): string | null {
  const origin = request.headers.origin;
  if (typeof origin !== 'string' || origin === 'null') return null;
  // typed in the address bar or opened from a bookmark: no page of another site sent it
  if (request.headers['sec-fetch-site'] === 'none') return null;
  return allowed.includes(origin.toLowerCase()) ? origin.toLowerCase() : null;
}

const wantsJson = (request: FastifyRequest) => (request.headers['content-type'] ?? '').startsWith('application/json');

export function embedRoutes(app: FastifyInstance, ctx: RouteContext, subscribe: SubscribeHandler): void {
  const db = ctx.database.db;
  const action = `${ctx.config.publicUrl.replace(/\/+$/, '')}${EMBED_PATH}`;

  const view = async (origins: string[]): Promise<EmbedForm> => ({
    origins,
    action,
    lists: (await listLists(db))
      .filter((l) => l.visibility === 'public')
      .map((l) => ({ slug: l.slug, name: ft(l.name), description: ft(l.description) })),
    notice: ft(SUBSCRIBE_NOTICE),
    honeypot: HONEYPOT_FIELD,
  });

  handle(app, 'GET /api/embed-form', async () => ({ embedForm: await view(await getEmbedOrigins(db)) }));

  handle(app, 'PUT /api/embed-form', async ({ body }, request) => {
    const admin = requireStaff(request);
    const before = await getEmbedOrigins(db);
    const after = await setEmbedOrigins(db, { origins: body.origins, now: ctx.now() });
    const added = after.filter((o) => !before.includes(o));
    const removed = before.filter((o) => !after.includes(o));
    if (added.length || removed.length)
      await appendAudit(db, {
        action: 'embed_origins_updated',
        actorId: admin.id,
        targetType: 'organisation',
        data: { added, removed },
        ip: request.ip,
      });
    return { embedForm: await view(after) };
  });

  // read at each request: a site an admin removes is refused at once, by every server process
  const refuse = (request: FastifyRequest, reply: FastifyReply) => {
    const origin = request.headers.origin;
    const shown = typeof origin === 'string' && origin !== 'null' ? origin : null;
    if (wantsJson(request))
      return reply
        .status(403)
        .header('cache-control', 'no-store')
        .send({
          error: { code: 'FORBIDDEN', message: 'Ce formulaire n’est pas autorisé depuis ce site.' },
        });
    return sendHtml(reply, 403, renderPage('Formulaire non autorisé', <EmbedRefused origin={shown} />));
  };

  // the thanks page reloaded, or the address opened by hand: our own form
  app.get(EMBED_PATH, async (_request, reply) => reply.redirect('/subscribe', 303));

  // a fetch() with a JSON body from an allowed site asks first; never a wildcard
  app.options(EMBED_PATH, async (request, reply) => {
    const origin = allowedOrigin(request, await getEmbedOrigins(db));
    void reply.header('vary', 'Origin');
    if (!origin) return reply.status(403).send();
    return reply
      .status(204)
      .header('access-control-allow-origin', origin)
      .header('access-control-allow-methods', 'POST')
      .header('access-control-allow-headers', 'content-type')
      .header('access-control-max-age', '600')
      .send();
  });

  app.post(
    EMBED_PATH,
    { config: { rateLimit: { max: ctx.subscribe.perIpPerMinute, timeWindow: 60_000 } } },
    async (request, reply) => {
      const origin = allowedOrigin(request, await getEmbedOrigins(db));
      void reply.header('vary', 'Origin');
      if (!origin) return refuse(request, reply);
      void reply.header('access-control-allow-origin', origin);
      return subscribe(request, reply, { formId: EMBED_FORM_ID, thanksExtra: <BackToSite origin={origin} /> });
    },
  );
}
