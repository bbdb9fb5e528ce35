import { frenchTypography as ft } from '@crieur/content';
import { Fragment, type ReactNode } from 'react';
import { CardGrid, frenchDate, type Teaser } from './cards';
import { creditLine, Picture, type CoverImage } from './picture';
import { publisherOf, siteIdentity } from './site-identity';

export { CardGrid, Card, type Teaser } from './cards';
export type { CoverImage } from './picture';

export function SubscribeBox() {
  return (
    <aside className="subscribe-box" aria-labelledby="abonnement">
      <div>
        <h2 id="abonnement">Recevoir démocratieS</h2>
        <p>Une lettre à chaque nouveau dossier, sans pistage. Désinscription en un clic.</p>
      </div>
      <a className="button" href="/subscribe">
        S’abonner à la lettre
      </a>
    </aside>
  );
}

/** The dossier beside an article: its title and its other pieces, in the dossier's order. */
export type DossierBox = { slug: string; title: string; others: { slug: string; title: string }[] };

export function ArticlePage(props: {
  title: string;
  lede: string;
  html: string;
  authors: string[];
  publishedAt: Date | null;
  readingTime: string;
  rubrique: { slug: string; name: string };
  dossier: DossierBox | null;
  cover?: CoverImage | null;
  tags?: { name: string; slug: string }[];
  related?: Teaser[];
  preview?: boolean;
}) {
  return (
    <>
      <article className="piece" aria-labelledby="titre">
        {props.preview && (
          <p className="preview-banner">Aperçu{'\u00a0'}: cette page n’est pas encore visible des lecteur·rices.</p>
        )}
        <header className="piece-head">
          <p className="kickers">
            <a className="kicker" href={`/rubriques/${props.rubrique.slug}`}>
              {ft(props.rubrique.name)}
            </a>
            {props.dossier && (
              <a className="kicker dossier-kicker" href={`/dossiers/${props.dossier.slug}`}>
                Dossier{'\u00a0'}: {ft(props.dossier.title)}
              </a>
            )}
          </p>
          <h1 id="titre">{ft(props.title)}</h1>
          {props.lede && <p className="lede">{ft(props.lede)}</p>}
          <p className="byline">
            {/* « · » only between parts: an article without authors starts with its date */}
            {[
              props.authors.length > 0 && <>Par {ft(props.authors.join(', '))}</>,
              props.publishedAt && (
                <time dateTime={props.publishedAt.toISOString()}>{frenchDate(props.publishedAt)}</time>
              ),
              <span className="reading-time">{props.readingTime}</span>,
            ]
              .filter(Boolean)
              .map((part, i) => (
                <Fragment key={i}>
                  {i > 0 && ' · '}
                  {part}
                </Fragment>
              ))}
          </p>
        </header>
        {props.cover && <ArticleCover cover={props.cover} />}
        <div className="piece-body">
          {/* the body comes from @crieur/content's renderer over a validated document: escaped there */}
          <div className="prose" dangerouslySetInnerHTML={{ __html: props.html }} />
          <div className="piece-aside">
            {props.dossier && <DossierAside dossier={props.dossier} />}
            {props.tags && props.tags.length > 0 && <TagLinks tags={props.tags} />}
          </div>
        </div>
      </article>
      {props.related && props.related.length > 0 && (
        <section className="related" aria-labelledby="a-lire-aussi">
          <h2 id="a-lire-aussi" className="section-title">
            À lire aussi
          </h2>
          <CardGrid items={props.related} />
        </section>
      )}
      <SubscribeBox />
    </>
  );
}

function DossierAside({ dossier }: { dossier: DossierBox }) {
  return (
    <aside className="dossier-box" aria-labelledby="dossier-de-l-article">
      <p className="kicker">Dans le dossier</p>
      <h2 id="dossier-de-l-article">
        <a href={`/dossiers/${dossier.slug}`}>{ft(dossier.title)}</a>
      </h2>
      {dossier.others.length > 0 && (
        <ul>
          {dossier.others.map((a) => (
            <li key={a.slug}>
              <a href={`/articles/${a.slug}`}>{ft(a.title)}</a>
            </li>
          ))}
        </ul>
      )}
      <a className="more" href={`/dossiers/${dossier.slug}`}>
        Tout le dossier
      </a>
    </aside>
  );
}

/** The article's cover under its header: the first image readers see, so loaded at once and first. */
function ArticleCover({ cover }: { cover: CoverImage }) {
  const credit = creditLine(cover.credit);
  return (
    <figure className="cover">
      <Picture image={cover} sizes="(min-width: 58rem) 56rem, calc(100vw - 2.5rem)" priority="high" />
      {(cover.caption || credit) && (
        <figcaption>
          {cover.caption && ft(cover.caption)}
          {cover.caption && credit && ' '}
          {credit && <span className="credit">{ft(credit)}</span>}
        </figcaption>
      )}
    </figure>
  );
}

function TagLinks({ tags }: { tags: { name: string; slug: string }[] }) {
  return (
    <nav className="tags" aria-labelledby="mots-cles">
      <h2 id="mots-cles">Mots-clés</h2>
      <ul>
        {tags.map((tag) => (
          <li key={tag.slug}>
            <a href={`/mots-cles/${tag.slug}`}>{ft(tag.name)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The title block of a list page (rubrique, tag, dossiers): kicker, H1, an optional line under it. */
export function PageHead(props: { kicker?: string; title: ReactNode; lede?: string; children?: ReactNode }) {
  return (
    <header className="page-head">
      {props.kicker && <p className="kicker">{props.kicker}</p>}
      <h1 id="titre">{typeof props.title === 'string' ? ft(props.title) : props.title}</h1>
      {props.lede && <p className="lede">{ft(props.lede)}</p>}
      {props.children}
    </header>
  );
}

/** `/mots-cles/:slug`: the published articles with this tag. */
export function TagPage(props: { tag: string; count: number; children: ReactNode }) {
  return (
    <section aria-labelledby="titre">
      <PageHead kicker="Mot-clé" title={props.tag}>
        <p className="count">{props.count > 1 ? `${props.count} articles` : `${props.count} article`}</p>
      </PageHead>
      {props.children}
    </section>
  );
}

export function Section(props: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={props.id} className="section">
      <h2 id={props.id} className="section-title">
        {typeof props.title === 'string' ? ft(props.title) : props.title}
      </h2>
      {props.children}
    </section>
  );
}

/** The 404 page's content: an H1, and ways back into the site. */
export function NotFound() {
  return (
    <section className="card" aria-labelledby="titre">
      <h1 id="titre">Page introuvable</h1>
      <p>Ce contenu n’existe pas ou n’est plus publié.</p>
      <p>
        <a href="/">Retour à l’accueil</a> · <a href="/dossiers">Tous les dossiers</a> ·{' '}
        <a href="/recherche">Rechercher un article</a>
      </p>
    </section>
  );
}

/** Open Graph and schema.org, for shares on Mastodon, Bluesky or LinkedIn and for search engines. */
export function ArticleHead(props: {
  url: string;
  title: string;
  description: string;
  image: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
  authors: string[];
}) {
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: props.title,
    description: props.description,
    datePublished: props.publishedAt?.toISOString(),
    dateModified: props.updatedAt.toISOString(),
    author: props.authors.map((name) => ({ '@type': 'Person', name })),
    publisher: publisherOf(siteIdentity(), props.url),
    mainEntityOfPage: props.url,
    ...(props.image ? { image: props.image } : {}),
  };
  return (
    <>
      <link rel="canonical" href={props.url} />
      <meta name="description" content={props.description} />
      <meta property="og:type" content="article" />
      <meta property="og:site_name" content="démocratieS" />
      <meta property="og:locale" content="fr_FR" />
      <meta property="og:title" content={props.title} />
      <meta property="og:description" content={props.description} />
      <meta property="og:url" content={props.url} />
      {props.image && <meta property="og:image" content={props.image} />}
      {props.publishedAt && <meta property="article:published_time" content={props.publishedAt.toISOString()} />}
      {/* "<" escaped: the JSON can never close the script element */}
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, '\\u003c') }}
      />
    </>
  );
}
