import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
// Both drivers share this query surface; queries never know which one runs.
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Database = {
  db: Db;
  /** `pglite-socket`: the embedded database, reached through the process that holds it. */
  kind: 'postgres' | 'pglite' | 'pglite-socket';
  ping(): Promise<void>;
  migrate(): Promise<void>;
  close(): Promise<void>;
};

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'drizzle');

/** The database on a node-postgres pool (PostgreSQL, or PGlite served on a local socket). */
export function poolDatabase(pool: pg.Pool, kind: 'postgres' | 'pglite-socket'): Database {
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind,
    ping: async () => {
      await pool.query('select 1');
    },
    migrate: () => migratePg(drizzlePg(pool, { schema }), { migrationsFolder }),
    close: () => pool.end(),
  };
}

/** The database on a PGlite instance of this process. */
export function pgliteDatabase(client: PGlite): Database {
  const pgliteDb = drizzlePglite(client, { schema });
  return {
    db: pgliteDb as unknown as Db,
    kind: 'pglite',
    ping: async () => {
      await pgliteDb.execute(sql`select 1`);
    },
    migrate: () => migratePglite(pgliteDb, { migrationsFolder }),
    close: () => client.close(),
  };
}
