// `/agenda`, `/agenda/archives` and `/agenda/:slug`: the network's events, filtered by plain links (no script).
import { frenchTypography as ft } from '@crieur/content';
import type { PublicContribution } from '@crieur/db';
import type { ReactNode } from 'react';
import { frenchMonth, frenchRange, parisIso, shortText } from './contribution-format';
import {
  BeyondLastPage,
  ContributionList,
  Description,
  EventCard,
  eventWhere,
  Facts,
  FilterLinks,
  frCount,
  ItemImage,
  ListPagination,
  OutsideLink,
  ProposeBox,
  type ContributionView,
} from './contribution-parts';

export type AgendaFormat = 'en-ligne' | 'sur-place';
export type AgendaQuery = { month: string | null; format: AgendaFormat | null; page: number };

/** The address of an agenda list with these filters (page 1 and empty filters left out). */
export function agendaHref(period: 'upcoming' | 'past', q: Partial<AgendaQuery>): string {
  const params = new URLSearchParams();
  if (q.month) params.set('mois', q.month);
  if (q.format) params.set('format', q.format);
  if (q.page && q.page > 1) params.set('page', String(q.page));
  const path = period === 'upcoming' ? '/agenda' : '/agenda/archives';
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export function AgendaHead(props: { canonical: string }) {
  return (
    <>
      <link rel="canonical" href={props.canonical} />
      <link rel="alternate" type="application/atom+xml" title="Agenda du réseau (Atom)" href="/agenda/feed.xml" />
      <link rel="alternate" type="text/calendar" title="Agenda du réseau (iCalendar)" href="/agenda.ics" />
    </>
  );
}

export function AgendaPage(props: {
  period: 'upcoming' | 'past';
  query: AgendaQuery;
  total: number;
  pages: number;
  items: PublicContribution[];
  months: { month: string; count: number }[];
  /** the site's address, for the webcal:// link */
  publicUrl: string;
}) {
  const { period, query, total, pages, items } = props;
  const upcoming = period === 'upcoming';
  const href = (q: Partial<AgendaQuery>) => agendaHref(period, { ...query, page: 1, ...q });
  const filtered = Boolean(query.month || query.format);
  const webcal = `${props.publicUrl.replace(/^https?:/, 'webcal:')}/agenda.ics`;
  const months =
    props.months.some((m) => m.month === query.month) || !query.month
      ? props.months
      : [...props.months, { month: query.month, count: 0 }];
  return (
    <section aria-labelledby="titre" className="contribution-page agenda-page">
      <header className="page-head">
        <p className="kicker">{upcoming ? 'Dans le réseau' : 'Agenda'}</p>
        <h1 id="titre">{upcoming ? 'Agenda' : 'Événements passés'}</h1>
        <p className="lede">
          {ft(
            upcoming
              ? 'Rencontres, formations et débats proposés par les membres du réseau, les plus proches d’abord.'
              : 'Les événements annoncés ici et déjà passés, les plus récents d’abord.',
          )}
        </p>
        <p className="page-links">
          {upcoming ? (
            <a href="/agenda/archives">Voir les événements passés</a>
          ) : (
            <a href="/agenda">Voir les événements à venir</a>
          )}
          <a href={webcal}>S’abonner au calendrier</a>
          <a href="/agenda.ics" download>
            Télécharger le calendrier (.ics)
          </a>
          <a href="/agenda/feed.xml">Flux Atom</a>
        </p>
      </header>
      <div className="filter-bar">
        <FilterLinks
          label="Mois"
          links={[
            { href: href({ month: null }), text: 'Tous les mois', current: !query.month },
            ...months.map((m) => ({
              href: href({ month: m.month }),
              text: frenchMonth(m.month),
              current: m.month === query.month,
            })),
          ]}
        />
        <FilterLinks
          label="Format"
          links={[
            { href: href({ format: null }), text: 'Tous', current: !query.format },
            { href: href({ format: 'en-ligne' }), text: 'En ligne', current: query.format === 'en-ligne' },
            { href: href({ format: 'sur-place' }), text: 'Sur place', current: query.format === 'sur-place' },
          ]}
        />
      </div>
      <p className="count" role="status">
        {total === 0
          ? 'Aucun événement'
          : `${frCount(total)} ${total > 1 ? 'événements' : 'événement'}${
              query.month ? ` en ${frenchMonth(query.month)}` : ''
            }`}
      </p>
      {total > 0 && items.length === 0 ? (
        <BeyondLastPage pages={pages} first={href({})} />
      ) : (
        <ContributionList
          items={items.map((item) => (
            <EventCard key={item.id} item={item} />
          ))}
          empty={
            <p>
              {filtered ? (
                <>
                  {ft('Aucun événement ne correspond à ces filtres. ')}
                  <a href={agendaHref(period, {})}>Voir tous les événements</a>
                </>
              ) : upcoming ? (
                ft('Aucun événement annoncé pour l’instant : revenez bientôt, ou proposez le vôtre.')
              ) : (
                ft('Aucun événement passé pour l’instant.')
              )}
            </p>
          }
        />
      )}
      <ListPagination page={query.page} pages={pages} href={(page) => agendaHref(period, { ...query, page })} />
      <ProposeBox what="un événement" />
    </section>
  );
}

/** schema.org Event: dates with Paris's offset, online or at a place, its organiser and image. */
export function eventJsonLd(item: ContributionView, url: string, imageUrl: string | null) {
  const place = item.place ? { '@type': 'Place', name: item.place, address: item.place } : null;
  const virtual = { '@type': 'VirtualLocation', url: item.url ?? url };
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: item.title,
    description: shortText(item.description, 500),
    url,
    startDate: item.startsAt ? parisIso(item.startsAt) : undefined,
    endDate: item.endsAt ? parisIso(item.endsAt) : undefined,
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: item.online
      ? place
        ? 'https://schema.org/MixedEventAttendanceMode'
        : 'https://schema.org/OnlineEventAttendanceMode'
      : 'https://schema.org/OfflineEventAttendanceMode',
    location: item.online ? (place ? [virtual, place] : virtual) : place,
    organizer: item.organiser ? { '@type': 'Organization', name: item.organiser } : undefined,
    ...(imageUrl ? { image: imageUrl } : {}),
  };
}

function eventFacts(item: ContributionView, where: string): [string, ReactNode][] {
  const facts: [string, ReactNode][] = [];
  if (item.startsAt)
    facts.push([
      'Quand',
      <time dateTime={item.startsAt.toISOString()}>{ft(frenchRange(item.startsAt, item.endsAt))}</time>,
    ]);
  if (where) facts.push(['Où', ft(where)]);
  if (item.organiser) facts.push(['Organisé par', ft(item.organiser)]);
  return facts;
}

export function EventPage(props: { item: ContributionView; over: boolean }) {
  const { item, over } = props;
  const where = eventWhere(item);
  return (
    <article className="piece contribution-piece" aria-labelledby="titre">
      <header className="piece-head">
        <p className="kickers">
          <a className="kicker" href={over ? '/agenda/archives' : '/agenda'}>
            {over ? 'Événement passé' : 'Agenda'}
          </a>
        </p>
        <h1 id="titre">{ft(item.title)}</h1>
        {over && <p className="notice-over">{ft('Cet événement a eu lieu : cette page reste pour mémoire.')}</p>}
        <Facts facts={eventFacts(item, where)} />
      </header>
      {item.image && <ItemImage image={item.image} alt={item.imageAlt} />}
      <div className="contribution-body">
        <Description text={item.description} />
        <div className="contribution-actions">
          {item.url && <OutsideLink url={item.url} text="Plus d’informations sur le site de l’organisateur" />}
          {!over && (
            <p>
              <a className="button secondary-button" href={`/agenda/${item.slug}.ics`} download>
                Ajouter à mon agenda (.ics)
              </a>
            </p>
          )}
          <p>
            <a href="/agenda">← Tout l’agenda</a>
          </p>
        </div>
      </div>
    </article>
  );
}
