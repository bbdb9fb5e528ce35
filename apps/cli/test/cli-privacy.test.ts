import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserForLogin, openDatabase, type Database } from '@crieur/db';
import { createTestDatabase } from '@crieur/db/testing';
import { cli } from './run-cli';

describe('pnpm cli: the input rule and errors without personal data (PostgreSQL)', () => {
  let t: Awaited<ReturnType<typeof createTestDatabase>>;
  let database: Database;
  beforeAll(async () => {
    t = await createTestDatabase('cli_privacy');
    database = await openDatabase({ databaseUrl: t.url });
    await database.migrate();
  });
  afterAll(async () => {
    await database.close();
    await t.drop();
  });

  it('refuses a control character in an argument, in French, naming the option', async () => {
    // a command line cannot carry a NUL; ESC is the control character a paste most often brings
    const res = await cli(
      ['user:create', '--email', 'anna@example.org', '--role', 'author', '--name', 'An\u001bna'],
      { DATABASE_URL: t.url },
      'un mot de passe solide\n',
    );
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(
      'Le champ « --name » contient un caractère de contrôle invisible (U+001B) : retirez-le, puis réessayez.\n',
    );
    expect(await findUserForLogin(database.db, 'anna@example.org')).toBeFalsy();
  });

  it('prints a database failure as class and code, never the failed query with its address and name', async () => {
    await database.db.execute(`alter table users add constraint test_no_piege check (name not like '%Piège%')`);
    const res = await cli(
      ['user:create', '--email', 'basile.piege@example.org', '--role', 'author', '--name', 'Basile Piège'],
      { DATABASE_URL: t.url },
      'un mot de passe solide\n',
    );
    expect(res.code).toBe(1);
    expect(JSON.parse(res.stderr)).toMatchObject({
      type: 'DrizzleQueryError',
      message: 'Failed query […]',
      cause: { code: '23514', constraint: 'test_no_piege' },
    });
    expect(res.stderr.toLowerCase()).not.toMatch(/basile|piège|example\.org|failing row/);
  });
});
