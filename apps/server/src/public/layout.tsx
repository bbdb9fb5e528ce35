import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { mediaOf, siteIdentity } from './site-identity';
import { PUBLIC_CSS } from './styles';

// Shared by every public page (and the reader site): French, no script, readable without CSS.
export function PublicLayout(props: { title: string; children: ReactNode; head?: ReactNode; indexable?: boolean }) {
  const identity = siteIdentity();
  return (
    <html lang="fr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {!props.indexable && <meta name="robots" content="noindex" />}
        <link rel="alternate" type="application/atom+xml" title="démocratieS" href="/feed.xml" />
        {props.head}
        <title>{`${props.title} · démocratieS`}</title>
        <style dangerouslySetInnerHTML={{ __html: PUBLIC_CSS }} />
      </head>
      <body>
        <header className="site">
          <a href="/" className="brand">
            démocratie<span>S</span>
          </a>
          <span className="tagline">{mediaOf(identity)}</span>
          <nav aria-label="Rubriques" className="rubriques">
            <a href="/rubriques/points-de-vue">Points de vue</a>
            <a href="/rubriques/sur-le-terrain">Sur le terrain</a>
            <a href="/rubriques/dans-les-marges">Dans les marges</a>
            <a href="/archive">Les lettres</a>
            <a href="/subscribe" className="cta">
              S'abonner
            </a>
          </nav>
        </header>
        <main id="contenu">{props.children}</main>
        <footer className="site">
          <p>
            {identity.name}
            {identity.postalAddress && ` · ${identity.postalAddress.split(/\s*\n\s*/).join(', ')}`}. Nous ne suivons ni
            l’ouverture de nos lettres ni les clics, et ne transmettons jamais votre adresse.
          </p>
        </footer>
      </body>
    </html>
  );
}

/** React escapes every value: nothing a visitor typed can become markup. */
export function renderPage(
  title: string,
  body: ReactNode,
  options: { head?: ReactNode; indexable?: boolean } = {},
): string {
  return `<!doctype html>${renderToStaticMarkup(
    <PublicLayout title={title} head={options.head} indexable={options.indexable}>
      {body}
    </PublicLayout>,
  )}`;
}

export function MessagePage(props: { heading: string; children?: ReactNode }) {
  return (
    <section className="card" aria-labelledby="titre">
      <h1 id="titre">{props.heading}</h1>
      {props.children}
    </section>
  );
}
