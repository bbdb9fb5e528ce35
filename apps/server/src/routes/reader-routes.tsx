import type { FastifyInstance, FastifyReply } from 'fastify';
import { LRUCache } from 'lru-cache';
import { excerpt, renderWebHtml, type ArticleDoc } from '@crieur/content';
import { slugify } from '@crieur/editorial';
import { contributionPath } from '@crieur/api';
import {
  contributionSitemap,
  dossierArticleCounts,
  dossierBySlug,
  getArticle,
  getDossier,
  latestPublished,
  listRubriques,
  liveTags,
  articlesWithLiveTag,
  publishedArticleBySlug,
  publishedDossiers,
  relatedArticles,
  rubriqueBySlug,
  type ArticleWithRefs,
} from '@crieur/db';
import { DossierPage } from '../public/dossier-page';
import { DossiersPage } from '../public/dossiers-page';
import { HomePage } from '../public/home-page';
import { pickHomeLists } from '../public/home-lists';
import { renderPage } from '../public/layout';
import { readingTime } from '../public/reading-time';
import {
  ArticleHead,
  ArticlePage,
  CardGrid,
  NotFound,
  PageHead,
  SubscribeBox,
  TagPage,
  type CoverImage,
  type DossierBox,
  type Teaser,
} from '../public/reader-pages';
import { handle } from '../http/contract-route';
import { rendered, sendCached, type Rendered } from '../http/send-cached';
import { fontRoutes } from './font-routes';
import { mediaUrl } from './media-routes';
import { coverFor, coverImage, tagLinks, withCovers } from './reader-covers';
import type { RouteContext } from './context';
import { siteIdentity, siteIdentityStamp } from '../public/site-identity';

type Latest = Awaited<ReturnType<typeof latestPublished>>[number];
// `cover`: added by withCovers (one query per list)
const teaser = (a: Latest & { cover?: CoverImage | null }): Teaser => ({
  slug: a.slug,
  title: a.title,
  lede: a.lede,
  excerpt: excerpt(a.body as unknown as ArticleDoc, 220),
  authors: a.authors,
  publishedAt: a.publishedAt,
  rubrique: a.rubrique,
  cover: a.cover ?? null,
});
const feedLink = (href: string, title: string) => (
  <link rel="alternate" type="application/atom+xml" title={title} href={href} />
);

export function readerRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;
  fontRoutes(app);
  // rendering a document costs milliseconds; a page is rendered once per version of what it shows
  const articlePages = new LRUCache<string, Rendered>({ max: 500 });
  const bodies = new LRUCache<string, string>({ max: 500 });
  const abs = (p: string) => `${ctx.config.publicUrl}${p}`;
  // one rendering of each version of a body (the feeds render their own, with absolute image addresses)
  const bodyHtml = (a: { id: string; updatedAt: Date; body: unknown }) => {
    const key = `${a.id}|${a.updatedAt.getTime()}`;
    let html = bodies.get(key);
    if (html === undefined) {
      html = renderWebHtml(a.body as ArticleDoc, {});
      bodies.set(key, html);
    }
    return html;
  };
  const notFoundPage = (reply: FastifyReply) =>
    reply
      .status(404)
      .type('text/html; charset=utf-8')
      .send(renderPage('Page introuvable', <NotFound />));

  /** What an article page shows besides the article: its cover, its dossier's other pieces, « À lire aussi ». */
  const articleSurroundings = async (a: ArticleWithRefs) => {
    const dossierId = a.dossier?.id ?? null;
    const [cover, siblings, related] = await Promise.all([
      coverFor(db, a.coverMediaId),
      dossierId ? latestPublished(db, { now: ctx.now(), limit: 30, dossierId }) : Promise.resolve([]),
      relatedArticles(db, {
        articleId: a.id,
        dossierId,
        rubriqueId: a.rubriqueId,
        tags: a.tags,
        now: ctx.now(),
        limit: 3,
      }),
    ]);
    const dossier: DossierBox | null = a.dossier && {
      slug: a.dossier.slug,
      title: a.dossier.title,
      others: siblings.filter((s) => s.id !== a.id).map((s) => ({ slug: s.slug, title: s.title })),
    };
    const relatedCards = related.map((r) => ({ ...r, cover: r.cover ? coverImage(r.cover) : null }));
    // everything of these lists a page shows: a change to any of them makes a new page
    const stamp = [
      ...siblings.map((s) => `${s.id}:${s.updatedAt.getTime()}`),
      '/',
      ...related.map(
        (r) => `${r.id}:${r.updatedAt.getTime()}:${r.publishedAt?.getTime()}:${r.rubrique.name}:${r.cover?.id ?? ''}`,
      ),
    ].join(',');
    return { cover, dossier, related: relatedCards, stamp };
  };

  const articleHtml = (
    a: ArticleWithRefs,
    around: Awaited<ReturnType<typeof articleSurroundings>>,
    preview = false,
  ) => {
    const description = a.lede || excerpt(a.body as unknown as ArticleDoc, 200);
    return renderPage(
      a.title,
      <ArticlePage
        title={a.title}
        lede={a.lede}
        html={bodyHtml(a)}
        authors={a.authors}
        publishedAt={a.publishedAt}
        readingTime={readingTime(a.body)}
        rubrique={a.rubrique}
        dossier={around.dossier}
        cover={around.cover}
        tags={tagLinks(a.tags)}
        related={around.related.map(teaser)}
        preview={preview}
      />,
      {
        indexable: !preview,
        wide: true,
        head: (
          <ArticleHead
            url={abs(`/articles/${a.slug}`)}
            title={a.title}
            description={description}
            image={a.coverMediaId ? abs(mediaUrl(a.coverMediaId)) : null}
            publishedAt={a.publishedAt}
            updatedAt={a.updatedAt}
            authors={a.authors}
          />
        ),
      },
    );
  };

  app.get('/', async (request, reply) => {
    const now = ctx.now();
    const [dossiers, rubriques] = await Promise.all([publishedDossiers(db), listRubriques(db)]);
    const current = dossiers[0];
    const LATEST = 6;
    const PER_RUBRIQUE = 3;
    const [pieces, latest, ...perRubrique] = await Promise.all([
      current ? latestPublished(db, { now, limit: 3, dossierId: current.id }) : Promise.resolve([]),
      latestPublished(db, { now, limit: LATEST + 4 }),
      // enough to fill each rubrique's row once the articles shown above are left out
      ...rubriques.map((r) => latestPublished(db, { now, limit: PER_RUBRIQUE + LATEST + 4, rubriqueId: r.id })),
    ]);
    const lists = pickHomeLists({
      hasDossier: Boolean(current),
      pieces,
      latest,
      perRubrique,
      latestCount: LATEST,
      perRubriqueCount: PER_RUBRIQUE,
    });
    // one cover query for every card of the page
    const shown = [...lists.pieces, ...(lists.leadArticle ? [lists.leadArticle] : []), ...lists.latest];
    const [covered, dossierCover] = await Promise.all([
      withCovers(db, [...shown, ...lists.perRubrique.flat()]),
      coverFor(db, current?.coverMediaId ?? null),
    ]);
    const card = new Map(covered.map((a) => [a.id, teaser(a)]));
    const cards = (list: Latest[]) => list.map((a) => card.get(a.id)!);
    const html = renderPage(
      'Accueil',
      <HomePage
        title={`démocratieS, ${siteIdentity().name}`}
        lead={
          current
            ? {
                slug: current.slug,
                title: current.title,
                lede: current.lede,
                cover: dossierCover,
                pieces: cards(lists.pieces),
              }
            : null
        }
        leadArticle={lists.leadArticle ? card.get(lists.leadArticle.id)! : null}
        latest={cards(lists.latest)}
        rubriques={rubriques.map((r, i) => ({ slug: r.slug, name: r.name, items: cards(lists.perRubrique[i] ?? []) }))}
      />,
      { indexable: true, wide: true },
    );
    return sendCached(request, reply, html);
  });

  app.get('/articles/:slug', async (request, reply) => {
    const article = await publishedArticleBySlug(db, {
      slug: (request.params as { slug: string }).slug,
      now: ctx.now(),
    });
    if (!article) return notFoundPage(reply);
    const around = await articleSurroundings(article);
    const { cover } = around;
    const key = [
      article.id,
      // the footer names the association: a change in the studio shows on cached pages too
      siteIdentityStamp(),
      // the library's alt text, caption and credit may change without the article changing
      cover ? `${cover.src}|${cover.alt}|${cover.caption}|${cover.credit}` : '',
      article.version,
      article.updatedAt.getTime(),
      article.publishedAt?.getTime(),
      article.rubrique.name,
      article.dossier?.title ?? '',
      around.stamp,
    ].join('|');
    let page = articlePages.get(key);
    if (!page) {
      page = rendered(articleHtml(article, around));
      articlePages.set(key, page);
    }
    return sendCached(request, reply, page);
  });

  // staff see a piece exactly as readers will, whatever its status
  handle(app, 'GET /api/articles/:id/preview', async ({ params: { id } }, _request, reply) => {
    const article = /^[0-9a-f-]{36}$/.test(id) ? await getArticle(db, id) : null;
    if (!article) return notFoundPage(reply);
    const html = articleHtml(article, await articleSurroundings(article), true);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });

  app.get('/dossiers', async (request, reply) => {
    const now = ctx.now();
    const [dossiers, counts] = await Promise.all([publishedDossiers(db), dossierArticleCounts(db, { now })]);
    const covered = await withCovers(db, dossiers);
    const html = renderPage(
      'Dossiers',
      <DossiersPage
        dossiers={covered.map((d) => ({
          slug: d.slug,
          title: d.title,
          lede: d.lede,
          publishedAt: d.publishedAt,
          cover: d.cover,
          articleCount: counts.get(d.id) ?? 0,
        }))}
      />,
      { indexable: true, wide: true },
    );
    return sendCached(request, reply, html);
  });

  // an editorial note renders once per version (the live revision, or the working row's version in a preview)
  const dossierHtml = (
    d: { slug: string; title: string; lede: string; editorialNote: unknown; coverMediaId: string | null },
    noteKey: string,
    items: Teaser[],
    cover: CoverImage | null,
    preview = false,
  ) =>
    renderPage(
      d.title,
      <DossierPage
        title={d.title}
        lede={d.lede}
        cover={cover}
        noteHtml={bodyHtml({ id: noteKey, updatedAt: new Date(0), body: d.editorialNote })}
        preview={preview}
      >
        <CardGrid items={items} eager={cover ? 0 : 3} />
      </DossierPage>,
      {
        indexable: !preview,
        wide: true,
        head: feedLink(`/dossiers/${d.slug}/feed.xml`, `Dossier « ${d.title} »`),
      },
    );
  const dossierItems = async (dossier: { id: string; coverMediaId: string | null }) => {
    const [items, cover] = await Promise.all([
      latestPublished(db, { now: ctx.now(), limit: 100, dossierId: dossier.id }).then((list) => withCovers(db, list)),
      coverFor(db, dossier.coverMediaId),
    ]);
    return { items: items.map(teaser), cover };
  };

  app.get('/dossiers/:slug', async (request, reply) => {
    const dossier = await dossierBySlug(db, (request.params as { slug: string }).slug);
    if (!dossier) return notFoundPage(reply);
    const { items, cover } = await dossierItems(dossier);
    return sendCached(request, reply, dossierHtml(dossier, `dossier-live-${dossier.liveRevisionId}`, items, cover));
  });

  // staff see the working version as readers would, whatever its status
  handle(app, 'GET /api/dossiers/:id/preview', async ({ params: { id } }, _request, reply) => {
    const dossier = /^[0-9a-f-]{36}$/.test(id) ? await getDossier(db, id) : null;
    if (!dossier) return notFoundPage(reply);
    const { items, cover } = await dossierItems(dossier);
    const html = dossierHtml(dossier, `dossier-work-${dossier.id}-${dossier.version}`, items, cover, true);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });

  app.get('/rubriques/:slug', async (request, reply) => {
    const rubrique = await rubriqueBySlug(db, (request.params as { slug: string }).slug);
    if (!rubrique) return notFoundPage(reply);
    const items = await withCovers(
      db,
      await latestPublished(db, { now: ctx.now(), limit: 100, rubriqueId: rubrique.id }),
    );
    const html = renderPage(
      rubrique.name,
      <section aria-labelledby="titre">
        <PageHead kicker="Rubrique" title={rubrique.name} lede={rubrique.description} />
        {/* no heading between the page's H1 and the cards: theirs are H2 */}
        <CardGrid items={items.map(teaser)} showRubrique={false} eager={3} level={2} />
        <SubscribeBox />
      </section>,
      {
        indexable: true,
        wide: true,
        head: feedLink(`/rubriques/${rubrique.slug}/feed.xml`, `Rubrique « ${rubrique.name} »`),
      },
    );
    return sendCached(request, reply, html);
  });

  // a tag's slug may stand for several spellings («Climat», «climat»): the page lists them all
  app.get('/mots-cles/:slug', async (request, reply) => {
    const slug = (request.params as { slug: string }).slug;
    const now = ctx.now();
    const tags = (await liveTags(db, { now })).filter((tag) => slugify(tag) === slug);
    if (tags.length === 0) return notFoundPage(reply);
    const items = await withCovers(db, await articlesWithLiveTag(db, { now, tags, limit: 200 }));
    const html = renderPage(
      `Mot-clé : ${tags[0]}`,
      <TagPage tag={tags[0]!} count={items.length}>
        <CardGrid items={items.map(teaser)} eager={3} level={2} />
        <SubscribeBox />
      </TagPage>,
      { indexable: true, wide: true },
    );
    return sendCached(request, reply, html);
  });

  app.get('/sitemap.xml', async (request, reply) => {
    const [items, dossiers, rubriques, tags, contributions] = await Promise.all([
      latestPublished(db, { now: ctx.now(), limit: 50_000 }),
      publishedDossiers(db),
      listRubriques(db),
      liveTags(db, { now: ctx.now() }),
      contributionSitemap(db, { now: ctx.now() }),
    ]);
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const url = (path: string, updatedAt?: Date) =>
      `<url><loc>${esc(abs(path))}</loc>${updatedAt ? `<lastmod>${updatedAt.toISOString()}</lastmod>` : ''}</url>`;
    const urls = [
      url('/'),
      url('/dossiers'),
      ...rubriques.map((r) => url(`/rubriques/${r.slug}`)),
      ...dossiers.map((d) => url(`/dossiers/${d.slug}`, d.updatedAt)),
      ...items.map((a) => url(`/articles/${a.slug}`, a.updatedAt)),
      ...tagLinks(tags).map((t) => url(`/mots-cles/${t.slug}`)),
      ...['/agenda', '/offres', '/actualites-adherents'].map((p) => url(p)),
      ...contributions.map((c) => url(contributionPath(c.kind, c.slug), c.updatedAt)),
    ];
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
      `${urls.join('\n')}\n</urlset>\n`;
    return sendCached(request, reply, xml, 'application/xml; charset=utf-8', 3600);
  });
}
