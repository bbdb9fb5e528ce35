import { frenchTypography as ft } from '@crieur/content';
import { Fragment, type ReactNode } from 'react';
import { siteIdentity } from './site-identity';

const dateFr = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

/** A media-library image as pages show it: its variants (srcset), size, alt text and caption. */
export type CoverImage = { src: string; srcSet: string; width: number; height: number; alt: string; caption: string };

export type Teaser = {
  slug: string;
  title: string;
  lede: string;
  excerpt: string;
  authors: string[];
  publishedAt: Date | null;
  rubrique: { slug: string; name: string };
  cover?: CoverImage | null;
};

/** A card's cover: small, linked like the title but hidden from screen readers and Tab (the title says it all). */
function CardCover(props: { href: string; cover: CoverImage; eager: boolean }) {
  return (
    <a className="thumb" href={props.href} tabIndex={-1} aria-hidden="true">
      <img
        src={props.cover.src}
        srcSet={props.cover.srcSet}
        sizes="(max-width: 30rem) 6rem, 8.5rem"
        width={props.cover.width}
        height={props.cover.height}
        alt=""
        loading={props.eager ? undefined : 'lazy'}
        decoding="async"
      />
    </a>
  );
}

/** `eager`: how many of the first covers load at once (the top of the home page); the others wait to be seen. */
export function TeaserList(props: { items: Teaser[]; showRubrique?: boolean; eager?: number }) {
  if (!props.items.length) return <p>Rien de publié pour l’instant{'\u00a0'}: revenez bientôt.</p>;
  return (
    <ul className="teasers">
      {props.items.map((t, i) => (
        <li key={t.slug} className={t.cover ? 'with-cover' : undefined}>
          {t.cover && <CardCover href={`/articles/${t.slug}`} cover={t.cover} eager={i < (props.eager ?? 0)} />}
          {props.showRubrique && (
            <a className="kicker" href={`/rubriques/${t.rubrique.slug}`}>
              {ft(t.rubrique.name)}
            </a>
          )}
          <h3>
            <a href={`/articles/${t.slug}`}>{ft(t.title)}</a>
          </h3>
          <p>{ft(t.lede || t.excerpt)}</p>
          <p className="byline">
            {[t.authors.join(', '), t.publishedAt ? dateFr.format(t.publishedAt) : ''].filter(Boolean).join(' · ')}
          </p>
        </li>
      ))}
    </ul>
  );
}

export function SubscribeBox() {
  return (
    <aside className="subscribe-box" aria-labelledby="abonnement">
      <h2 id="abonnement">Recevoir démocratieS</h2>
      <p>Une lettre à chaque nouveau dossier, sans pistage. Désinscription en un clic.</p>
      <a className="button" href="/subscribe">
        S’abonner à la lettre
      </a>
    </aside>
  );
}

export function ArticlePage(props: {
  title: string;
  lede: string;
  html: string;
  authors: string[];
  publishedAt: Date | null;
  rubrique: { slug: string; name: string };
  dossier: { slug: string; title: string } | null;
  cover?: CoverImage | null;
  tags?: { name: string; slug: string }[];
  preview?: boolean;
}) {
  return (
    <article className="piece" aria-labelledby="titre">
      {props.preview && (
        <p className="preview-banner">Aperçu{'\u00a0'}: cette page n’est pas encore visible des lecteur·rices.</p>
      )}
      <a className="kicker" href={`/rubriques/${props.rubrique.slug}`}>
        {ft(props.rubrique.name)}
      </a>
      <h1 id="titre">{ft(props.title)}</h1>
      {props.lede && <p className="lede">{ft(props.lede)}</p>}
      <p className="byline">
        {/* « · » only between parts: an article without authors starts with its date */}
        {[
          props.authors.length > 0 && <>Par {props.authors.join(', ')}</>,
          props.publishedAt && (
            <time dateTime={props.publishedAt.toISOString()}>{dateFr.format(props.publishedAt)}</time>
          ),
          props.dossier && (
            <>
              Dossier <a href={`/dossiers/${props.dossier.slug}`}>{ft(props.dossier.title)}</a>
            </>
          ),
        ]
          .filter(Boolean)
          .map((part, i) => (
            <Fragment key={i}>
              {i > 0 && ' · '}
              {part}
            </Fragment>
          ))}
      </p>
      {props.cover && <ArticleCover cover={props.cover} />}
      {/* the body comes from @crieur/content's renderer over a validated document: escaped there */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: props.html }} />
      {props.tags && props.tags.length > 0 && <TagLinks tags={props.tags} />}
      <SubscribeBox />
    </article>
  );
}

/** The article's cover under its header: full width, the first image readers see, so never lazy. */
function ArticleCover({ cover }: { cover: CoverImage }) {
  return (
    <figure className="cover">
      <img
        src={cover.src}
        srcSet={cover.srcSet}
        sizes="(min-width: 42rem) 39.5rem, calc(100vw - 2.5rem)"
        width={cover.width}
        height={cover.height}
        alt={cover.alt}
        fetchPriority="high"
      />
      {cover.caption && <figcaption>{ft(cover.caption)}</figcaption>}
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

/** `/mots-cles/:slug`: the published articles with this tag. */
export function TagPage(props: { tag: string; children: ReactNode }) {
  return (
    <section aria-labelledby="mot-cle" className="card" style={{ marginTop: '1.5rem' }}>
      <h1 id="mot-cle">
        Mot-clé{'\u00a0'}: {ft(props.tag)}
      </h1>
      {props.children}
    </section>
  );
}

export function Section(props: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={props.id} className="card" style={{ marginTop: '1.5rem' }}>
      <h2 id={props.id}>{typeof props.title === 'string' ? ft(props.title) : props.title}</h2>
      {props.children}
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
    publisher: { '@type': 'Organization', name: siteIdentity().name },
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
