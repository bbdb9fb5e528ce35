// Contributions written straight into the tables (issue 17 tests and benches): any kind, status and dates.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { queryRows } from '../shared/query-rows';
import { contributionEvents, contributions } from '../schema';

type Insert = typeof contributions.$inferInsert;

export type SeedContribution = Partial<Omit<Insert, 'proposerId'>> & {
  kind: Insert['kind'];
  /** the proposer's address (one `proposers` row per address, created on first use); null: no proposer */
  email?: string | null;
  /** writes the history a real proposal has (proposed, then confirmed once past `unconfirmed`) */
  history?: boolean;
};

const DAY = 86_400_000;

function defaults(input: SeedContribution, now: Date, i: number): Omit<Insert, 'proposerId'> {
  const status = input.status ?? 'pending';
  const base: Omit<Insert, 'proposerId'> = {
    kind: input.kind,
    status,
    proposerName: 'Camille Proposante',
    consentAt: now,
    consentTextVersion: 'proposer-2026-01',
    consentIp: '192.0.2.10',
    title: `Proposition ${i + 1}`,
    description: 'Une description en texte simple.',
    url: 'https://exemple.org/annonce',
    createdAt: now,
    updatedAt: now,
    confirmedAt: status === 'unconfirmed' ? null : now,
  };
  if (input.kind === 'event')
    Object.assign(base, {
      startsAt: new Date(now.getTime() + 7 * DAY),
      endsAt: new Date(now.getTime() + 7 * DAY + 2 * 3600_000),
      online: false,
      place: 'Maison des associations, Lyon',
      organiser: 'Collectif Concertation',
    });
  if (input.kind === 'job')
    Object.assign(base, {
      organisation: 'Association Exemple',
      place: 'Paris',
      remote: false,
      contractType: 'cdd',
      closesOn: new Date(now.getTime() + 30 * DAY).toISOString().slice(0, 10),
    });
  if (input.kind === 'news') Object.assign(base, { organisation: 'Réseau adhérent' });
  if (status === 'accepted') Object.assign(base, { slug: `proposition-${randomUUID().slice(0, 8)}`, publishAt: now });
  if (status === 'refused' || status === 'withdrawn') Object.assign(base, { closedAt: now });
  const { email: _email, history: _history, ...fields } = input;
  return { ...base, ...fields };
}

/** Inserts the contributions in one statement (and their proposers); returns their ids in order. */
export async function seedContributions(
  db: Db,
  items: readonly SeedContribution[],
  options: { now?: Date } = {},
): Promise<string[]> {
  if (items.length === 0) return [];
  const now = options.now ?? new Date();
  const emails = [...new Set(items.map((i) => i.email ?? 'proposante@exemple.org').filter((e) => e !== null))];
  const proposerIds = new Map<string, string>();
  if (emails.length) {
    // the unique index is on lower(email): an address already there keeps its row
    const rows = await queryRows<{ id: string; email: string }>(
      db,
      sql`insert into proposers (email) select unnest(${sql.param(emails)}::text[])
        on conflict (lower(email)) do update set email = proposers.email returning id, email`,
    );
    for (const r of rows) proposerIds.set(r.email.toLowerCase(), r.id);
  }
  const rows = await db
    .insert(contributions)
    .values(
      items.map((item, i) => {
        const email = item.email === undefined ? 'proposante@exemple.org' : item.email;
        return { ...defaults(item, now, i), proposerId: email ? proposerIds.get(email.toLowerCase())! : null };
      }),
    )
    .returning({ id: contributions.id, status: contributions.status, createdAt: contributions.createdAt });
  const history = rows.flatMap((row, i) =>
    items[i]!.history === false
      ? []
      : [
          { contributionId: row.id, at: row.createdAt, type: 'proposed' as const },
          ...(row.status === 'unconfirmed'
            ? []
            : [{ contributionId: row.id, at: row.createdAt, type: 'confirmed' as const }]),
        ],
  );
  if (history.length) await db.insert(contributionEvents).values(history);
  return rows.map((r) => r.id);
}

/** One contribution; returns its id. */
export async function seedContribution(db: Db, item: SeedContribution, options: { now?: Date } = {}) {
  const [id] = await seedContributions(db, [item], options);
  return id!;
}
