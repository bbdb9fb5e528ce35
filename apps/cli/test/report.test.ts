import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@crieur/db';
import { createTestDatabase, seedGrowthFixture } from '@crieur/db/testing';

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
    child.stdin.end();
  });
}

describe('pnpm cli report (PostgreSQL, the known 2025 ledger)', () => {
  let t: Awaited<ReturnType<typeof createTestDatabase>>;
  let database: Database;
  beforeAll(async () => {
    t = await createTestDatabase('clireport');
    database = await openDatabase({ databaseUrl: t.url });
    await database.migrate();
    await seedGrowthFixture(database.db);
  }, 60_000);
  afterAll(async () => {
    await database.close();
    await t.drop();
  });

  it('prints Markdown by default, with the snapshots brought up to date first', async () => {
    const res = await cli(['report', '--year', '2025'], { DATABASE_URL: t.url });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const md = res.stdout.replace(/\u202f/g, ' ');
    expect(md.startsWith('# Rapport d’activité 2025 : les chiffres\n')).toBe(true);
    expect(md).toContain('11 lettres envoyées en 2025.');
    expect(md).toContain('| Lettre des adhérent·es | 3 |');
    expect(md).toContain('| Lettre de démocratieS | 1 459 (saisi) | 1 714 | +255 | 154 | 40 |');
    expect(md).toContain('| 30/10/2025 | Lettre membres-octobre | Lettre des membres | 3 300 | 3 290 |');
    expect(md).toContain('| Points de vue | 2 |');
  });

  it('prints CSV and JSON on request', async () => {
    const csv = await cli(['report', '--year', '2025', '--format', 'csv'], { DATABASE_URL: t.url });
    expect(csv.code).toBe(0);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe('\ufeffSection;Élément;Indicateur;Valeur');
    expect(lines).toContain('Abonné·es;Lettre de démocratieS;31 décembre;1714');
    expect(lines).toContain('Abonné·es;Lettre de démocratieS;évolution;255');
    const json = await cli(['report', '--year', '2025', '--format', 'json'], { DATABASE_URL: t.url });
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as {
      campaigns: { total: number };
      lists: { slug: string; december: number }[];
    };
    expect(report.campaigns.total).toBe(11);
    expect(report.lists.find((l) => l.slug === 'membres')?.december).toBe(3240);
  });

  it('refuses a missing year, a future year and an unknown format with exit code 2', async () => {
    const none = await cli(['report'], { DATABASE_URL: t.url });
    expect([none.code, none.stderr]).toEqual([2, 'Usage: pnpm cli report --year <yyyy> [--format md|csv|json]\n']);
    const future = await cli(['report', '--year', '2999'], { DATABASE_URL: t.url });
    expect([future.code, future.stderr]).toEqual([2, '2999 has not started yet.\n']);
    const pdf = await cli(['report', '--year', '2025', '--format', 'pdf'], { DATABASE_URL: t.url });
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('expected md, csv or json');
  });
});
