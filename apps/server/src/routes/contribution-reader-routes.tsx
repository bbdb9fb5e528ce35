// The network's contributions on the reader site: the agenda (and its iCalendar), the job offers and the members'
// news, lists and item pages. Server-rendered, no script, behind the page cache like every public page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { contributionPath, JOB_CONTRACTS } from '@crieur/api';
import {
  calendarEvents,
  eventMonths,
  openOfferContracts,
  openOffers,
  publicContributionBySlug,
  publicEvents,
  publicNews,
  type PublicContribution,
  type PublicContributionKind,
} from '@crieur/db';
import { sendCached } from '../http/send-cached';
import { AgendaHead, AgendaPage, EventPage, eventJsonLd, type AgendaFormat } from '../public/agenda-pages';
import { readMonth, shortText } from '../public/contribution-format';
import { JsonLdScript, type ContributionView } from '../public/contribution-parts';
import { eventsCalendar, ICS_TYPE } from '../public/ics';
import { renderPage } from '../public/layout';
import { MembersNewsPage, NEWS_TITLE, NewsItemPage, newsJsonLd } from '../public/members-news-pages';
import { ClosedOffer, jobPostingJsonLd, OfferPage, OffersPage } from '../public/offers-pages';
import { NotFound } from '../public/reader-pages';
import type { RouteContext } from './context';
import { mediaUrl } from './media-routes';
import { coverFor } from './reader-covers';

/** Cards per page of every list. */
export const CONTRIBUTION_PAGE_SIZE = 20;
// what the calendar file carries: upcoming events and those of the last month (calendars keep what they showed)
const CALENDAR_KEEP_DAYS = 31;
const CALENDAR_LIMIT = 2_000;
const MAX_PAGE = 10_000;

// a repeated parameter counts once; anything unreadable is no filter or page 1, never an error
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const PageParam = z.preprocess(first, z.coerce.number().int().min(1).max(MAX_PAGE).catch(1));
export const AgendaQuery = z.object({
  mois: z.preprocess(first, z.unknown().transform(readMonth)),
  format: z.preprocess(first, z.enum(['en-ligne', 'sur-place']).nullable().catch(null)).default(null),
  page: PageParam,
});
export type AgendaQuery = z.infer<typeof AgendaQuery>;
export const OffersQuery = z.object({
  contrat: z.preprocess(first, z.enum(JOB_CONTRACTS).nullable().catch(null)).default(null),
  page: PageParam,
});
export type OffersQuery = z.infer<typeof OffersQuery>;
export const NewsQuery = z.object({ page: PageParam });
export type NewsQuery = z.infer<typeof NewsQuery>;

const pageCount = (total: number) => Math.max(1, Math.ceil(total / CONTRIBUTION_PAGE_SIZE));
const window = (page: number) => ({ limit: CONTRIBUTION_PAGE_SIZE, offset: (page - 1) * CONTRIBUTION_PAGE_SIZE });
const slugOf = (request: FastifyRequest) => (request.params as { slug: string }).slug;

export function contributionReaderRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;
  const base = ctx.config.publicUrl.replace(/\/+$/, '');
  const abs = (p: string) => `${base}${p}`;

  const notFound = (reply: FastifyReply) =>
    reply
      .status(404)
      .type('text/html; charset=utf-8')
      .send(renderPage('Page introuvable', <NotFound />));

  const view = async (item: PublicContribution): Promise<ContributionView> => ({
    ...item,
    image: await coverFor(db, item.imageMediaId),
  });
  const one = async (kind: PublicContributionKind, slug: string) =>
    /^[a-z0-9-]{1,200}$/.test(slug) ? publicContributionBySlug(db, { kind, slug, now: ctx.now() }) : null;

  /** An item page's head: canonical address, description, Open Graph, and its schema.org object. */
  const itemHead = (item: ContributionView, path: string, jsonLd: unknown) => (
    <>
      <link rel="canonical" href={abs(path)} />
      <meta name="description" content={shortText(item.description, 200)} />
      <meta property="og:type" content="website" />
      <meta property="og:site_name" content="démocratieS" />
      <meta property="og:locale" content="fr_FR" />
      <meta property="og:title" content={item.title} />
      <meta property="og:description" content={shortText(item.description, 200)} />
      <meta property="og:url" content={abs(path)} />
      {item.imageMediaId && <meta property="og:image" content={abs(mediaUrl(item.imageMediaId))} />}
      <JsonLdScript value={jsonLd} />
    </>
  );
  const imageUrl = (item: ContributionView) =>
    item.image && item.imageMediaId ? abs(mediaUrl(item.imageMediaId)) : null;

  const agenda = (period: 'upcoming' | 'past') => async (request: FastifyRequest, reply: FastifyReply) => {
    const q = AgendaQuery.parse(request.query ?? {});
    const now = ctx.now();
    const online = q.format === null ? null : q.format === 'en-ligne';
    const [list, months] = await Promise.all([
      publicEvents(db, { now, period, month: q.mois, online, ...window(q.page) }),
      eventMonths(db, { now, period, online }),
    ]);
    const query = { month: q.mois, format: q.format as AgendaFormat | null, page: q.page };
    const html = renderPage(
      period === 'upcoming' ? 'Agenda' : 'Événements passés',
      <AgendaPage
        period={period}
        query={query}
        total={list.total}
        pages={pageCount(list.total)}
        items={list.items}
        months={months}
        publicUrl={base}
      />,
      {
        indexable: true,
        wide: true,
        head: <AgendaHead canonical={abs(period === 'upcoming' ? '/agenda' : '/agenda/archives')} />,
      },
    );
    return sendCached(request, reply, html);
  };
  app.get('/agenda', agenda('upcoming'));
  app.get('/agenda/archives', agenda('past'));

  app.get('/agenda.ics', async (request, reply) => {
    const now = ctx.now();
    const events = await calendarEvents(db, { now, keepDays: CALENDAR_KEEP_DAYS, limit: CALENDAR_LIMIT });
    const ics = eventsCalendar({ name: 'Agenda du réseau · démocratieS', publicUrl: base, events, now });
    // inline: calendar apps subscribe to this address (webcal://); a browser offers to open it
    void reply.header('content-disposition', 'inline; filename="agenda.ics"');
    return sendCached(request, reply, ics, ICS_TYPE, 900);
  });

  // `/agenda/:slug` and, for the same event, `/agenda/:slug.ics`
  app.get('/agenda/:slug', async (request, reply) => {
    const raw = slugOf(request);
    const wantsIcs = raw.endsWith('.ics');
    const item = await one('event', wantsIcs ? raw.slice(0, -4) : raw);
    if (!item) return notFound(reply);
    if (wantsIcs) {
      const ics = eventsCalendar({ name: item.title, publicUrl: base, events: [item], now: ctx.now() });
      void reply.header('content-disposition', `attachment; filename="${item.slug}.ics"`);
      return sendCached(request, reply, ics, ICS_TYPE, 900);
    }
    const v = await view(item);
    const path = contributionPath('event', item.slug);
    const html = renderPage(item.title, <EventPage item={v} over={item.over} />, {
      indexable: true,
      wide: true,
      head: itemHead(v, path, eventJsonLd(v, abs(path), imageUrl(v))),
    });
    return sendCached(request, reply, html);
  });

  app.get('/offres', async (request, reply) => {
    const q = OffersQuery.parse(request.query ?? {});
    const now = ctx.now();
    const [list, contracts] = await Promise.all([
      openOffers(db, { now, contract: q.contrat, ...window(q.page) }),
      openOfferContracts(db, { now }),
    ]);
    const html = renderPage(
      'Offres d’emploi et de stage',
      <OffersPage
        query={{ contract: q.contrat, page: q.page }}
        total={list.total}
        pages={pageCount(list.total)}
        items={list.items}
        contracts={contracts}
      />,
      {
        indexable: true,
        wide: true,
        head: (
          <>
            <link rel="canonical" href={abs('/offres')} />
            <link rel="alternate" type="application/atom+xml" title="Offres d’emploi (Atom)" href="/offres/feed.xml" />
          </>
        ),
      },
    );
    return sendCached(request, reply, html);
  });

  app.get('/offres/:slug', async (request, reply) => {
    const item = await one('job', slugOf(request));
    if (!item) return notFound(reply);
    // closed: gone for good (search engines drop it), with a page that says so and leads to the open ones
    if (item.over)
      return reply
        .status(410)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(renderPage('Offre close', <ClosedOffer title={item.title} closesOn={item.closesOn} />));
    const v = await view(item);
    const path = contributionPath('job', item.slug);
    const html = renderPage(item.title, <OfferPage item={v} />, {
      indexable: true,
      wide: true,
      head: itemHead(v, path, jobPostingJsonLd(v, abs(path), imageUrl(v))),
    });
    return sendCached(request, reply, html);
  });

  app.get('/actualites-adherents', async (request, reply) => {
    const { page } = NewsQuery.parse(request.query ?? {});
    const list = await publicNews(db, { now: ctx.now(), ...window(page) });
    const html = renderPage(
      NEWS_TITLE,
      <MembersNewsPage page={page} total={list.total} pages={pageCount(list.total)} items={list.items} />,
      {
        indexable: true,
        wide: true,
        head: (
          <>
            <link rel="canonical" href={abs('/actualites-adherents')} />
            <link
              rel="alternate"
              type="application/atom+xml"
              title="Actualités des adhérent·es (Atom)"
              href="/actualites-adherents/feed.xml"
            />
          </>
        ),
      },
    );
    return sendCached(request, reply, html);
  });

  app.get('/actualites-adherents/:slug', async (request, reply) => {
    const item = await one('news', slugOf(request));
    if (!item) return notFound(reply);
    const v = await view(item);
    const path = contributionPath('news', item.slug);
    const html = renderPage(item.title, <NewsItemPage item={v} />, {
      indexable: true,
      wide: true,
      head: itemHead(v, path, newsJsonLd(v, abs(path), imageUrl(v))),
    });
    return sendCached(request, reply, html);
  });
}
