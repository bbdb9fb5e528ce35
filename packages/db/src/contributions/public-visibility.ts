// The one rule of what readers see of contributions, shared by the lists, the search and the page cache's stamp.
import { and, eq, gte, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import { contributions as c } from '../schema';

export type PublicContributionKind = 'event' | 'job' | 'news';

/** The one visibility rule: accepted, with a slug, and its publication time reached. */
export const publicContribution = (now: Date, kind?: PublicContributionKind): SQL =>
  and(
    eq(c.status, 'accepted'),
    isNotNull(c.slug),
    isNotNull(c.publishAt),
    lte(c.publishAt, now),
    kind ? eq(c.kind, kind) : undefined,
  )!;

/** Today in Paris, as PostgreSQL computes it from `now` (the app's clock, which tests move). */
export const parisToday = (now: Date): SQL =>
  sql`(${now.toISOString()}::timestamptz at time zone 'Europe/Paris')::date`;
/** An event is upcoming while it has not ended. */
export const eventUpcoming = (now: Date): SQL => gte(c.endsAt, now);
/** An offer is open until the end of its closing day in Paris. */
export const offerOpen = (now: Date): SQL => sql`${c.closesOn} >= ${parisToday(now)}`;
