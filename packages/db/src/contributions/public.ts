// What readers see of the network's contributions (issue 17): accepted ones whose publication time has come. Events
// are upcoming until they end, offers open until the end of their closing day in Paris; lists filter by these dates,
// never by expired_at alone, so an offer leaves at Paris midnight even before the expiry job runs.
import { and, asc, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { contributions as c } from '../schema';
import { queryRows } from '../shared/query-rows';

import {
  eventUpcoming,
  offerOpen,
  parisToday,
  publicContribution,
  type PublicContributionKind,
} from './public-visibility';

export { searchContributions, webSearchText, type ContributionHit } from './public-search';
export { eventUpcoming, offerOpen, parisToday, publicContribution, type PublicContributionKind };

/** One public contribution, as pages, feeds and the calendar show it. */
export type PublicContribution = {
  id: string;
  kind: PublicContributionKind;
  slug: string;
  title: string;
  description: string;
  url: string | null;
  imageMediaId: string | null;
  imageAlt: string;
  startsAt: Date | null;
  endsAt: Date | null;
  online: boolean | null;
  place: string;
  organiser: string;
  organisation: string;
  contractType: string | null;
  remote: boolean | null;
  /** Paris day, YYYY-MM-DD */
  closesOn: string | null;
  publishAt: Date;
  updatedAt: Date;
};

const columns = {
  id: c.id,
  kind: c.kind,
  slug: c.slug,
  title: c.title,
  description: c.description,
  url: c.url,
  imageMediaId: c.imageMediaId,
  imageAlt: c.imageAlt,
  startsAt: c.startsAt,
  endsAt: c.endsAt,
  online: c.online,
  place: c.place,
  organiser: c.organiser,
  organisation: c.organisation,
  contractType: c.contractType,
  remote: c.remote,
  closesOn: c.closesOn,
  publishAt: c.publishAt,
  updatedAt: c.updatedAt,
};

/** `2027-03` → the instants where that Paris month starts and the next one starts. */
const monthBounds = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return {
    from: sql`(${`${month}-01`}::timestamp at time zone 'Europe/Paris')`,
    to: sql`(${`${next}-01`}::timestamp at time zone 'Europe/Paris')`,
  };
};

export type Paged<T> = { total: number; items: T[] };
type PageInput = { limit: number; offset: number };

async function paged(db: Db, where: SQL, order: SQL[], page: PageInput): Promise<Paged<PublicContribution>> {
  const [items, [count]] = await Promise.all([
    db
      .select(columns)
      .from(c)
      .where(where)
      .orderBy(...order)
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(c)
      .where(where),
  ]);
  return { total: count?.n ?? 0, items: items as PublicContribution[] };
}

export type EventFilter = {
  now: Date;
  /** upcoming: not ended yet, soonest first; past: ended, latest first (the archive) */
  period: 'upcoming' | 'past';
  /** a Paris month, YYYY-MM: events starting in it */
  month?: string | null;
  /** true: online only; false: in person only */
  online?: boolean | null;
};

const eventWhere = (f: EventFilter): SQL => {
  const bounds = f.month ? monthBounds(f.month) : null;
  return and(
    publicContribution(f.now, 'event'),
    f.period === 'upcoming' ? eventUpcoming(f.now) : lt(c.endsAt, f.now),
    bounds ? sql`${c.startsAt} >= ${bounds.from} and ${c.startsAt} < ${bounds.to}` : undefined,
    typeof f.online === 'boolean' ? eq(c.online, f.online) : undefined,
  )!;
};

/** `/agenda` and `/agenda/archives`: a page of events, with how many match. */
export function publicEvents(db: Db, input: EventFilter & PageInput): Promise<Paged<PublicContribution>> {
  const order =
    input.period === 'upcoming'
      ? [asc(c.startsAt), asc(c.endsAt), asc(c.id)]
      : [desc(c.startsAt), desc(c.endsAt), asc(c.id)];
  return paged(db, eventWhere(input), order, input);
}

/** The Paris months that hold events of this period (the month filter's choices), with their counts. */
export async function eventMonths(
  db: Db,
  input: { now: Date; period: 'upcoming' | 'past'; online?: boolean | null },
): Promise<{ month: string; count: number }[]> {
  const month = sql<string>`to_char(${c.startsAt} at time zone 'Europe/Paris', 'YYYY-MM')`;
  const rows = await db
    .select({ month, count: sql<number>`count(*)::int` })
    .from(c)
    .where(eventWhere({ ...input, month: null }))
    .groupBy(month)
    .orderBy(input.period === 'upcoming' ? asc(month) : desc(month))
    .limit(36);
  return rows;
}

/** `/offres`: open offers, closing soonest first (then newest), optionally of one contract type. */
export function openOffers(
  db: Db,
  input: { now: Date; contract?: string | null } & PageInput,
): Promise<Paged<PublicContribution>> {
  const where = and(
    publicContribution(input.now, 'job'),
    offerOpen(input.now),
    input.contract ? eq(c.contractType, input.contract) : undefined,
  )!;
  return paged(db, where, [asc(c.closesOn), desc(c.publishAt), asc(c.id)], input);
}

/** Open offers per contract type (the filter's counts). */
export async function openOfferContracts(db: Db, input: { now: Date }): Promise<Map<string, number>> {
  const rows = await db
    .select({ contract: c.contractType, count: sql<number>`count(*)::int` })
    .from(c)
    .where(and(publicContribution(input.now, 'job'), offerOpen(input.now)))
    .groupBy(c.contractType);
  return new Map(rows.map((r) => [r.contract ?? 'autre', r.count]));
}

/** `/actualites-adherents`: members' news, newest first. */
export function publicNews(db: Db, input: { now: Date } & PageInput): Promise<Paged<PublicContribution>> {
  return paged(db, publicContribution(input.now, 'news'), [desc(c.publishAt), asc(c.id)], input);
}

/**
 * The newest published of one kind still listed (events not ended, offers open): the Atom feeds. Newest first, as
 * feed readers expect.
 */
export async function latestContributions(
  db: Db,
  input: { now: Date; kind: PublicContributionKind; limit: number },
): Promise<PublicContribution[]> {
  const still =
    input.kind === 'event' ? eventUpcoming(input.now) : input.kind === 'job' ? offerOpen(input.now) : undefined;
  const rows = await db
    .select(columns)
    .from(c)
    .where(and(publicContribution(input.now, input.kind), still))
    .orderBy(desc(c.publishAt), asc(c.id))
    .limit(input.limit);
  return rows as PublicContribution[];
}

/** The calendar feed: upcoming events and those ended within `keepDays` (calendars keep them), soonest first. */
export async function calendarEvents(
  db: Db,
  input: { now: Date; keepDays: number; limit: number },
): Promise<PublicContribution[]> {
  const since = new Date(input.now.getTime() - input.keepDays * 86_400_000);
  const rows = await db
    .select(columns)
    .from(c)
    .where(and(publicContribution(input.now, 'event'), gte(c.endsAt, since)))
    .orderBy(asc(c.startsAt), asc(c.id))
    .limit(input.limit);
  return rows as PublicContribution[];
}

/**
 * One public contribution by its address, and whether its time is over (an event ended, an offer past its closing
 * day): the page still shows an ended event, and says an offer is closed.
 */
export async function publicContributionBySlug(
  db: Db,
  input: { kind: PublicContributionKind; slug: string; now: Date },
): Promise<(PublicContribution & { over: boolean }) | null> {
  const over =
    input.kind === 'event'
      ? sql<boolean>`${c.endsAt} < ${input.now.toISOString()}::timestamptz`
      : input.kind === 'job'
        ? sql<boolean>`${c.closesOn} < ${parisToday(input.now)}`
        : sql<boolean>`false`;
  const [row] = await db
    .select({ ...columns, over })
    .from(c)
    .where(and(publicContribution(input.now, input.kind), eq(c.slug, input.slug)))
    .limit(1);
  return (row as (PublicContribution & { over: boolean }) | undefined) ?? null;
}

type SitemapRow = { kind: PublicContributionKind; slug: string; updated_at: Date | string };

/** Every listed contribution's address and date (events of the archive included, closed offers not): the sitemap. */
export async function contributionSitemap(
  db: Db,
  input: { now: Date },
): Promise<{ kind: PublicContributionKind; slug: string; updatedAt: Date }[]> {
  const rows = await queryRows<SitemapRow>(
    db,
    sql`select kind, slug, updated_at from contributions
      where ${publicContribution(input.now)} and (kind <> 'job' or ${offerOpen(input.now)})
      order by publish_at desc limit 20000`,
  );
  return rows.map((r) => ({ kind: r.kind, slug: r.slug, updatedAt: new Date(r.updated_at) }));
}
