import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { suppressions } from '../schema';
import type { DbOrTx } from './tx';

// Read by subscribers (forms, imports, staff) and sending (the recipients' filter): never mail a suppressed address.

/** The suppression key: sha256 of the lower-cased address, so erased addresses leave no readable trace. */
export function emailHash(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

export async function isSuppressed(db: DbOrTx, email: string): Promise<boolean> {
  const [row] = await db
    .select({ h: suppressions.emailHash })
    .from(suppressions)
    .where(eq(suppressions.emailHash, emailHash(email)))
    .limit(1);
  return Boolean(row);
}

type SuppressionRow = typeof suppressions.$inferSelect;

/** Why an address is suppressed, or null: only an erasure's suppression can be lifted, by a new confirmed consent. */
export async function suppressionReason(db: DbOrTx, email: string): Promise<SuppressionRow['reason'] | null> {
  const [row] = await db
    .select({ reason: suppressions.reason })
    .from(suppressions)
    .where(eq(suppressions.emailHash, emailHash(email)))
    .limit(1);
  return row?.reason ?? null;
}
