import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { hashToken } from '@crieur/auth';
import { confirmSubscription, findOpenConfirmation, listLists } from '@crieur/db';
import { enqueueMail, promptly } from '@crieur/queue';
import { ConfirmedPage, ConfirmPage, InvalidLinkPage } from '../public/confirm-page';
import { renderPage } from '../public/layout';
import { SUBSCRIBE_FORM_ID, SubscribeForm, type PublicList } from '../public/subscribe-page';
import type { RouteContext } from './context';
import { createSubscribeHandler, sendHtml, type SubscribeHandler } from './subscribe-handler';
import { createSubscribeInbox } from './subscribe-inbox';

export const Token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

export { sendHtml };

/** Returns the subscribe handling, for the embeddable form's route. */
export function subscriptionRoutes(app: FastifyInstance, ctx: RouteContext): SubscribeHandler {
  const db = ctx.database.db;
  const inbox = createSubscribeInbox({ db, mailQueue: ctx.mailQueue });
  const subscribe = createSubscribeHandler(ctx, inbox);
  app.decorate('subscribeInbox', inbox);
  app.addHook('onClose', () => inbox.settled());
  const publicLists = async (): Promise<PublicList[]> => (await listLists(db)).filter((l) => l.visibility === 'public');
  app.get('/subscribe', async (_request, reply) =>
    sendHtml(reply, 200, renderPage("S'abonner", <SubscribeForm lists={await publicLists()} />)),
  );

  app.post(
    '/subscribe',
    { config: { rateLimit: { max: ctx.subscribe.perIpPerMinute, timeWindow: 60_000 } } },
    (request, reply) => subscribe(request, reply, { formId: SUBSCRIBE_FORM_ID }),
  );

  app.get('/confirm/:token', async (request, reply) => {
    const token = Token.safeParse((request.params as { token: string }).token);
    const open = token.success
      ? await findOpenConfirmation(db, { tokenHash: hashToken(token.data), now: ctx.now() })
      : null;
    if (!open) return sendHtml(reply, 410, renderPage('Lien expiré', <InvalidLinkPage />));
    return sendHtml(
      reply,
      200,
      renderPage('Confirmer votre inscription', <ConfirmPage token={token.data!} lists={open.lists} />),
    );
  });

  app.post('/confirm/:token', async (request, reply) => {
    const token = Token.safeParse((request.params as { token: string }).token);
    const done = token.success
      ? await confirmSubscription(db, { tokenHash: hashToken(token.data), ip: request.ip, now: ctx.now() })
      : null;
    if (!done) return sendHtml(reply, 410, renderPage('Lien expiré', <InvalidLinkPage />));
    // one welcome naming every list this click confirmed (none when all were confirmed already)
    const welcome = done.confirmed.length
      ? enqueueMail(ctx.mailQueue, {
          type: 'welcome',
          subscriberId: done.subscriberId,
          dueAt: done.welcomeDueAt.toISOString(),
        })
      : Promise.resolve();
    // Redis down: the confirmation is recorded, and the workers' mail rebuild sends the welcome later
    await promptly(welcome).catch((error: Error) =>
      request.log.warn({ reason: error.message }, 'welcome left to the mail rebuild'),
    );
    const names = (await listLists(db)).filter((l) => done.confirmed.some((c) => c.listId === l.id)).map((l) => l.name);
    return sendHtml(reply, 200, renderPage('Inscription confirmée', <ConfirmedPage lists={names} />));
  });
  return subscribe;
}
