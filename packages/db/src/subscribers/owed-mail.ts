import { and, asc, eq, gt, isNotNull, isNull, ne, notExists, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { confirmations, subscribers, subscriptions, suppressions } from '../schema';

export type OwedConfirmation = { confirmationId: string; subscriberId: string };
/** One welcome per confirmation click: the person and the instant their lists were confirmed (ISO). */
export type OwedWelcome = { subscriberId: string; dueAt: string };

/**
 * Open confirmations whose email never went out, to addresses not suppressed since they asked. An erasure's
 * suppression does not count: erasure deletes the person's confirmations, so any left came after it.
 */
export async function owedConfirmations(db: Db, input: { now: Date; limit?: number }): Promise<OwedConfirmation[]> {
  // the same key as emailHash(): sha256 of the trimmed, lower-cased address
  const hash = sql`encode(sha256(convert_to(lower(trim(${subscribers.email})), 'UTF8')), 'hex')`;
  return db
    .select({ confirmationId: confirmations.id, subscriberId: confirmations.subscriberId })
    .from(confirmations)
    .innerJoin(subscribers, eq(subscribers.id, confirmations.subscriberId))
    .where(
      and(
        isNull(confirmations.sentAt),
        isNull(confirmations.usedAt),
        gt(confirmations.expiresAt, input.now),
        notExists(
          db
            .select({ one: sql`1` })
            .from(suppressions)
            .where(and(eq(suppressions.emailHash, hash), ne(suppressions.reason, 'erased'))),
        ),
      ),
    )
    .orderBy(asc(confirmations.createdAt))
    .limit(input.limit ?? 1000);
}

/**
 * Welcomes owed by a form confirmation since `since` and not sent, one per click (its lists share one
 * `welcome_due_at`). Imports and staff never set it, and the consent source must still be the form: an
 * imported person gets none.
 */
export async function owedWelcomes(db: Db, input: { since: Date; limit?: number }): Promise<OwedWelcome[]> {
  const rows = await db
    .selectDistinct({ subscriberId: subscriptions.subscriberId, dueAt: subscriptions.welcomeDueAt })
    .from(subscriptions)
    .where(
      and(
        isNotNull(subscriptions.welcomeDueAt),
        isNull(subscriptions.welcomeSentAt),
        gt(subscriptions.welcomeDueAt, input.since),
        eq(subscriptions.status, 'confirmed'),
        eq(subscriptions.consentSource, 'form'),
      ),
    )
    .orderBy(asc(subscriptions.welcomeDueAt), asc(subscriptions.subscriberId))
    .limit(input.limit ?? 1000);
  return rows.map((row) => ({ subscriberId: row.subscriberId, dueAt: row.dueAt!.toISOString() }));
}
