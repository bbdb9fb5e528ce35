import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database, type Db } from '../database';
import pg from 'pg';

// Tests are entry points: they may read the environment to find the test server.
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh, empty PostgreSQL database for one test file; drop() removes it. */
export async function createTestDatabase(label = 't'): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `crieur_${label
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .slice(0, 20)}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Every row of every table in the public schema, as text: for "no trace left" assertions. */
export type TestBackend = [name: string, open: () => Promise<{ database: Database; cleanup(): Promise<void> }>];

/** The same tests on real PostgreSQL (a fresh database) and on in-memory PGlite: `describe.each(bothBackends('x'))`. */
export function bothBackends(label: string): TestBackend[] {
  return [
    [
      'postgres',
      async () => {
        const t = await createTestDatabase(label);
        const database = await openDatabase({ databaseUrl: t.url });
        return {
          database,
          cleanup: async () => {
            await database.close();
            await t.drop();
          },
        };
      },
    ],
    [
      'pglite',
      async () => {
        const database = await openDatabase({ inMemory: true });
        return { database, cleanup: () => database.close() };
      },
    ],
  ];
}

export async function dumpAllRows(db: Db): Promise<string> {
  const tables = (await db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  )) as unknown as { rows: { table_name: string }[] };
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    const res = (await db.execute(sql.raw(`select t::text as row from "${table_name}" t`))) as unknown as {
      rows: { row: string }[];
    };
    parts.push(...res.rows.map((r) => `${table_name}: ${r.row}`));
  }
  return parts.join('\n');
}
export { markCampaignSent, createTestCampaign, recipientRows } from './campaigns';
export { setServerWait } from './server-wait';
export { seedContribution, seedContributions, type SeedContribution } from './seed-contributions';
export { seedGrowthFixture } from './growth-fixture';
export { seedGrowthBenchLedger } from './growth-bench-ledger';
export {
  insertLedgerEvents,
  ledgerEvents,
  storedSnapshots,
  setSnapshotConfirmed,
  deleteSnapshotsOfDay,
  type LedgerEvent,
  type TestLedgerEvent,
  type StoredSnapshot,
} from './growth-ledger';

/** Kills every connection of this database opened under `applicationName` (a fault test's lost connections). */
export async function terminateBackends(db: Db, applicationName: string): Promise<number> {
  const result = (await db.execute(sql`
    select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
    where application_name = ${applicationName} and datname = current_database()`)) as unknown as {
    rows: { n: number }[];
  };
  return result.rows[0]?.n ?? 0;
}
export {
  seedSearchArticles,
  benchArticle,
  referenceQuery,
  RARE_WORD,
  type BenchArticle,
} from './search-bench-articles';
