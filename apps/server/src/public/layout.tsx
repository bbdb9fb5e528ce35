import { frenchTypography as ft } from '@crieur/content';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { PRELOADED_FONT } from './fonts';
import { mediaOf, siteIdentity } from './site-identity';
import { CONTRIBUTION_CSS } from './contribution-styles';
import { PUBLIC_CSS } from './styles';

const RUBRIQUES = [
  { href: '/rubriques/points-de-vue', label: 'Points de vue' },
  { href: '/rubriques/sur-le-terrain', label: 'Sur le terrain' },
  { href: '/rubriques/dans-les-marges', label: 'Dans les marges' },
];

// the site's rules and the contributions' (agenda, offers, members' news, their search hits): one inline sheet
const STYLESHEET = PUBLIC_CSS + CONTRIBUTION_CSS;

function SiteHeader() {
  return (
    <header className="site" role="banner">
      <div className="masthead wrap">
        <p className="brand-line">
          <a href="/" className="brand">
            démocratie<span>S</span>
          </a>
          <span className="tagline">{ft(mediaOf(siteIdentity()))}</span>
        </p>
        <form role="search" action="/recherche" method="get" className="site-search">
          <label htmlFor="recherche-site" className="sr-only">
            Rechercher un article
          </label>
          <input type="search" id="recherche-site" name="q" placeholder="Rechercher un article" />
          <button type="submit">Rechercher</button>
        </form>
      </div>
      <nav aria-label="Navigation principale" className="site-nav">
        <ul className="wrap">
          {RUBRIQUES.map((r) => (
            <li key={r.href}>
              <a href={r.href}>{r.label}</a>
            </li>
          ))}
          <li>
            <a href="/dossiers">Dossiers</a>
          </li>
          <li>
            <a href="/agenda">Agenda</a>
          </li>
          <li>
            <a href="/offres">Offres d’emploi</a>
          </li>
          <li>
            <a href="/archive">Les lettres</a>
          </li>
          <li className="nav-cta">
            <a href="/subscribe">S’abonner</a>
          </li>
        </ul>
      </nav>
    </header>
  );
}

function SiteFooter() {
  const identity = siteIdentity();
  const address = identity.postalAddress
    .split(/\s*\n\s*/)
    .filter(Boolean)
    .join(', ');
  return (
    <footer className="site" role="contentinfo">
      <div className="wrap footer-grid">
        <div>
          <p className="brand footer-brand">
            démocratie<span>S</span>
          </p>
          {identity.logo && (
            <p className="footer-logo">
              {/* the name follows in words: the logo adds nothing for a screen reader */}
              <img src={identity.logo} alt="" height={48} />
            </p>
          )}
          <p>{ft(address ? `${identity.name} · ${address}.` : `${identity.name}.`)}</p>
          <p className="privacy-note">
            Nous ne suivons ni l’ouverture de nos lettres ni les clics, et ne vendons ni ne prêtons jamais votre
            adresse.
          </p>
        </div>
        <nav aria-label="Informations et abonnement">
          <ul className="footer-links">
            <li>
              <a href="/mentions-legales">Mentions légales</a>
            </li>
            <li>
              <a href="/confidentialite">Confidentialité</a>
            </li>
            <li>
              <a href="/contact">Contact</a>
            </li>
            <li>
              <a href="/archive">Les lettres</a>
            </li>
            <li>
              <a href="/subscribe">S’abonner</a>
            </li>
            <li>
              <a href="/actualites-adherents">Actualités des adhérent·es</a>
            </li>
            <li>
              <a href="/proposer">Proposer une annonce</a>
            </li>
            <li>
              <a href="/feed.xml">Flux Atom</a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}

// Shared by every public page (and the reader site): French, no script, readable without CSS.
export function PublicLayout(props: {
  title: string;
  children: ReactNode;
  head?: ReactNode;
  indexable?: boolean;
  /** `wide`: the reader pages' full width; otherwise a form-width column (subscribe, preferences…) */
  wide?: boolean;
}) {
  return (
    <html lang="fr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {!props.indexable && <meta name="robots" content="noindex" />}
        <link rel="preload" href={PRELOADED_FONT} as="font" type="font/woff2" crossOrigin="anonymous" />
        <link rel="alternate" type="application/atom+xml" title="démocratieS" href="/feed.xml" />
        {props.head}
        <title>{`${ft(props.title)} · démocratieS`}</title>
        <style dangerouslySetInnerHTML={{ __html: STYLESHEET }} />
      </head>
      <body>
        <a className="skip-link" href="#contenu">
          Aller au contenu
        </a>
        <SiteHeader />
        <main id="contenu" tabIndex={-1} className={props.wide ? 'wrap wide' : 'wrap narrow'}>
          {props.children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}

/** React escapes every value: nothing a visitor typed can become markup. */
export function renderPage(
  title: string,
  body: ReactNode,
  options: { head?: ReactNode; indexable?: boolean; wide?: boolean } = {},
): string {
  return `<!doctype html>${renderToStaticMarkup(
    <PublicLayout title={title} head={options.head} indexable={options.indexable} wide={options.wide}>
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
