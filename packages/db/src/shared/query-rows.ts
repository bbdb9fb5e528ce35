import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from './tx';

/**
 * Rows of a raw query, typed by the caller's row type (declared beside each query). Both drivers
 * (node-postgres, PGlite) answer execute() with { rows }; Drizzle types it `unknown` for either.
 */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function queryCount(db: DbOrTx, query: SQL): Promise<number> {
  const result = (await db.execute(query)) as unknown as { rowCount?: number | null; affectedRows?: number };
  return result.rowCount ?? result.affectedRows ?? 0;
}
