// `/actualites-adherents` and `/actualites-adherents/:slug`: « Les actualités de nos adhérent·es », newest first.
import { frenchTypography as ft } from '@crieur/content';
import type { PublicContribution } from '@crieur/db';
import { frenchDay, shortText } from './contribution-format';
import {
  BeyondLastPage,
  ContributionList,
  Description,
  frCount,
  ItemImage,
  ListPagination,
  NewsCard,
  OutsideLink,
  ProposeBox,
  type ContributionView,
} from './contribution-parts';

export const NEWS_TITLE = 'Les actualités de nos adhérent·es';

export const newsHref = (page: number) => (page > 1 ? `/actualites-adherents?page=${page}` : '/actualites-adherents');

export function MembersNewsPage(props: { page: number; total: number; pages: number; items: PublicContribution[] }) {
  const { page, total, pages, items } = props;
  return (
    <section aria-labelledby="titre" className="contribution-page news-page">
      <header className="page-head">
        <p className="kicker">Dans le réseau</p>
        <h1 id="titre">{NEWS_TITLE}</h1>
        <p className="lede">
          {ft('Ce que font les structures adhérentes de l’association, racontées par elles-mêmes.')}
        </p>
        <p className="page-links">
          <a href="/actualites-adherents/feed.xml">Flux Atom des actualités</a>
        </p>
      </header>
      <p className="count" role="status">
        {total === 0 ? 'Aucune actualité' : `${frCount(total)} ${total > 1 ? 'actualités' : 'actualité'}`}
      </p>
      {total > 0 && items.length === 0 ? (
        <BeyondLastPage pages={pages} first={newsHref(1)} />
      ) : (
        <ContributionList
          items={items.map((item) => (
            <NewsCard key={item.id} item={item} />
          ))}
          empty={<p>{ft('Aucune actualité publiée pour l’instant : revenez bientôt.')}</p>}
        />
      )}
      <ListPagination page={page} pages={pages} href={newsHref} />
      <ProposeBox what="une actualité de votre structure" />
    </section>
  );
}

/** schema.org NewsArticle: what search engines show of a members' news item. */
export function newsJsonLd(item: ContributionView, url: string, imageUrl: string | null) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: item.title,
    description: shortText(item.description, 300),
    datePublished: item.publishAt.toISOString(),
    dateModified: item.updatedAt.toISOString(),
    mainEntityOfPage: url,
    author: item.organisation ? { '@type': 'Organization', name: item.organisation } : undefined,
    ...(imageUrl ? { image: imageUrl } : {}),
  };
}

export function NewsItemPage(props: { item: ContributionView }) {
  const { item } = props;
  return (
    <article className="piece contribution-piece" aria-labelledby="titre">
      <header className="piece-head">
        <p className="kickers">
          <a className="kicker" href="/actualites-adherents">
            Actualité d’adhérent·e
          </a>
        </p>
        <h1 id="titre">{ft(item.title)}</h1>
        <p className="byline">
          {item.organisation && <>{ft(item.organisation)} · </>}
          <time dateTime={item.publishAt.toISOString()}>{frenchDay(item.publishAt)}</time>
        </p>
      </header>
      {item.image && <ItemImage image={item.image} alt={item.imageAlt} />}
      <div className="contribution-body">
        <Description text={item.description} />
        <div className="contribution-actions">
          {item.url && <OutsideLink url={item.url} text="En savoir plus" />}
          <p>
            <a href="/actualites-adherents">← Toutes les actualités</a>
          </p>
        </div>
      </div>
    </article>
  );
}
