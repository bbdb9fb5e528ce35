import { frenchTypography as ft, frenchTypographyParts } from '@crieur/content';
import { MATCH_END, MATCH_START, type ContributionHit, type SearchHit } from '@crieur/db';
import { eventWhere, frenchCivilDay, frenchRange } from './contribution-format';
import type { ReactNode } from 'react';
import { Picture, type CoverImage } from './picture';

const count = new Intl.NumberFormat('fr-FR');
const dateFr = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

export type SearchView = {
  /** What the reader typed (already cut to the longest query searched). */
  q: string;
  page: number;
  pageSize: number;
  total: number;
  items: (SearchHit & { cover?: CoverImage | null })[];
  rubriques: { slug: string; name: string }[];
  /** events, offers and members' news matching the query (first page only) */
  contributions?: { total: number; items: ContributionHit[] };
};

/** « 1 résultat », « 1 234 résultats » (a narrow no-break space between thousands), « Aucun résultat ». */
export function resultCount(total: number): string {
  if (total === 0) return 'Aucun résultat';
  return `${count.format(total)} ${total > 1 ? 'résultats' : 'résultat'}`;
}

export const pageCount = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));

/** The address of another page of the same search. */
export function searchHref(q: string, page: number): string {
  const params = new URLSearchParams({ q });
  if (page > 1) params.set('page', String(page));
  return `/recherche?${params.toString()}`;
}

/**
 * An excerpt's matches as <mark>: the text between the markers is only ever a React child (escaped), and French
 * typography is applied across the pieces as if they were one text.
 */
export function highlighted(excerpt: string): ReactNode[] {
  const pieces: { text: string; mark: boolean }[] = [];
  let rest = excerpt;
  while (rest) {
    const start = rest.indexOf(MATCH_START);
    const end = start < 0 ? -1 : rest.indexOf(MATCH_END, start);
    if (start < 0 || end < 0) {
      pieces.push({ text: rest, mark: false });
      break;
    }
    if (start > 0) pieces.push({ text: rest.slice(0, start), mark: false });
    pieces.push({ text: rest.slice(start + 1, end), mark: true });
    rest = rest.slice(end + 1);
  }
  // a stray marker (never expected) is dropped rather than shown
  const clean = pieces.map((p) => p.text.replaceAll(MATCH_START, '').replaceAll(MATCH_END, ''));
  // an excerpt cut inside a sentence says so
  const last = clean.length - 1;
  if (last >= 0 && !pieces[last]!.mark && !/[.!?…»"”)]\s*$/.test(clean[last]!)) {
    clean[last] = `${clean[last]!.trimEnd()}…`;
  }
  const typeset = frenchTypographyParts(clean);
  return pieces.map((p, i) => (p.mark ? <mark key={i}>{typeset[i]}</mark> : typeset[i]));
}

function SearchForm(props: { q: string }) {
  return (
    <form
      role="search"
      aria-label="Rechercher dans les articles"
      action="/recherche"
      method="get"
      className="search-form"
    >
      <label htmlFor="recherche-q">Mots à chercher</label>
      <div className="search-row">
        <input type="search" id="recherche-q" name="q" defaultValue={props.q} maxLength={200} autoComplete="off" />
        <button type="submit">Rechercher</button>
      </div>
    </form>
  );
}

function Result(props: { hit: SearchView['items'][number] }) {
  const { hit } = props;
  const byline = [hit.authors.join(', '), dateFr.format(hit.publishedAt)].filter(Boolean).join(' · ');
  return (
    <article className={hit.cover ? 'search-hit with-cover' : 'search-hit'}>
      {hit.cover && (
        <a className="search-thumb" href={`/articles/${hit.slug}`} tabIndex={-1} aria-hidden="true">
          <Picture image={hit.cover} alt="" sizes="(min-width: 40rem) 10rem, 6rem" priority="lazy" />
        </a>
      )}
      <a className="kicker" href={`/rubriques/${hit.rubrique.slug}`}>
        {ft(hit.rubrique.name)}
      </a>
      <h2 className="search-title">
        <a href={`/articles/${hit.slug}`}>{ft(hit.title)}</a>
      </h2>
      {hit.excerpt && <p className="search-excerpt">{highlighted(hit.excerpt)}</p>}
      <p className="byline">{ft(byline)}</p>
    </article>
  );
}

const HIT_KIND = {
  event: { label: 'Agenda', path: '/agenda' },
  job: { label: 'Offre d’emploi', path: '/offres' },
  news: { label: 'Actualité d’adhérent·e', path: '/actualites-adherents' },
} as const;

/** What a contribution's hit says under its title: when and where, or who and until when. */
function hitLine(hit: ContributionHit): string {
  if (hit.kind === 'event')
    return [hit.startsAt ? frenchRange(hit.startsAt, hit.endsAt) : '', eventWhere(hit), hit.organiser]
      .filter(Boolean)
      .join(' · ');
  if (hit.kind === 'job')
    return [hit.organisation, hit.closesOn ? `jusqu’au ${frenchCivilDay(hit.closesOn)}` : '']
      .filter(Boolean)
      .join(' · ');
  return [hit.organisation, dateFr.format(hit.publishAt)].filter(Boolean).join(' · ');
}

/** « Agenda, offres et actualités »: the network's items matching the query, after the articles. */
function ContributionHits(props: { total: number; items: ContributionHit[] }) {
  return (
    <section className="search-contributions" aria-labelledby="dans-le-reseau">
      <h2 id="dans-le-reseau" className="section-title">
        Agenda, offres et actualités
      </h2>
      <p className="search-count">
        {props.total > props.items.length
          ? `${resultCount(props.total)}, dont les ${count.format(props.items.length)} plus pertinents`
          : resultCount(props.total)}
      </p>
      <ol className="search-results">
        {props.items.map((hit) => (
          <li key={hit.id}>
            <article className="search-hit">
              <a className="kicker" href={HIT_KIND[hit.kind].path}>
                {HIT_KIND[hit.kind].label}
              </a>
              <h3 className="search-title">
                <a href={`${HIT_KIND[hit.kind].path}/${hit.slug}`}>{ft(hit.title)}</a>
              </h3>
              {hit.excerpt && <p className="search-excerpt">{highlighted(hit.excerpt)}</p>}
              <p className="byline">{ft(hitLine(hit))}</p>
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Pagination(props: { q: string; page: number; pages: number }) {
  const { q, page, pages } = props;
  if (pages <= 1 && page <= 1) return null;
  return (
    <nav aria-label="Pagination" className="pagination">
      {page > 1 ? (
        <a rel="prev" href={searchHref(q, Math.min(page - 1, pages))}>
          ← Page précédente
        </a>
      ) : (
        <span aria-hidden="true" />
      )}
      <p aria-current="page">{`Page ${count.format(page)} sur ${count.format(pages)}`}</p>
      {page < pages ? (
        <a rel="next" href={searchHref(q, page + 1)}>
          Page suivante →
        </a>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}

function Elsewhere(props: { rubriques: SearchView['rubriques'] }) {
  return (
    <ul className="search-elsewhere">
      <li>
        <a href="/dossiers">Tous les dossiers</a>
      </li>
      {props.rubriques.map((r) => (
        <li key={r.slug}>
          <a href={`/rubriques/${r.slug}`}>{ft(r.name)}</a>
        </li>
      ))}
      <li>
        <a href="/archive">Les lettres parues</a>
      </li>
    </ul>
  );
}

function Help() {
  return (
    <div className="search-help">
      <h2>Comment chercher</h2>
      <ul>
        <li>{ft('La recherche porte sur les titres, les chapôs, les textes, les auteurs et les mots-clés.')}</li>
        <li>
          {ft('Accents et majuscules ne comptent pas : « democratie » trouve « Démocratie ». ')}
          {ft('Les formes d’un même mot se trouvent aussi : « participatives » trouve « participation ».')}
        </li>
        <li>{ft('Des guillemets cherchent une expression exacte : « budget participatif ».')}</li>
        <li>{ft('Un signe moins écarte un mot : forêt -chasse. « OU » en majuscules cherche l’un ou l’autre.')}</li>
      </ul>
    </div>
  );
}

/** `/recherche`: the form, the count, the hits with their matches marked, pages; or what to do when there is none. */
export function SearchPage(props: SearchView) {
  const { q, page, total, items } = props;
  const pages = pageCount(total, props.pageSize);
  return (
    <div className="search-page">
      <section aria-labelledby="titre" className="search-main">
        <header className="search-head">
          <h1 id="titre">{q ? ft(`Résultats pour « ${q} »`) : 'Rechercher'}</h1>
          <SearchForm q={q} />
          {q && (
            <p className="search-count">
              {total === 0 && props.contributions?.total ? 'Aucun article' : resultCount(total)}
            </p>
          )}
        </header>
        {!q && <Help />}
        {q && total === 0 && !props.contributions?.total && (
          <div className="search-empty">
            <h2>Quelques pistes</h2>
            <ul>
              <li>Vérifiez l’orthographe des mots.</li>
              <li>Essayez moins de mots, ou des mots plus généraux.</li>
              <li>{ft('Retirez les guillemets ou les signes moins.')}</li>
            </ul>
          </div>
        )}
        {q && total > 0 && items.length === 0 && (
          <p className="search-empty">
            {ft(`Cette page n’existe pas : les résultats s’arrêtent à la page ${count.format(pages)}. `)}
            <a href={searchHref(q, 1)}>Revenir à la première page</a>
          </p>
        )}
        {items.length > 0 && (
          <ol className="search-results" start={(page - 1) * props.pageSize + 1}>
            {items.map((hit) => (
              <li key={hit.id}>
                <Result hit={hit} />
              </li>
            ))}
          </ol>
        )}
        {q && total > 0 && <Pagination q={q} page={page} pages={pages} />}
        {q && props.contributions && props.contributions.total > 0 && <ContributionHits {...props.contributions} />}
      </section>
      <aside className="search-aside" aria-labelledby="parcourir">
        <h2 id="parcourir">Parcourir</h2>
        <Elsewhere rubriques={props.rubriques} />
        {q && <Help />}
      </aside>
    </div>
  );
}
