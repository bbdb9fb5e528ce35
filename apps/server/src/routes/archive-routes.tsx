import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findArchived, listArchive } from '@crieur/db';
import { ArchiveIndex, archiveLetterPage } from '../public/archive-pages';
import { MessagePage, renderPage } from '../public/layout';
import { publicLetterHtml } from '../public/public-letter';
import type { RouteContext } from './context';

// the letter's own document, served as the page: no script at all, its inline styles, images only from our /media
// (no reader's IP handed to a third party), never framed
// (the letter's images are PUBLIC_URL's absolute addresses: allowed even when the page is reached by another host name)
const letterCsp = (publicUrl: string) =>
  [
    "default-src 'none'",
    `img-src 'self' ${new URL(publicUrl).origin} data:`,
    "style-src 'unsafe-inline'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  body: string,
  csp?: string,
  scope: 'public' | 'private' = 'public',
) {
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  void reply.header('etag', etag).header('cache-control', `${scope}, max-age=60, stale-while-revalidate=600`);
  if (scope === 'private') void reply.header('x-robots-tag', 'noindex');
  if (csp) void reply.header('content-security-policy', csp);
  if (request.headers['if-none-match'] === etag) return reply.status(304).send();
  return reply.type('text/html; charset=utf-8').send(body);
}

export function archiveRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;
  const publicUrl = ctx.config.publicUrl;
  const LETTER_CSP = letterCsp(publicUrl);
  const notFoundPage = (reply: FastifyReply) =>
    reply
      .status(404)
      .type('text/html; charset=utf-8')
      .send(
        renderPage(
          'Lettre introuvable',
          <MessagePage heading="Lettre introuvable">
            <p>Cette lettre n’existe pas ou n’est pas publiée dans les archives.</p>
            <p>
              <a href="/archive">Voir toutes les lettres</a>
            </p>
          </MessagePage>,
        ),
      );
  // ?k= is the web token of an issue sent to a private list (its "voir en ligne" link)
  const tokenOf = (request: FastifyRequest) => {
    const k = (request.query as { k?: unknown }).k;
    return typeof k === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(k) ? k : undefined;
  };
  const issue = async (request: FastifyRequest) =>
    findArchived(db, (request.params as { slug: string }).slug, tokenOf(request));

  app.get('/archive', async (request, reply) => {
    const items = await listArchive(db);
    return sendCached(
      request,
      reply,
      renderPage('Archives des lettres', <ArchiveIndex items={items} />, { indexable: true }),
    );
  });

  app.get('/archive/:slug', async (request, reply) => {
    const campaign = await issue(request);
    if (!campaign) return notFoundPage(reply);
    const token = tokenOf(request);
    const page = archiveLetterPage({
      campaign,
      html: publicLetterHtml(campaign.renderedHtml, { publicUrl, slug: campaign.slug }),
      canonicalUrl: `${publicUrl}/archive/${campaign.slug}`,
      // an issue opened with its token may be a private list's: never indexed, never cached by others
      indexable: !token,
    });
    return sendCached(request, reply, page, LETTER_CSP, token ? 'private' : 'public');
  });

  // the address of the former full-page view: the issue page is now the letter itself
  app.get('/archive/:slug/lettre', async (request, reply) => {
    const campaign = await issue(request);
    if (!campaign) return notFoundPage(reply);
    const token = tokenOf(request);
    return reply.redirect(`/archive/${campaign.slug}${token ? `?k=${token}` : ''}`, 301);
  });
}
