import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { subscribers, subscriptions, suppressions } from '../schema';
import { emailHash } from '../shared/suppressions';

export type ImportInputRow = { line: number; email: string; name: string };
export type ImportOutcome = {
  imported: number;
  alreadySubscribed: number;
  problems: { line: number; reason: 'unsubscribed' | 'suppressed'; value: string }[];
};

class DryRunRollback extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super('dry run');
  }
}

/**
 * One batch of an import into one list, in bulk (unnest arrays, not one statement per row).
 * Never resubscribes someone who left the list or is suppressed. A dry run computes the same
 * outcome and rolls back.
 */
export async function importRows(
  db: Db,
  input: {
    listId: number;
    legalBasis: 'consent' | 'legitimate_interest';
    rows: ImportInputRow[];
    consentNote: string | null;
    actorId: string | null;
    importId: string | null;
    now: Date;
    dryRun: boolean;
  },
): Promise<ImportOutcome> {
  if (!input.rows.length) return { imported: 0, alreadySubscribed: 0, problems: [] };
  try {
    return await db.transaction(async (tx) => {
      const problems: ImportOutcome['problems'] = [];
      const hashes = input.rows.map((r) => emailHash(r.email));
      const suppressed = new Set(
        (
          await tx
            .select({ h: suppressions.emailHash })
            .from(suppressions)
            .where(sql`${suppressions.emailHash} = any(${sql.param(hashes)}::text[])`)
        ).map((s) => s.h),
      );
      const rows = input.rows.filter((r, i) => {
        if (!suppressed.has(hashes[i]!)) return true;
        problems.push({ line: r.line, reason: 'suppressed', value: r.email });
        return false;
      });
      const at = input.now.toISOString();
      await tx.execute(sql`
        insert into subscribers (email, name, created_at, updated_at)
        select e, n, ${at}::timestamptz, ${at}::timestamptz
        from unnest(${sql.param(rows.map((r) => r.email))}::text[], ${sql.param(rows.map((r) => r.name))}::text[]) as x(e, n)
        on conflict do nothing`);
      const lower = rows.map((r) => r.email.toLowerCase());
      const known = await tx
        .select({ id: subscribers.id, key: sql<string>`lower(${subscribers.email})` })
        .from(subscribers)
        .where(sql`lower(${subscribers.email}) = any(${sql.param(lower)}::text[])`);
      const idOf = new Map(known.map((k) => [k.key, k.id]));
      const ids = known.map((k) => k.id);
      const statuses = new Map(
        (
          await tx
            .select({ s: subscriptions.subscriberId, status: subscriptions.status })
            .from(subscriptions)
            .where(
              and(
                eq(subscriptions.listId, input.listId),
                sql`${subscriptions.subscriberId} = any(${sql.param(ids)}::uuid[])`,
              ),
            )
        ).map((r) => [r.s, r.status]),
      );
      const fresh: string[] = [];
      const upgrade: string[] = [];
      let alreadySubscribed = 0;
      for (const r of rows) {
        const id = idOf.get(r.email.toLowerCase())!;
        const status = statuses.get(id);
        if (status === 'unsubscribed') problems.push({ line: r.line, reason: 'unsubscribed', value: r.email });
        else if (status === 'confirmed') alreadySubscribed++;
        else if (status === 'pending') upgrade.push(id);
        else fresh.push(id);
      }
      const note = input.consentNote;
      if (fresh.length) {
        await tx.execute(sql`
          insert into subscriptions (subscriber_id, list_id, status, legal_basis, consent_at, consent_source, consent_note, confirmed_at, created_at, updated_at)
          select s, ${input.listId}, 'confirmed', ${input.legalBasis}::legal_basis, ${at}::timestamptz, 'import', ${note}, ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz
          from unnest(${sql.param(fresh)}::uuid[]) as x(s)`);
      }
      if (upgrade.length) {
        await tx
          .update(subscriptions)
          .set({
            status: 'confirmed',
            consentAt: input.now,
            consentSource: 'import',
            consentNote: note,
            confirmedAt: input.now,
            updatedAt: input.now,
          })
          .where(
            and(
              eq(subscriptions.listId, input.listId),
              sql`${subscriptions.subscriberId} = any(${sql.param(upgrade)}::uuid[])`,
            ),
          );
      }
      const joined = [...fresh, ...upgrade];
      if (joined.length) {
        const data = JSON.stringify(input.importId ? { importId: input.importId } : {});
        await tx.execute(sql`
          insert into subscription_events (at, type, subscriber_id, list_id, source, actor_id, data)
          select ${at}::timestamptz, 'imported', s, ${input.listId}, 'import', ${input.actorId}::uuid, ${data}::jsonb
          from unnest(${sql.param(joined)}::uuid[]) as x(s)`);
      }
      const outcome = { imported: joined.length, alreadySubscribed, problems };
      if (input.dryRun) throw new DryRunRollback(outcome);
      return outcome;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.outcome;
    throw error;
  }
}
