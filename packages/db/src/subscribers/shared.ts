import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { subscriptionEvents, suppressions } from '../schema';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/** The suppression key: sha256 of the lower-cased address, so erased addresses leave no readable trace. */
export function emailHash(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

// 256 random bits, URL-safe: links in emails never contain or reveal the address

export async function isSuppressed(db: DbOrTx, email: string): Promise<boolean> {
  const [row] = await db
    .select({ h: suppressions.emailHash })
    .from(suppressions)
    .where(eq(suppressions.emailHash, emailHash(email)))
    .limit(1);
  return Boolean(row);
}

/** Why an address is suppressed, or null: only an erasure's suppression can be lifted, by a new confirmed consent. */
export async function suppressionReason(db: DbOrTx, email: string): Promise<SuppressionRow['reason'] | null> {
  const [row] = await db
    .select({ reason: suppressions.reason })
    .from(suppressions)
    .where(eq(suppressions.emailHash, emailHash(email)))
    .limit(1);
  return row?.reason ?? null;
}

type SuppressionRow = typeof suppressions.$inferSelect;

export type EventInput = typeof subscriptionEvents.$inferInsert;

export async function appendEvents(db: DbOrTx, events: EventInput[]): Promise<void> {
  if (events.length) await db.insert(subscriptionEvents).values(events);
}

export const lowerEmailIs = (column: Parameters<typeof sql>[1], email: string) =>
  sql`lower(${column}) = lower(${email.trim()})`;

export { and, eq };
