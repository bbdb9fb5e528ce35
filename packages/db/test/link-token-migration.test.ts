// Tokens sent before signed links keep working after the migration, which keeps only their sha256.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findByPreferencesLink, findUnsubscribeTarget, openDatabase, unsubscribeByLink, type Database } from '../src';
import { createTestDatabase, dumpAllRows } from '../src/testing';

const drizzleDir = path.join(import.meta.dirname, '..', 'drizzle');
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('migration of clear link tokens to hashes', () => {
  let url: string;
  let drop: () => Promise<void>;
  let database: Database;
  const oldUnsubscribe = 'ancien-jeton-de-desinscription-0123456789abcdef';
  const oldPreferences = 'ancien-jeton-de-preferences-0123456789abcdef';

  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase('linkmig'));
    // the schema as it was before 0011: the migrations up to 0010 only
    const dir = mkdtempSync(path.join(tmpdir(), 'crieur-mig-'));
    cpSync(drizzleDir, dir, { recursive: true });
    const journal = JSON.parse(readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as {
      entries: { tag: string }[];
    };
    journal.entries = journal.entries.filter((e) => Number(e.tag.slice(0, 4)) <= 10);
    writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(journal));
    const pool = new pg.Pool({ connectionString: url });
    await migrate(drizzle(pool), { migrationsFolder: dir });
    const db = drizzle(pool);
    await db.execute(
      sql`insert into subscribers (id, email, name, preferences_token) values ('6f0c3a52-0d0e-4a5e-9a53-1f6a2c1b0a01', 'ancienne@example.org', 'Ancienne', ${oldPreferences})`,
    );
    await db.execute(sql`insert into subscriptions (subscriber_id, list_id, status, legal_basis, unsubscribe_token)
      select '6f0c3a52-0d0e-4a5e-9a53-1f6a2c1b0a01', id, 'confirmed', 'consent', ${oldUnsubscribe} from lists where slug = 'membres'`);
    await pool.end();
    rmSync(dir, { recursive: true, force: true });
    database = await openDatabase({ databaseUrl: url, poolSize: 2 });
    await database.migrate();
  }, 60_000);

  afterAll(async () => {
    await database.close();
    await drop();
  });

  it('keeps no clear token, and the links already in mailboxes still work', async () => {
    const dump = await dumpAllRows(database.db);
    expect(dump).not.toContain(oldUnsubscribe);
    expect(dump).not.toContain(oldPreferences);
    expect((await findByPreferencesLink(database.db, { legacyHash: sha256(oldPreferences) }))?.subscriber.email).toBe(
      'ancienne@example.org',
    );
    expect(await findUnsubscribeTarget(database.db, { legacyHash: sha256(oldUnsubscribe) })).toMatchObject({
      listName: 'Lettre des membres',
      status: 'confirmed',
    });
    expect(
      await unsubscribeByLink(database.db, { ref: { legacyHash: sha256(oldUnsubscribe) }, now: new Date() }),
    ).toMatchObject({ listName: 'Lettre des membres' });
    expect(await findUnsubscribeTarget(database.db, { legacyHash: sha256('autre chose') })).toBeNull();
  });
});
