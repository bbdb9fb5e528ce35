// `/offres` and `/offres/:slug`: open job and internship offers of the network, closing soonest first.
import { JOB_CONTRACTS } from '@crieur/api';
import { frenchTypography as ft } from '@crieur/content';
import type { PublicContribution } from '@crieur/db';
import type { ReactNode } from 'react';
import { frenchCivilDay, shortText } from './contribution-format';
import {
  BeyondLastPage,
  contractLabel,
  ContributionList,
  Description,
  Facts,
  FilterLinks,
  frCount,
  ItemImage,
  ListPagination,
  OfferCard,
  offerWhere,
  OutsideLink,
  ProposeBox,
  type ContributionView,
} from './contribution-parts';

export type OffersQuery = { contract: string | null; page: number };

export function offersHref(q: Partial<OffersQuery>): string {
  const params = new URLSearchParams();
  if (q.contract) params.set('contrat', q.contract);
  if (q.page && q.page > 1) params.set('page', String(q.page));
  const query = params.toString();
  return query ? `/offres?${query}` : '/offres';
}

export function OffersPage(props: {
  query: OffersQuery;
  total: number;
  pages: number;
  items: PublicContribution[];
  contracts: Map<string, number>;
}) {
  const { query, total, pages, items } = props;
  const all = [...props.contracts.values()].reduce((a, b) => a + b, 0);
  return (
    <section aria-labelledby="titre" className="contribution-page offers-page">
      <header className="page-head">
        <p className="kicker">Dans le réseau</p>
        <h1 id="titre">Offres d’emploi et de stage</h1>
        <p className="lede">
          {ft('Postes, stages, alternances et services civiques proposés par les membres du réseau. ')}
          {ft('Les offres dont la date limite est passée disparaissent d’elles-mêmes.')}
        </p>
        <p className="page-links">
          <a href="/offres/feed.xml">Flux Atom des offres</a>
        </p>
      </header>
      <div className="filter-bar">
        <FilterLinks
          label="Type de contrat"
          links={[
            { href: offersHref({}), text: `Toutes (${frCount(all)})`, current: !query.contract },
            ...JOB_CONTRACTS.filter((c) => props.contracts.has(c) || c === query.contract).map((c) => ({
              href: offersHref({ contract: c }),
              text: `${contractLabel(c)} (${frCount(props.contracts.get(c) ?? 0)})`,
              current: c === query.contract,
            })),
          ]}
        />
      </div>
      <p className="count" role="status">
        {total === 0 ? 'Aucune offre ouverte' : `${frCount(total)} ${total > 1 ? 'offres ouvertes' : 'offre ouverte'}`}
        {total > 1 && ', la date limite la plus proche d’abord'}
      </p>
      {total > 0 && items.length === 0 ? (
        <BeyondLastPage pages={pages} first={offersHref({ contract: query.contract })} />
      ) : (
        <ContributionList
          items={items.map((item) => (
            <OfferCard key={item.id} item={item} />
          ))}
          empty={
            <p>
              {query.contract ? (
                <>
                  {ft('Aucune offre ouverte de ce type pour l’instant. ')}
                  <a href="/offres">Voir toutes les offres</a>
                </>
              ) : (
                ft('Aucune offre ouverte pour l’instant : revenez bientôt.')
              )}
            </p>
          }
        />
      )}
      <ListPagination page={query.page} pages={pages} href={(page) => offersHref({ ...query, page })} />
      <ProposeBox what="une offre d’emploi ou de stage" />
    </section>
  );
}

// schema.org's employmentType values: what each of our contract types is closest to
const EMPLOYMENT_TYPE: Record<string, string> = {
  cdi: 'FULL_TIME',
  cdd: 'TEMPORARY',
  stage: 'INTERN',
  alternance: 'INTERN',
  service_civique: 'VOLUNTEER',
  independant: 'CONTRACTOR',
  autre: 'OTHER',
};

/** schema.org JobPosting: the closing day as validThrough (end of that Paris day), remote as TELECOMMUTE. */
export function jobPostingJsonLd(item: ContributionView, url: string, imageUrl: string | null) {
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: item.title,
    description: item.description,
    url,
    datePosted: item.publishAt.toISOString().slice(0, 10),
    ...(item.closesOn ? { validThrough: `${item.closesOn}T23:59:59` } : {}),
    employmentType: EMPLOYMENT_TYPE[item.contractType ?? 'autre'] ?? 'OTHER',
    hiringOrganization: { '@type': 'Organization', name: item.organisation, ...(item.url ? { sameAs: item.url } : {}) },
    ...(item.place
      ? { jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: item.place } } }
      : {}),
    ...(item.remote
      ? { jobLocationType: 'TELECOMMUTE', applicantLocationRequirements: { '@type': 'Country', name: 'FR' } }
      : {}),
    directApply: false,
    ...(imageUrl ? { image: imageUrl } : {}),
  };
}

function offerFacts(item: ContributionView): [string, ReactNode][] {
  const facts: [string, ReactNode][] = [['Contrat', contractLabel(item.contractType)]];
  if (item.organisation) facts.push(['Structure', ft(item.organisation)]);
  const where = offerWhere(item);
  if (where) facts.push(['Lieu', ft(where)]);
  if (item.closesOn) facts.push(['Date limite', frenchCivilDay(item.closesOn)]);
  return facts;
}

export function OfferPage(props: { item: ContributionView }) {
  const { item } = props;
  return (
    <article className="piece contribution-piece" aria-labelledby="titre">
      <header className="piece-head">
        <p className="kickers">
          <a className="kicker" href="/offres">
            Offre d’emploi
          </a>
        </p>
        <h1 id="titre">{ft(item.title)}</h1>
        <Facts facts={offerFacts(item)} />
      </header>
      {item.image && <ItemImage image={item.image} alt={item.imageAlt} />}
      <div className="contribution-body">
        <Description text={item.description} />
        <div className="contribution-actions">
          {item.url && <OutsideLink url={item.url} text="Voir l’offre et candidater" />}
          <p>
            <a href="/offres">← Toutes les offres</a>
          </p>
        </div>
      </div>
    </article>
  );
}

/** An offer past its closing day: 410, not indexed, and where to look instead. */
export function ClosedOffer(props: { title: string; closesOn: string | null }) {
  return (
    <section className="card" aria-labelledby="titre">
      <h1 id="titre">Cette offre est close</h1>
      <p>
        {ft(
          `« ${shortText(props.title, 120)} » n’accepte plus de candidatures${
            props.closesOn ? ` : la date limite était le ${frenchCivilDay(props.closesOn)}` : ''
          }.`,
        )}
      </p>
      <p>
        <a href="/offres">Voir les offres ouvertes</a>
      </p>
    </section>
  );
}
