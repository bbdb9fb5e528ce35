// The contributions' scheduled upkeep (issue 17): ended events and closed offers leave the public lists, and what
// was refused, withdrawn or never confirmed is erased once its time is up, with proposers left with nothing.
import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { queryRows } from '../shared/query-rows';

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' });

export type ExpiredCounts = { events: number; jobs: number };

/**
 * Stamps `expired_at` (and an `expired` history line) on accepted events whose end has passed and offers whose
 * closing day (Paris) is over; each once, so two worker processes running it together never stamp twice.
 */
export async function expireContributions(db: Db, input: { now: Date }): Promise<ExpiredCounts> {
  const now = input.now.toISOString();
  const today = PARIS_DAY.format(input.now);
  const rows = await queryRows<{ kind: string; n: number }>(
    db,
    sql`
      with expired as (
        update contributions set expired_at = ${now}::timestamptz
        where status = 'accepted' and expired_at is null
          and ((kind = 'event' and ends_at < ${now}::timestamptz) or (kind = 'job' and closes_on < ${today}::date))
        returning id, kind
      ), logged as (
        insert into contribution_events (contribution_id, at, type)
        select id, ${now}::timestamptz, 'expired' from expired
      )
      select kind::text as kind, count(*)::int as n from expired group by kind`,
  );
  const count = (kind: string) => rows.find((r) => r.kind === kind)?.n ?? 0;
  return { events: count('event'), jobs: count('job') };
}

export type ErasedCounts = { closed: number; unconfirmed: number; proposers: number };

/**
 * Erases refused and withdrawn contributions closed before `closedBefore`, unconfirmed ones created before
 * `unconfirmedBefore` (their history and owed emails go with them; an image stays in the media library), then
 * proposers with no contribution left and no link still valid at `now`.
 */
export async function eraseContributions(
  db: Db,
  input: { now: Date; closedBefore: Date; unconfirmedBefore: Date },
): Promise<ErasedCounts> {
  const [erased] = await queryRows<{ closed: number; unconfirmed: number }>(
    db,
    sql`
      with gone as (
        delete from contributions
        where (status in ('refused', 'withdrawn') and closed_at < ${input.closedBefore.toISOString()}::timestamptz)
          or (status = 'unconfirmed' and created_at < ${input.unconfirmedBefore.toISOString()}::timestamptz)
        returning status
      )
      select (count(*) filter (where status <> 'unconfirmed'))::int as closed,
        (count(*) filter (where status = 'unconfirmed'))::int as unconfirmed
      from gone`,
  );
  // skip locked: a proposer a proposal is being written for right now (its row locked by the insert) stays
  const [proposers] = await queryRows<{ n: number }>(
    db,
    sql`
      with gone as (
        delete from proposers where id in (
          select p.id from proposers p
          where not exists (select 1 from contributions c where c.proposer_id = p.id)
            and not exists (
              select 1 from proposer_links l where l.proposer_id = p.id and l.expires_at > ${input.now.toISOString()}::timestamptz
            )
          for update skip locked
        )
        returning id
      )
      select count(*)::int as n from gone`,
  );
  return { closed: erased?.closed ?? 0, unconfirmed: erased?.unconfirmed ?? 0, proposers: proposers?.n ?? 0 };
}
