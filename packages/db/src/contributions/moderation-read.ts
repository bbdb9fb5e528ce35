// The moderation queue and one proposal as staff read them (issue 17).
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../shared/tx';
import { contributionEvents, contributions, proposers, users } from '../schema';

export type ContributionStatusValue = (typeof contributions.$inferSelect)['status'];
export type ContributionKindValue = (typeof contributions.$inferSelect)['kind'];
export type ContributionRecord = typeof contributions.$inferSelect;

const STATUSES: readonly ContributionStatusValue[] = [
  'unconfirmed',
  'pending',
  'changes_requested',
  'accepted',
  'refused',
  'withdrawn',
];

// each tab in the order a moderator works it: what waits longest first, decisions most recent first
const ORDER: Record<ContributionStatusValue, SQL[]> = {
  unconfirmed: [desc(contributions.createdAt)],
  pending: [asc(sql`coalesce(${contributions.confirmedAt}, ${contributions.createdAt})`)],
  changes_requested: [asc(sql`coalesce(${contributions.decidedAt}, ${contributions.createdAt})`)],
  accepted: [desc(sql`coalesce(${contributions.publishAt}, ${contributions.decidedAt}, ${contributions.createdAt})`)],
  refused: [desc(sql`coalesce(${contributions.closedAt}, ${contributions.updatedAt})`)],
  withdrawn: [desc(sql`coalesce(${contributions.closedAt}, ${contributions.updatedAt})`)],
};

export type ContributionQueueRow = Pick<
  ContributionRecord,
  | 'id'
  | 'kind'
  | 'status'
  | 'title'
  | 'proposerName'
  | 'organisation'
  | 'createdAt'
  | 'confirmedAt'
  | 'startsAt'
  | 'endsAt'
  | 'closesOn'
  | 'publishAt'
  | 'expiredAt'
> & { proposerEmail: string | null };

/** One tab of the queue, a page at a time (the queue stays short: OFFSET is fine here), and its total. */
export async function listContributionQueue(
  db: DbOrTx,
  input: { status: ContributionStatusValue; kind?: ContributionKindValue; page: number; pageSize: number },
): Promise<{ rows: ContributionQueueRow[]; total: number }> {
  const where = and(
    eq(contributions.status, input.status),
    input.kind ? eq(contributions.kind, input.kind) : undefined,
  );
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: contributions.id,
        kind: contributions.kind,
        status: contributions.status,
        title: contributions.title,
        proposerName: contributions.proposerName,
        proposerEmail: proposers.email,
        organisation: sql<string>`case when ${contributions.kind} = 'event' then ${contributions.organiser}
          else ${contributions.organisation} end`,
        createdAt: contributions.createdAt,
        confirmedAt: contributions.confirmedAt,
        startsAt: contributions.startsAt,
        endsAt: contributions.endsAt,
        closesOn: contributions.closesOn,
        publishAt: contributions.publishAt,
        expiredAt: contributions.expiredAt,
      })
      .from(contributions)
      .leftJoin(proposers, eq(proposers.id, contributions.proposerId))
      .where(where)
      .orderBy(...ORDER[input.status], asc(contributions.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(contributions).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

/** How many proposals each status holds (of one kind, if asked), for the queue's tabs. */
export async function countContributionsByStatus(
  db: DbOrTx,
  input: { kind?: ContributionKindValue; statuses?: readonly ContributionStatusValue[] } = {},
): Promise<Record<ContributionStatusValue, number>> {
  const rows = await db
    .select({ status: contributions.status, n: count() })
    .from(contributions)
    .where(
      and(
        input.kind ? eq(contributions.kind, input.kind) : undefined,
        input.statuses ? inArray(contributions.status, [...input.statuses]) : undefined,
      ),
    )
    .groupBy(contributions.status);
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ContributionStatusValue, number>;
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

export type ContributionHistoryRow = {
  id: number;
  at: Date;
  type: (typeof contributionEvents.$inferSelect)['type'];
  actorName: string | null;
  message: string;
};

export type ContributionForStaff = ContributionRecord & {
  proposerEmail: string | null;
  decidedByName: string | null;
  history: ContributionHistoryRow[];
};

const staffName = (table: typeof users) => sql<string | null>`coalesce(nullif(${table.name}, ''), ${table.email})`;

/** One proposal with its proposer's address, who decided, and its history in order; null if there is none. */
export async function getContributionForStaff(db: DbOrTx, id: string): Promise<ContributionForStaff | null> {
  const [row] = await db
    .select({ c: contributions, proposerEmail: proposers.email, decidedByName: staffName(users) })
    .from(contributions)
    .leftJoin(proposers, eq(proposers.id, contributions.proposerId))
    .leftJoin(users, eq(users.id, contributions.decidedBy))
    .where(eq(contributions.id, id));
  if (!row) return null;
  const history = await db
    .select({
      id: contributionEvents.id,
      at: contributionEvents.at,
      type: contributionEvents.type,
      actorName: sql<string | null>`case when ${users.id} is null then null else ${staffName(users)} end`,
      message: contributionEvents.message,
    })
    .from(contributionEvents)
    .leftJoin(users, eq(users.id, contributionEvents.actorId))
    .where(eq(contributionEvents.contributionId, id))
    .orderBy(asc(contributionEvents.at), asc(contributionEvents.id));
  return { ...row.c, proposerEmail: row.proposerEmail, decidedByName: row.decidedByName, history };
}
