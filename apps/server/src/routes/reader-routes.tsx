import type { FastifyInstance, FastifyReply } from 'fastify';
import { LRUCache } from 'lru-cache';
import { excerpt, renderWebHtml, type ArticleDoc } from '@crieur/content';
import { slugify } from '@crieur/editorial';
import {
  dossierBySlug,
  getArticle,
  getDossier,
  latestPublished,
  listRubriques,
  liveTags,
  articlesWithLiveTag,
  publishedArticleBySlug,
  publishedDossiers,
  rubriqueBySlug,
  type ArticleWithRefs,
} from '@crieur/db';
import { renderAtomFeed } from '../public/atom-feed';
import { DossierPage } from '../public/dossier-page';
import { renderPage } from '../public/layout';
import {
  ArticleHead,
  ArticlePage,
  Section,
  SubscribeBox,
  TagPage,
  TeaserList,
  type CoverImage,
  type Teaser,
} from '../public/reader-pages';
import { handle } from '../http/contract-route';
import { rendered, sendCached, type Rendered } from '../http/send-cached';
import { mediaUrl } from './media-routes';
import { coverFor, tagLinks, withCovers } from './reader-covers';
import type { RouteContext } from './context';
import { mediaOf, siteIdentity, siteIdentityStamp } from '../public/site-identity';

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

export function readerRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const db = ctx.database.db;
  // rendering a document costs milliseconds; a page is rendered once per version of what it shows
  const articlePages = new LRUCache<string, Rendered>({ max: 500 });
  const bodies = new LRUCache<string, string>({ max: 500 });
  const abs = (p: string) => `${ctx.config.publicUrl}${p}`;
  // one rendering of each version of a body for the pages, one for the feed (absolute image addresses)
  const bodyHtml = (a: { id: string; updatedAt: Date; body: unknown }, target: 'page' | 'feed' = 'page') => {
    const key = `${a.id}|${a.updatedAt.getTime()}|${target}`;
    let html = bodies.get(key);
    if (html === undefined) {
      html = renderWebHtml(a.body as ArticleDoc, target === 'feed' ? { mediaBaseUrl: ctx.config.publicUrl } : {});
      bodies.set(key, html);
    }
    return html;
  };
  const notFoundPage = (reply: FastifyReply) =>
    reply
      .status(404)
      .type('text/html; charset=utf-8')
      .send(
        renderPage(
          'Page introuvable',
          <Section id="introuvable" title="Page introuvable">
            <p>
              Ce contenu n'existe pas ou n'est plus publié. <a href="/">Retour à l'accueil</a>
            </p>
          </Section>,
        ),
      );

  const articleHtml = (a: ArticleWithRefs, preview = false, cover: CoverImage | null = null) => {
    const description = a.lede || excerpt(a.body as unknown as ArticleDoc, 200);
    return renderPage(
      a.title,
      <ArticlePage
        title={a.title}
        lede={a.lede}
        html={bodyHtml(a)}
        authors={a.authors}
        publishedAt={a.publishedAt}
        rubrique={a.rubrique}
        dossier={a.dossier}
        cover={cover}
        tags={tagLinks(a.tags)}
        preview={preview}
      />,
      {
        indexable: !preview,
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
    const lists = await Promise.all([
      current ? latestPublished(db, { now, limit: 6, dossierId: current.id }) : Promise.resolve([]),
      ...rubriques.map((r) => latestPublished(db, { now, limit: 3, rubriqueId: r.id })),
    ]);
    // one cover query for the whole page, then the lists again in their order
    const covered = await withCovers(db, lists.flat());
    let start = 0;
    const [dossierItems, ...perRubrique] = lists.map((list) => {
      const part = covered.slice(start, start + list.length);
      start += list.length;
      return part;
    });
    const html = renderPage(
      'Accueil',
      <>
        {current && (
          <Section
            id="dossier"
            title={
              <>
                Dossier : <a href={`/dossiers/${current.slug}`}>{current.title}</a>
              </>
            }
          >
            {current.lede && <p className="lede">{current.lede}</p>}
            <TeaserList items={(dossierItems ?? []).map(teaser)} showRubrique eager={2} />
          </Section>
        )}
        {rubriques.map((r, i) => (
          <Section key={r.slug} id={`rubrique-${r.slug}`} title={<a href={`/rubriques/${r.slug}`}>{r.name}</a>}>
            <TeaserList items={(perRubrique[i] ?? []).map(teaser)} eager={current || i > 0 ? 0 : 2} />
          </Section>
        ))}
        <SubscribeBox />
      </>,
      { indexable: true },
    );
    return sendCached(request, reply, html);
  });

  app.get('/articles/:slug', async (request, reply) => {
    const article = await publishedArticleBySlug(db, {
      slug: (request.params as { slug: string }).slug,
      now: ctx.now(),
    });
    if (!article) return notFoundPage(reply);
    const cover = await coverFor(db, article.coverMediaId);
    const key = [
      article.id,
      // the footer names the association: a change in the studio shows on cached pages too
      siteIdentityStamp(),
      // the library's alt text and caption may change without the article changing
      cover ? `${cover.src}|${cover.alt}|${cover.caption}` : '',
      article.version,
      article.updatedAt.getTime(),
      article.publishedAt?.getTime(),
      article.rubrique.name,
      article.dossier?.title ?? '',
    ].join('|');
    let page = articlePages.get(key);
    if (!page) {
      page = rendered(articleHtml(article, false, cover));
      articlePages.set(key, page);
    }
    return sendCached(request, reply, page);
  });

  // staff see a piece exactly as readers will, whatever its status
  handle(app, 'GET /api/articles/:id/preview', async ({ params: { id } }, _request, reply) => {
    const article = /^[0-9a-f-]{36}$/.test(id) ? await getArticle(db, id) : null;
    if (!article) return notFoundPage(reply);
    const html = articleHtml(article, true, await coverFor(db, article.coverMediaId));
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });

  // an editorial note renders once per version (the live revision, or the working row's version in a preview)
  const dossierHtml = (
    d: { title: string; lede: string; editorialNote: unknown },
    noteKey: string,
    items: Latest[],
    preview = false,
  ) =>
    renderPage(
      d.title,
      <DossierPage
        title={d.title}
        lede={d.lede}
        noteHtml={bodyHtml({ id: noteKey, updatedAt: new Date(0), body: d.editorialNote })}
        preview={preview}
      >
        <TeaserList items={items.map(teaser)} showRubrique />
      </DossierPage>,
      { indexable: !preview },
    );

  app.get('/dossiers/:slug', async (request, reply) => {
    const dossier = await dossierBySlug(db, (request.params as { slug: string }).slug);
    if (!dossier) return notFoundPage(reply);
    const items = await withCovers(
      db,
      await latestPublished(db, { now: ctx.now(), limit: 100, dossierId: dossier.id }),
    );
    return sendCached(request, reply, dossierHtml(dossier, `dossier-live-${dossier.liveRevisionId}`, items));
  });

  // staff see the working version as readers would, whatever its status
  handle(app, 'GET /api/dossiers/:id/preview', async ({ params: { id } }, _request, reply) => {
    const dossier = /^[0-9a-f-]{36}$/.test(id) ? await getDossier(db, id) : null;
    if (!dossier) return notFoundPage(reply);
    const items = await withCovers(
      db,
      await latestPublished(db, { now: ctx.now(), limit: 100, dossierId: dossier.id }),
    );
    const html = dossierHtml(dossier, `dossier-work-${dossier.id}-${dossier.version}`, items, true);
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
      <Section id="rubrique" title={rubrique.name}>
        <p className="lede">{rubrique.description}</p>
        <TeaserList items={items.map(teaser)} />
      </Section>,
      { indexable: true },
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
      <TagPage tag={tags[0]!}>
        <TeaserList items={items.map(teaser)} showRubrique eager={2} />
      </TagPage>,
      { indexable: true },
    );
    return sendCached(request, reply, html);
  });

  app.get('/feed.xml', async (request, reply) => {
    const items = await latestPublished(db, { now: ctx.now(), limit: 30 });
    const xml = renderAtomFeed({
      url: abs('/'),
      selfUrl: abs('/feed.xml'),
      title: 'démocratieS',
      subtitle: `L${mediaOf(siteIdentity()).slice(1)}`,
      author: siteIdentity().name,
      rights: siteIdentity().name,
      language: 'fr',
      updated: items[0]?.publishedAt ?? new Date(0),
      entries: items.map((a) => ({
        url: abs(`/articles/${a.slug}`),
        title: a.title,
        summary: a.lede || excerpt(a.body as unknown as ArticleDoc, 300),
        html: bodyHtml(a, 'feed'),
        authors: a.authors,
        categories: [a.rubrique.name, ...a.tags],
        updated: a.updatedAt,
        published: a.publishedAt,
      })),
    });
    return sendCached(request, reply, xml, 'application/atom+xml; charset=utf-8', 300);
  });

  app.get('/sitemap.xml', async (request, reply) => {
    const [items, dossiers, rubriques, tags] = await Promise.all([
      latestPublished(db, { now: ctx.now(), limit: 50_000 }),
      publishedDossiers(db),
      listRubriques(db),
      liveTags(db, { now: ctx.now() }),
    ]);
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const urls = [
      `<url><loc>${esc(abs('/'))}</loc></url>`,
      ...rubriques.map((r) => `<url><loc>${esc(abs(`/rubriques/${r.slug}`))}</loc></url>`),
      ...dossiers.map(
        (d) =>
          `<url><loc>${esc(abs(`/dossiers/${d.slug}`))}</loc><lastmod>${d.updatedAt.toISOString()}</lastmod></url>`,
      ),
      ...items.map(
        (a) =>
          `<url><loc>${esc(abs(`/articles/${a.slug}`))}</loc><lastmod>${a.updatedAt.toISOString()}</lastmod></url>`,
      ),
      ...tagLinks(tags).map((t) => `<url><loc>${esc(abs(`/mots-cles/${t.slug}`))}</loc></url>`),
    ];
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
    return sendCached(request, reply, xml, 'application/xml; charset=utf-8', 3600);
  });
}
