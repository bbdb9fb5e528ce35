import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { pgliteDatabase, poolDatabase, type Database } from './drivers';
import { openEmbedded } from './embedded/open-embedded';
import { pgliteExtensions } from './embedded/pglite-extensions';

export type { Database, Db, Schema } from './drivers';

export type OpenDatabaseOptions = {
  /** PostgreSQL URL; unset means embedded PGlite in `dataDir/db`. */
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** PGlite in memory, for tests of the embedded path. */
  inMemory?: boolean;
  poolSize?: number;
  /** Embedded only: this process owns the database and serves it on a local socket (the server). */
  serve?: boolean;
  /** Embedded only: what a person ran, named to whoever finds the database in use. */
  command?: string;
  /** Embedded only: told once when this process waits for the process holding the database. */
  onWait?: (message: string) => void;
  /** Embedded only: how long to wait for that process (default 10 minutes). */
  waitMs?: number;
};

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // an idle client's error (server restart) must not crash the process
    pool.on('error', () => undefined);
    return poolDatabase(pool, 'postgres');
  }
  if (options.inMemory) return pgliteDatabase(await PGlite.create({ extensions: pgliteExtensions }));
  // one process opens the directory; the others work through it (two PGlite on one directory corrupt it)
  return openEmbedded({ ...options, dataDir: options.dataDir ?? './.data' });
}
