import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findSuppression,
  getSubscriberDetail,
  importRows,
  listIdsBySlugs,
  openDatabase,
  searchSubscribers,
  type Database,
} from '@crieur/db';
import { createTestDatabase } from '@crieur/db/testing';
import { dsnMessage } from '../../../workers/test/support/dsn-fixture';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/cli/src/main.ts'), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('pnpm cli bounces:import (PostgreSQL)', () => {
  let t: Awaited<ReturnType<typeof createTestDatabase>>;
  let database: Database;
  beforeAll(async () => {
    t = await createTestDatabase('cli-bounces');
    database = await openDatabase({ databaseUrl: t.url });
    await database.migrate();
    const [list] = await listIdsBySlugs(database.db, ['membres']);
    await importRows(database.db, {
      listId: list!.id,
      legalBasis: 'consent',
      consentNote: null,
      actorId: null,
      importId: null,
      now: new Date(),
      dryRun: false,
      rows: [
        { line: 2, email: 'hard@example.org', name: '' },
        { line: 3, email: 'soft@example.org', name: '' },
      ],
    });
  });
  afterAll(async () => {
    await database.close();
    await t.drop();
  });

  it('suppresses hard bounces, counts soft ones, and names the files it could not read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crieur-bounces-'));
    writeFileSync(
      path.join(dir, 'hard.eml'),
      dsnMessage({ to: 'hard@example.org', status: '5.1.1', action: 'failed' }),
    );
    writeFileSync(
      path.join(dir, 'soft.eml'),
      dsnMessage({ to: 'soft@example.org', status: '4.2.2', action: 'delayed' }),
    );
    writeFileSync(path.join(dir, 'note.eml'), 'From: someone@example.org\r\nSubject: hello\r\n\r\nNot a report.\r\n');
    const res = await cli(['bounces:import', ...['hard.eml', 'soft.eml', 'note.eml'].map((f) => path.join(dir, f))], {
      DATABASE_URL: t.url,
    });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(
      '3 file(s): 1 hard bounce(s) suppressed, 1 soft bounce(s) counted, 0 complaint(s) suppressed, 0 unsubscribe request(s) done.',
    );
    expect(res.stdout).toContain('skipped note.eml: Not a delivery report, complaint or unsubscribe request');
    expect(await findSuppression(database.db, 'hard@example.org')).toMatchObject({ reason: 'hard_bounce' });
    expect(await findSuppression(database.db, 'soft@example.org')).toBeNull();
    const bounces = async (email: string) => {
      const [row] = (await searchSubscribers(database.db, { q: email, limit: 1 })).subscribers;
      const detail = await getSubscriberDetail(database.db, row!.id);
      return detail!.events.filter(({ e }) => e.type === 'bounced').map(({ e }) => e.data);
    };
    expect(await bounces('soft@example.org')).toEqual([{ kind: 'soft', status: '4.2.2' }]);
    expect(await bounces('hard@example.org')).toEqual([{ reason: 'hard_bounce' }]);
  });

  it('exits 2 with a message when nothing can be read', async () => {
    const res = await cli(['bounces:import', '/nonexistent/x.eml'], { DATABASE_URL: t.url });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('No received message could be read');
  });
});
