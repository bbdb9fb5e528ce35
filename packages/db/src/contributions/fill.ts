// The composer's « Remplir avec les contributions » and the preflight's date check (issue 17): accepted items,
// public by now, still to come or open, and not yet carried by a letter of the same newsletter already sent.
import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { queryRows } from '../shared/query-rows';

export * from './upkeep';

export type FillKind = 'event' | 'job' | 'news';

/** An accepted contribution as a letter's block item is made from it. */
export type FillCandidate = {
  id: string;
  kind: FillKind;
  slug: string;
  title: string;
  description: string;
  url: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  online: boolean | null;
  place: string;
  organiser: string;
  organisation: string;
  remote: boolean | null;
  /** "YYYY-MM-DD", the offer's last day (Paris) */
  closesOn: string | null;
  publishAt: Date;
};

type CandidateRow = Omit<FillCandidate, 'startsAt' | 'endsAt' | 'publishAt'> & {
  startsAt: Date | string | null;
  endsAt: Date | string | null;
  publishAt: Date | string;
};

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' });
/** The Paris calendar day of an instant, "YYYY-MM-DD": an offer is open through its closing day in Paris. */
export const parisDayOf = (at: Date): string => PARIS_DAY.format(at);

const toDate = (v: Date | string | null) => (v === null ? null : new Date(v));

// a letter counts as sent once it reached readers: sending, paused mid-way or finished
const SENT_STATUSES = sql`('sending', 'paused', 'sent')`;
// every contributionId of a letter's agenda, job and news items (lax jsonpath: other blocks yield nothing)
const CARRIED_PATH = '$[*] ? (@.type == "agenda" || @.type == "jobs" || @.type == "membersNews").*[*].contributionId';

/**
 * What « Remplir avec les contributions » offers for one campaign: accepted items of `kind` whose publication date
 * has come, events not yet ended, offers still open (Paris day), never one a sent letter of the campaign's newsletter
 * carried; events by start, offers by closing day, news by publication date. Null when the campaign is unknown.
 */
export async function fillCandidates(
  db: Db,
  input: { kind: FillKind; campaignId: string; now: Date; limit?: number },
): Promise<FillCandidate[] | null> {
  const [campaign] = await queryRows<{ kind: string }>(
    db,
    sql`select kind::text as kind from campaigns where id = ${input.campaignId}`,
  );
  if (!campaign) return null;
  const today = parisDayOf(input.now);
  const now = input.now.toISOString();
  const open =
    input.kind === 'event'
      ? sql`and c.ends_at >= ${now}::timestamptz`
      : input.kind === 'job'
        ? sql`and c.closes_on >= ${today}::date`
        : sql``;
  const order =
    input.kind === 'event'
      ? sql`c.starts_at, c.title`
      : input.kind === 'job'
        ? sql`c.closes_on, c.title`
        : sql`c.publish_at, c.title`;
  const rows = await queryRows<CandidateRow>(
    db,
    sql`
      with carried as (
        select distinct (jsonb_path_query(s.blocks, ${CARRIED_PATH}::jsonpath) #>> '{}') as id
        from campaigns s
        where s.kind::text = ${campaign.kind} and s.status in ${SENT_STATUSES} and s.id <> ${input.campaignId}
      )
      select c.id, c.kind::text as kind, c.slug, c.title, c.description, c.url, c.starts_at as "startsAt",
        c.ends_at as "endsAt", c.online, c.place, c.organiser, c.organisation, c.remote,
        c.closes_on::text as "closesOn", c.publish_at as "publishAt"
      from contributions c
      where c.status = 'accepted' and c.kind = ${input.kind}::contribution_kind and c.slug is not null
        and c.publish_at <= ${now}::timestamptz ${open}
        and c.id::text not in (select id from carried where id is not null)
      order by ${order}
      limit ${input.limit ?? 30}`,
  );
  return rows.map((r) => ({
    ...r,
    startsAt: toDate(r.startsAt),
    endsAt: toDate(r.endsAt),
    publishAt: new Date(r.publishAt),
  }));
}

/** What the preflight needs of the contributions a letter carries: when each event ends and each offer closes. */
export type ContributionDates = { id: string; kind: FillKind; endsAt: Date | null; closesOn: string | null };

export async function contributionDates(db: Db, ids: readonly string[]): Promise<ContributionDates[]> {
  // ids come from saved blocks: only well-formed uuids reach the cast
  const uuids = [...new Set(ids)].filter((id) =>
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id),
  );
  if (uuids.length === 0) return [];
  const rows = await queryRows<Omit<ContributionDates, 'endsAt'> & { endsAt: Date | string | null }>(
    db,
    sql`select id, kind::text as kind, ends_at as "endsAt", closes_on::text as "closesOn"
      from contributions where id = any(${sql.param(uuids)}::uuid[])`,
  );
  return rows.map((r) => ({ ...r, endsAt: toDate(r.endsAt) }));
}
