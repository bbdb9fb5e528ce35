import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findArchived, listArchive, type ArchivedCampaign } from '@crieur/db';
import { preparePersonaliser } from '@crieur/newsletter';
import { ArchiveIndex, ArchiveIssue, issueTitle } from '../public/archive-pages';
import { renderPage } from '../public/layout';
import { Section } from '../public/reader-pages';
import type { RouteContext } from './context';

// the newsletter's own document: no script, images from where the campaign put them, links open outside the frame
const LETTER_CSP =
  "sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation; default-src 'none'; img-src 'self' data: https: http:; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";
// the page around it keeps the site's policy; the srcdoc frame inherits it, so images from elsewhere must be allowed
const ISSUE_CSP =
  "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https: http:; frame-src 'self'; frame-ancestors 'none'; form-action 'self'; object-src 'none'; base-uri 'self'";

/** The frozen HTML with its placeholders filled by nothing personal: no name, links to public pages. */
export function publicLetterHtml(campaign: ArchivedCampaign & { renderedHtml: string }, publicUrl: string): string {
  const { html } = preparePersonaliser({
    html: campaign.renderedHtml,
    text: '',
    bytes: 0,
    clipped: false,
    mjmlErrors: [],
  })({
    firstName: '',
    unsubscribeUrl: `${publicUrl}/subscribe`,
    preferencesUrl: `${publicUrl}/subscribe`,
    webUrl: `${publicUrl}/archive/${campaign.slug}`,
  });
  // a link without a target would open inside the frame
  return html.replace(/<head>/i, '<head><base target="_top">');
}

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
  const notFoundPage = (reply: FastifyReply) =>
    reply
      .status(404)
      .type('text/html; charset=utf-8')
      .send(
        renderPage(
          'Lettre introuvable',
          <Section id="introuvable" title="Lettre introuvable">
            <p>
              Cette lettre n'existe pas ou n'est pas publiée dans les archives.{' '}
              <a href="/archive">Voir toutes les lettres</a>
            </p>
          </Section>,
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
    const page = renderPage(
      issueTitle(campaign),
      <ArchiveIssue campaign={campaign} html={publicLetterHtml(campaign, publicUrl)} token={token} />,
      {
        // an issue opened with its token may be a private list's: never indexed, never cached by others
        indexable: !token,
        head: <link rel="canonical" href={`${publicUrl}/archive/${campaign.slug}`} />,
      },
    );
    return sendCached(request, reply, page, ISSUE_CSP, token ? 'private' : 'public');
  });

  app.get('/archive/:slug/lettre', async (request, reply) => {
    const campaign = await issue(request);
    if (!campaign) return notFoundPage(reply);
    return sendCached(
      request,
      reply,
      publicLetterHtml(campaign, publicUrl),
      LETTER_CSP,
      tokenOf(request) ? 'private' : 'public',
    );
  });
}
