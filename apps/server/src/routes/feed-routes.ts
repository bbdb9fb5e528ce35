// The Atom feeds: the whole site, each rubrique, each dossier and each tag; every address in them is absolute.
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { excerpt, renderWebHtml, type ArticleDoc } from '@crieur/content';
import { slugify } from '@crieur/editorial';
import {
  articlesWithLiveTag,
  dossierBySlug,
  latestContributions,
  latestPublished,
  liveTags,
  mediaByIds,
  rubriqueBySlug,
  type PublicContribution,
  type PublicContributionKind,
} from '@crieur/db';
import { sendCached } from '../http/send-cached';
import { feedImages } from '../media/feed-image';
import { renderAtomFeed, type AtomEntry } from '../public/atom-feed';
import { contributionFeedText, descriptionHtml } from '../public/contribution-format';
import { NEWS_TITLE } from '../public/members-news-pages';
import { mediaOf, siteIdentity } from '../public/site-identity';
import type { RouteContext } from './context';

/** How many pieces a feed carries: a year of démocratieS (about twenty); readers poll often and keep what they saw. */
export const FEED_LIMIT = 20;
const ATOM = 'application/atom+xml; charset=utf-8';
const SITE_TITLE = 'démocratieS';

type Card = Awaited<ReturnType<typeof latestPublished>>[number];
const CONTRIBUTION_PATHS: Record<PublicContributionKind, string> = {
  event: '/agenda',
  job: '/offres',
  news: '/actualites-adherents',
};
type FeedPage = { path: string; title: string; subtitle: string; updated?: Date };

export function feedRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;
  const base = ctx.config.publicUrl.replace(/\/+$/, '');
  const abs = (p: string) => `${base}${p}`;
  const images = feedImages(path.join(ctx.config.dataDir, 'uploads', 'media'), base);
  // a body renders in milliseconds: once per version, shared by every feed that carries it
  const bodies = new LRUCache<string, string>({ max: 500 });
  const bodyHtml = (a: Card) => {
    const key = `${a.id}|${a.updatedAt.getTime()}`;
    let html = bodies.get(key);
    if (html === undefined) {
      html = renderWebHtml(a.body as ArticleDoc, { mediaBaseUrl: base });
      bodies.set(key, html);
    }
    return html;
  };

  const entries = async (items: Card[]): Promise<AtomEntry[]> => {
    const covers = await mediaByIds(
      db,
      items.map((a) => a.coverMediaId),
    );
    return Promise.all(
      items.map(async (a) => {
        const cover = a.coverMediaId ? covers.get(a.coverMediaId) : undefined;
        return {
          url: abs(`/articles/${a.slug}`),
          title: a.title,
          summary: a.lede || excerpt(a.body as unknown as ArticleDoc, 300),
          html: bodyHtml(a),
          authors: a.authors,
          categories: [a.rubrique.name, ...a.tags],
          updated: a.updatedAt,
          published: a.publishedAt,
          image: cover ? await images.of(cover) : null,
        };
      }),
    );
  };

  // the network's contributions: their text as paragraphs, their image as the enclosure
  const contributionEntries = async (items: PublicContribution[]): Promise<AtomEntry[]> => {
    const rows = await mediaByIds(
      db,
      items.map((c) => c.imageMediaId),
    );
    return Promise.all(
      items.map(async (c) => {
        const row = c.imageMediaId ? rows.get(c.imageMediaId) : undefined;
        const image = row ? await images.of(row) : null;
        const text = contributionFeedText(c);
        return {
          url: abs(`${CONTRIBUTION_PATHS[c.kind]}/${c.slug}`),
          title: c.title,
          summary: text.summary,
          html: descriptionHtml(c.description, c.url),
          authors: text.author ? [text.author] : [],
          categories: [],
          updated: c.updatedAt,
          published: c.publishAt,
          // the proposer's alt text, not the library's
          image: image ? { ...image, alt: c.imageAlt } : null,
        };
      }),
    );
  };

  const send = async (
    request: FastifyRequest,
    reply: FastifyReply,
    page: FeedPage,
    items: Card[],
    ready?: AtomEntry[],
  ) => {
    const identity = siteIdentity();
    const list = ready ?? (await entries(items));
    // the newest change a reader could see: an entry's, or the page's own (a dossier's presentation)
    const times = [...list.map((e) => e.updated.getTime()), page.updated?.getTime() ?? 0];
    const xml = renderAtomFeed({
      url: abs(page.path),
      selfUrl: abs(`${page.path === '/' ? '' : page.path}/feed.xml`),
      title: page.title,
      subtitle: page.subtitle,
      author: identity.name,
      rights: identity.name,
      language: 'fr',
      updated: new Date(Math.max(...times)),
      entries: list,
    });
    return sendCached(request, reply, xml, ATOM, 300);
  };

  const notFound = (reply: FastifyReply) =>
    reply
      .status(404)
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'no-store')
      .send('Ce fil n’existe pas.');
  const slugOf = (request: FastifyRequest) => (request.params as { slug: string }).slug;
  const tagline = () => {
    const text = mediaOf(siteIdentity());
    return `${text[0]!.toUpperCase()}${text.slice(1)}`;
  };

  const contributionFeed = (kind: PublicContributionKind, title: string, subtitle: string) =>
    async function (request: FastifyRequest, reply: FastifyReply) {
      const items = await latestContributions(db, { now: ctx.now(), kind, limit: FEED_LIMIT });
      const page = { path: CONTRIBUTION_PATHS[kind], title: `${SITE_TITLE} · ${title}`, subtitle };
      return send(request, reply, page, [], await contributionEntries(items));
    };
  app.get(
    '/agenda/feed.xml',
    contributionFeed('event', 'Agenda', 'Les événements à venir proposés par les membres du réseau.'),
  );
  app.get(
    '/offres/feed.xml',
    contributionFeed('job', 'Offres d’emploi', 'Les offres d’emploi et de stage ouvertes dans le réseau.'),
  );
  app.get(
    '/actualites-adherents/feed.xml',
    contributionFeed('news', NEWS_TITLE, 'Ce que font les structures adhérentes de l’association.'),
  );

  app.get('/feed.xml', async (request, reply) => {
    const items = await latestPublished(db, { now: ctx.now(), limit: FEED_LIMIT });
    return send(request, reply, { path: '/', title: SITE_TITLE, subtitle: tagline() }, items);
  });

  app.get('/rubriques/:slug/feed.xml', async (request, reply) => {
    const rubrique = await rubriqueBySlug(db, slugOf(request));
    if (!rubrique) return notFound(reply);
    const items = await latestPublished(db, { now: ctx.now(), limit: FEED_LIMIT, rubriqueId: rubrique.id });
    const subtitle = rubrique.description || tagline();
    return send(
      request,
      reply,
      { path: `/rubriques/${rubrique.slug}`, title: `${SITE_TITLE} · ${rubrique.name}`, subtitle },
      items,
    );
  });

  app.get('/dossiers/:slug/feed.xml', async (request, reply) => {
    const dossier = await dossierBySlug(db, slugOf(request));
    if (!dossier) return notFound(reply);
    // a dossier lists its pieces in the editors' order; a feed shows the newest first
    const items = (await latestPublished(db, { now: ctx.now(), limit: 200, dossierId: dossier.id }))
      .sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0))
      .slice(0, FEED_LIMIT);
    const page = {
      path: `/dossiers/${dossier.slug}`,
      title: `${SITE_TITLE} · Dossier : ${dossier.title}`,
      subtitle: dossier.lede || tagline(),
      updated: dossier.updatedAt,
    };
    return send(request, reply, page, items);
  });

  // a tag's slug may stand for several spellings («Climat», «climat»), as on its page
  app.get('/mots-cles/:slug/feed.xml', async (request, reply) => {
    const slug = slugOf(request);
    const now = ctx.now();
    const tags = (await liveTags(db, { now })).filter((tag) => slugify(tag) === slug);
    if (tags.length === 0) return notFound(reply);
    const items = await articlesWithLiveTag(db, { now, tags, limit: FEED_LIMIT });
    const page = { path: `/mots-cles/${slug}`, title: `${SITE_TITLE} · Mot-clé : ${tags[0]}`, subtitle: tagline() };
    return send(request, reply, page, items);
  });
}
