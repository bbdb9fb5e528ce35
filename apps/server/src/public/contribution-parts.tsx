// What the agenda, offers and members' news pages share: cards, pages of a list, the description, the image, JSON-LD.
import { contributionPath, JOB_CONTRACT_LABELS, type JOB_CONTRACTS } from '@crieur/api';
import { frenchTypography as ft } from '@crieur/content';
import type { PublicContribution } from '@crieur/db';
import type { ReactNode } from 'react';
import {
  eventWhere,
  frenchCivilDay,
  frenchDay,
  frenchRange,
  jsonLd,
  offerWhere,
  paragraphs,
  shortDay,
  shortText,
} from './contribution-format';

export { eventWhere, offerWhere };
import { Picture, type CoverImage } from './picture';

/** A public contribution with its image as the pages show it (null: none, or its media was deleted). */
export type ContributionView = PublicContribution & { image: CoverImage | null };

const count = new Intl.NumberFormat('fr-FR');
export const frCount = (n: number) => count.format(n);

export const contractLabel = (contract: string | null) =>
  contract && contract in JOB_CONTRACT_LABELS
    ? JOB_CONTRACT_LABELS[contract as (typeof JOB_CONTRACTS)[number]]
    : 'Autre';

export function JsonLdScript(props: { value: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd(props.value) }} />;
}

/** The proposer's plain text: paragraphs and line breaks, every piece escaped by React. */
export function Description(props: { text: string }) {
  return (
    <div className="prose contribution-text">
      {paragraphs(props.text).map((lines, i) => (
        <p key={i}>
          {lines.map((line, k) => (
            <span key={k}>
              {k > 0 && <br />}
              {ft(line)}
            </span>
          ))}
        </p>
      ))}
    </div>
  );
}

/** An item's image with the alt text its proposer wrote. */
export function ItemImage(props: { image: CoverImage; alt: string }) {
  return (
    <figure className="cover contribution-image">
      <Picture
        image={props.image}
        alt={props.alt}
        sizes="(min-width: 48rem) 40rem, calc(100vw - 2.5rem)"
        priority="high"
      />
    </figure>
  );
}

/** « Page 2 sur 5 » with its neighbours; nothing when there is one page. */
export function ListPagination(props: { page: number; pages: number; href: (page: number) => string }) {
  const { page, pages } = props;
  if (pages <= 1 && page <= 1) return null;
  return (
    <nav aria-label="Pagination" className="pagination">
      {page > 1 ? (
        <a rel="prev" href={props.href(Math.min(page - 1, pages))}>
          ← Page précédente
        </a>
      ) : (
        <span aria-hidden="true" />
      )}
      <p aria-current="page">{`Page ${frCount(page)} sur ${frCount(pages)}`}</p>
      {page < pages ? (
        <a rel="next" href={props.href(page + 1)}>
          Page suivante →
        </a>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}

/** A page past the last one of a list: say so and link back. */
export function BeyondLastPage(props: { pages: number; first: string }) {
  return (
    <p className="empty">
      {ft(`Cette page n’existe pas : la liste s’arrête à la page ${frCount(props.pages)}. `)}
      <a href={props.first}>Revenir à la première page</a>
    </p>
  );
}

export function EventCard(props: { item: PublicContribution; level?: 2 | 3 }) {
  const { item } = props;
  const Heading = props.level === 3 ? 'h3' : 'h2';
  const where = eventWhere(item);
  return (
    <article className="contribution-card event-card">
      {item.startsAt && (
        <p className="event-date" aria-hidden="true">
          {shortDay(item.startsAt)}
        </p>
      )}
      <div>
        <Heading className="card-title">
          <a href={contributionPath('event', item.slug)}>{ft(item.title)}</a>
        </Heading>
        {item.startsAt && (
          <p className="when">
            <time dateTime={item.startsAt.toISOString()}>{ft(frenchRange(item.startsAt, item.endsAt))}</time>
          </p>
        )}
        <p className="byline">
          {where && <span className={item.online ? 'tag-online' : undefined}>{ft(where)}</span>}
          {where && item.organiser && ' · '}
          {item.organiser && <span>{ft(`Organisé par ${item.organiser}`)}</span>}
        </p>
      </div>
    </article>
  );
}

export function OfferCard(props: { item: PublicContribution; level?: 2 | 3 }) {
  const { item } = props;
  const Heading = props.level === 3 ? 'h3' : 'h2';
  return (
    <article className="contribution-card offer-card">
      <p className="kicker">{contractLabel(item.contractType)}</p>
      <Heading className="card-title">
        <a href={contributionPath('job', item.slug)}>{ft(item.title)}</a>
      </Heading>
      <p className="byline">{ft([item.organisation, offerWhere(item)].filter(Boolean).join(' · '))}</p>
      {item.closesOn && <p className="closes">{ft(`Candidatures jusqu’au ${frenchCivilDay(item.closesOn)}`)}</p>}
    </article>
  );
}

export function NewsCard(props: { item: PublicContribution; level?: 2 | 3 }) {
  const { item } = props;
  const Heading = props.level === 3 ? 'h3' : 'h2';
  return (
    <article className="contribution-card news-card">
      {item.organisation && <p className="kicker">{ft(item.organisation)}</p>}
      <Heading className="card-title">
        <a href={contributionPath('news', item.slug)}>{ft(item.title)}</a>
      </Heading>
      {item.description && <p className="card-lede">{ft(shortText(item.description, 220))}</p>}
      <p className="byline">
        <time dateTime={item.publishAt.toISOString()}>{frenchDay(item.publishAt)}</time>
      </p>
    </article>
  );
}

/** A list of cards, or what to say when it is empty. */
export function ContributionList(props: { items: ReactNode[]; empty: ReactNode }) {
  if (!props.items.length) return <div className="empty contribution-empty">{props.empty}</div>;
  return (
    <ul className="contribution-list">
      {props.items.map((node, i) => (
        <li key={i}>{node}</li>
      ))}
    </ul>
  );
}

/** The invitation under each list: propose an event, an offer or a news item. */
export function ProposeBox(props: { what: string }) {
  return (
    <aside className="subscribe-box propose-box" aria-labelledby="proposer">
      <div>
        <h2 id="proposer">{ft(`Vous avez ${props.what} à partager ?`)}</h2>
        <p>{ft('Envoyez-nous votre proposition : l’équipe la relit avant de la publier.')}</p>
      </div>
      <a className="button" href="/proposer">
        Proposer
      </a>
    </aside>
  );
}

/** Filters as plain links (no script): the current one marked for screen readers too. */
export function FilterLinks(props: { label: string; links: { href: string; text: string; current: boolean }[] }) {
  return (
    <nav className="filters" aria-label={props.label}>
      <p className="filters-label" aria-hidden="true">
        {props.label}
      </p>
      <ul>
        {props.links.map((l) => (
          <li key={l.href}>
            <a href={l.href} aria-current={l.current ? 'page' : undefined}>
              {ft(l.text)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Facts of an item page as a definition list: each term and its value. */
export function Facts(props: { facts: [term: string, value: ReactNode][] }) {
  return (
    <dl className="facts">
      {props.facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The outside link an item points to: plain text of its address, no referrer. */
export function OutsideLink(props: { url: string; text: string }) {
  return (
    <p>
      <a className="button" href={props.url} rel="noopener noreferrer nofollow">
        {props.text}
      </a>
    </p>
  );
}
