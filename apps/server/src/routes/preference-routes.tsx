import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  eraseSubscriber,
  exportSubscriberData,
  findByPreferencesLink,
  findUnsubscribeTarget,
  unsubscribeByLink,
  unsubscribeSubscriber,
  updatePreferences,
} from '@crieur/db';
import { promptly, removeSubscriberJobs } from '@crieur/queue';
import { renderPage } from '../public/layout';
import { ErasedPage, PreferencesPage } from '../public/preferences-page';
import { SUBSCRIBE_TEXT_VERSION } from '../public/subscribe-page';
import { TEST_LINK_TOKEN, TestLinkPage } from '../public/test-link-page';
import { UnknownLinkPage, UnsubscribedPage, UnsubscribePage } from '../public/unsubscribe-page';
import type { RouteContext } from './context';
import { sendHtml, Token } from './subscription-routes';

const PreferencesBody = z.object({
  action: z.enum(['save', 'unsubscribe_all', 'export', 'erase']).default('save'),
  lists: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.coerce.number().int().positive()).max(20),
  ),
  confirm: z.string().optional(),
});

// not the subscribe form's « expired link » page: this reader wants to leave or change, not to subscribe again
const notFoundPage = () => renderPage('Lien inconnu', <UnknownLinkPage />);

export function preferenceRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;

  // a test send's links: these static paths win over /:token, and one-click POSTs get their 200 too
  for (const link of ['unsubscribe', 'preferences'] as const) {
    const page = () => renderPage('Lien d’essai', <TestLinkPage link={link} />);
    app.get(`/${link}/${TEST_LINK_TOKEN}`, async (_request, reply) => sendHtml(reply, 200, page()));
    app.post(`/${link}/${TEST_LINK_TOKEN}`, async (_request, reply) => sendHtml(reply, 200, page()));
  }

  app.get('/unsubscribe/:token', async (request, reply) => {
    const token = Token.safeParse((request.params as { token: string }).token);
    const target = token.success ? await findUnsubscribeTarget(db, ctx.links.read('unsubscribe', token.data)) : null;
    if (!target) return sendHtml(reply, 404, notFoundPage());
    return sendHtml(
      reply,
      200,
      renderPage(
        'Se désinscrire',
        <UnsubscribePage
          token={token.data!}
          listName={target.listName}
          alreadyLeft={target.status === 'unsubscribed'}
        />,
      ),
    );
  });

  // RFC 8058 one-click: no cookie, no CSRF token, 200 and no redirect, safe to repeat
  app.post('/unsubscribe/:token', async (request, reply) => {
    const token = Token.safeParse((request.params as { token: string }).token);
    const done = token.success
      ? await unsubscribeByLink(db, { ref: ctx.links.read('unsubscribe', token.data), now: ctx.now() })
      : null;
    if (!done) return sendHtml(reply, 404, notFoundPage());
    return sendHtml(
      reply,
      200,
      renderPage(
        'Désinscription',
        <UnsubscribedPage listName={done.listName} preferencesToken={ctx.links.preferences(done.subscriberId)} />,
      ),
    );
  });

  app.get('/preferences/:token', async (request, reply) => {
    const token = Token.safeParse((request.params as { token: string }).token);
    const found = token.success ? await findByPreferencesLink(db, ctx.links.read('preferences', token.data)) : null;
    if (!found) return sendHtml(reply, 404, notFoundPage());
    return sendHtml(
      reply,
      200,
      renderPage(
        'Mes abonnements',
        <PreferencesPage
          token={token.data!}
          email={found.subscriber.email}
          lists={found.lists.map((l) => ({ ...l, subscribed: l.status === 'confirmed' || l.status === 'pending' }))}
        />,
      ),
    );
  });

  app.post('/preferences/:token', async (request, reply) => {
    const token = Token.safeParse((request.params as { token: string }).token);
    const found = token.success ? await findByPreferencesLink(db, ctx.links.read('preferences', token.data)) : null;
    if (!found) return sendHtml(reply, 404, notFoundPage());
    const body = PreferencesBody.safeParse(request.body ?? {});
    if (!body.success) return sendHtml(reply, 400, notFoundPage());
    const subscriberId = found.subscriber.id;
    const now = ctx.now();
    switch (body.data.action) {
      case 'export': {
        const data = await exportSubscriberData(db, subscriberId);
        return reply
          .header('content-disposition', 'attachment; filename="mes-donnees-democraties.json"')
          .header('cache-control', 'no-store')
          .type('application/json; charset=utf-8')
          .send(JSON.stringify(data, null, 2));
      }
      case 'erase': {
        if (body.data.confirm !== 'yes') break;
        // erasure includes the queued jobs: with Redis down, do nothing and say so (503) rather than half of it
        await promptly(ctx.mailQueue.count());
        await eraseSubscriber(db, { subscriberId, now, source: 'form' });
        await promptly(removeSubscriberJobs(ctx.mailQueue, subscriberId)).catch((error: Error) =>
          request.log.warn({ reason: error.message }, 'queued jobs not removed'),
        );
        return sendHtml(reply, 200, renderPage('Données effacées', <ErasedPage />));
      }
      case 'unsubscribe_all':
        await unsubscribeSubscriber(db, { subscriberId, now, source: 'form' });
        break;
      case 'save':
        await updatePreferences(db, {
          subscriberId,
          wantedListIds: body.data.lists,
          ip: request.ip,
          now,
          textVersion: SUBSCRIBE_TEXT_VERSION,
        });
        break;
    }
    const fresh = (await findByPreferencesLink(db, ctx.links.read('preferences', token.data!)))!;
    return sendHtml(
      reply,
      200,
      renderPage(
        'Mes abonnements',
        <PreferencesPage
          token={token.data!}
          email={fresh.subscriber.email}
          saved
          lists={fresh.lists.map((l) => ({ ...l, subscribed: l.status === 'confirmed' || l.status === 'pending' }))}
        />,
      ),
    );
  });
}
