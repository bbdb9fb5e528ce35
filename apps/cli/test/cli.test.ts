import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@crieur/auth';
import { findUserForLogin, listArticles, listAudit, listDossiers, openDatabase, type Database } from '@crieur/db';
import { createTestDatabase } from '@crieur/db/testing';
import { cli } from './run-cli';

describe('pnpm cli (PostgreSQL)', () => {
  let t: Awaited<ReturnType<typeof createTestDatabase>>;
  let database: Database;
  beforeAll(async () => {
    t = await createTestDatabase('cli');
    database = await openDatabase({ databaseUrl: t.url });
  });
  afterAll(async () => {
    await database.close();
    await t.drop();
  });

  it('user:create reads the password from stdin and creates an active user', async () => {
    const res = await cli(
      ['user:create', '--email', 'Chloe@Example.org', '--role', 'sender', '--name', 'Chloé'],
      { DATABASE_URL: t.url },
      'un mot de passe solide\n',
    );
    expect(res.stderr).not.toMatch(/Error/);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Created sender Chloe@Example.org');
    const user = await findUserForLogin(database.db, 'chloe@example.org');
    expect(user).toMatchObject({ role: 'sender', status: 'active', name: 'Chloé' });
    expect(await verifyPassword(user!.passwordHash!, 'un mot de passe solide')).toBe(true);
    expect((await listAudit(database.db, { limit: 5 })).map((e) => e.action)).toContain('user_created');
  });

  it('refuses a duplicate, a bad role, a short or weak password, with a clear message and exit code 2', async () => {
    const dup = await cli(
      ['user:create', '--email', 'chloe@example.org', '--role', 'admin'],
      { DATABASE_URL: t.url },
      'un mot de passe solide\n',
    );
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain('already exists');
    const role = await cli(
      ['user:create', '--email', 'x@example.org', '--role', 'boss'],
      { DATABASE_URL: t.url },
      'un mot de passe solide\n',
    );
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('--role: expected admin, editor, author or sender');
    const short = await cli(
      ['user:create', '--email', 'x@example.org', '--role', 'admin'],
      { DATABASE_URL: t.url },
      'court\n',
    );
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('at least 12 characters');
    const weakArgs = ['user:create', '--email', 'x@example.org', '--role', 'admin'];
    const weak = await cli(weakArgs, { DATABASE_URL: t.url }, 'password1234\n');
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('Mot de passe trop facile à deviner');
    expect(weak.stderr).toContain('phrase de passe');
    expect(await findUserForLogin(database.db, 'x@example.org')).toBeUndefined();
  });

  it('lists prints the three lists', async () => {
    const res = await cli(['lists'], { DATABASE_URL: t.url });
    expect(res.code).toBe(0);
    const lines = res.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^SLUG\s+NAME\s+VISIBILITY\s+LEGAL BASIS$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(['membres', 'adherents', 'democraties']);
    expect(res.stdout).toMatch(/adherents\s+Lettre des adhérent·es\s+private\s+legitimate interest/);
  });

  it('imports a CSV into a list with a report, and exports it back', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crieur-cli-'));
    const file = path.join(dir, 'membres.csv');
    writeFileSync(
      file,
      'E-mail,Nom\nana@example.org,Ana\nbad-address,Bob\nANA@example.org,Ana bis\ncarl@example.org,"Carl, dit ""le grand"""\n',
    );
    const noConsent = await cli(['import', file, '--list', 'membres'], { DATABASE_URL: t.url });
    expect(noConsent.code).toBe(2);
    expect(noConsent.stderr).toContain('--consent-source');
    const dry = await cli(['import', file, '--list', 'membres', '--consent-source', 'AG 2026', '--dry-run'], {
      DATABASE_URL: t.url,
    });
    expect(dry.stdout).toContain('Dry run (nothing written): 4 rows read');
    const report = path.join(dir, 'report.csv');
    const res = await cli(['import', file, '--list', 'membres', '--consent-source', 'AG 2026', '--report', report], {
      DATABASE_URL: t.url,
    });
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/4 rows read in [\d.]+ s — 2 imported, 0 already subscribed, 2 not imported\./);
    expect(
      readFileSync(report, 'utf8')
        .split('\r\n')
        .slice(1, 3)
        .map((l) => l.split(';')[0]),
    ).toEqual(['3', '4']);
    const again = await cli(['import', file, '--list', 'membres', '--consent-source', 'AG 2026'], {
      DATABASE_URL: t.url,
    });
    expect(again.stdout).toContain('0 imported, 2 already subscribed');

    const out = await cli(['export', '--list', 'membres'], { DATABASE_URL: t.url });
    expect(out.code).toBe(0);
    expect(out.stdout.charCodeAt(0)).toBe(0xfeff);
    const lines = out.stdout.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Email;Nom;Langue;Confirmé le');
    expect(
      lines
        .slice(1)
        .map((l) => l.split(';').slice(0, 2).join(';'))
        .sort(),
    ).toEqual(['ana@example.org;Ana', 'carl@example.org;"Carl, dit ""le grand"""']);
  });

  it('refuses a file that is not a subscriber CSV and writes nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crieur-cli-'));
    const file = path.join(dir, 'bad.csv');
    writeFileSync(file, 'Ville;Pays\nNantes;France\n');
    const res = await cli(['import', file, '--list', 'adherents'], { DATABASE_URL: t.url });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^Nothing imported: /);
  });

  it('seed:demo fills a living site, and running it again adds nothing', async () => {
    const first = await cli(['seed:demo'], { DATABASE_URL: t.url });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Demo ready: 4 dossiers, 5 new articles');
    const second = await cli(['seed:demo'], { DATABASE_URL: t.url });
    expect(second.stdout).toContain('0 new articles');
    const published = await listArticles(database.db, { status: 'published' });
    expect(published).toHaveLength(5);
    expect((await listDossiers(database.db)).map(({ d }) => [d.slug, d.status]).sort()).toEqual([
      ['democratie-alimentaire', 'draft'],
      ['democratie-du-vivant', 'published'],
      ['l-intelligence-artificielle-vraie-ou-fausse-alliee-de-la-participation', 'published'],
      ['les-communes-sauveront-elles-la-democratie', 'published'],
    ]);
  });

  it('names a bad setting', async () => {
    const res = await cli(['lists'], { DATABASE_URL: 'mysql://nope' });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('DATABASE_URL: expected a PostgreSQL URL');
  });
});
