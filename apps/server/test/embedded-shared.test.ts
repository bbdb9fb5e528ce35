import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@crieur/db';
import { freePort } from './free-port';

// Issue 12, point 10: `pnpm cli …` while `pnpm start` runs, two servers, kill -9; real processes only.
const root = path.resolve(import.meta.dirname, '..', '..', '..');

type Started = { child: ChildProcess; output: () => string; exit: Promise<number | null> };

function spawnNode(args: string[], env: Record<string, string>): Started {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env },
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return { child, output: () => out, exit: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}
const startServer = (env: Record<string, string>) =>
  spawnNode(['--import', 'tsx', path.join(root, 'apps/server/src/main.ts'), 'all'], env);
// as `pnpm cli` runs it
const cli = (args: string[], env: Record<string, string>) =>
  spawnNode(['--max-old-space-size=128', '--import', 'tsx', path.join(root, 'apps/cli/src/main.ts'), ...args], env);

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function waitListening(port: number, server: Started): Promise<void> {
  await until(
    `the server on ${port}`,
    async () => {
      if (server.child.exitCode !== null) throw new Error(`exited early:\n${server.output()}`);
      const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
      return res && res.status < 600 ? true : undefined;
    },
    180_000,
  );
}

const lockOf = (dataDir: string) => {
  try {
    const text = readFileSync(path.join(dataDir, 'db.lock'), 'utf8');
    return JSON.parse(text) as { pid: number; command: string; socketDir?: string };
  } catch {
    return undefined;
  }
};

/** Every page the site lists (sitemap) or links to (home, rubriques) opens; returns the slugs seen. */
async function readSiteBack(port: number): Promise<{ dossiers: string[]; articles: string[] }> {
  const base = `http://127.0.0.1:${port}`;
  const sitemap = await (await fetch(`${base}/sitemap.xml`)).text();
  const listed = [...sitemap.matchAll(/<loc>https?:\/\/[^/]+(\/[^<]*)<\/loc>/g)].map((m) => m[1]!);
  const home = await (await fetch(`${base}/`)).text();
  const linked = [...home.matchAll(/href="(\/(?:dossiers|articles|rubriques)\/[^"]+)"/g)].map((m) => m[1]!);
  for (const listing of listed.filter((p) => p !== '/')) {
    const page = await (await fetch(`${base}${listing}`)).text();
    linked.push(...[...page.matchAll(/href="(\/(?:dossiers|articles)\/[^"]+)"/g)].map((m) => m[1]!));
  }
  for (const p of new Set([...listed, ...linked])) {
    const res = await fetch(`${base}${p}`);
    expect(res.status, p).toBe(200);
  }
  // feeds open (checked above) but are not pages: the sitemap lists pages only
  expect(
    linked.filter((p) => !listed.includes(p) && !p.endsWith('/feed.xml')),
    'linked but not in the sitemap',
  ).toEqual([]);
  return {
    dossiers: listed.filter((p) => p.startsWith('/dossiers/')).map((p) => p.slice(10)),
    articles: listed.filter((p) => p.startsWith('/articles/')).map((p) => p.slice(10)),
  };
}

const firstRow = async <T>(result: Promise<unknown>) => ((await result) as { rows: T[] }).rows[0]!;

/** No slug or address twice, whether read by index or by a full scan (a broken index shows as a difference). */
async function checkUnique(dataDir: string): Promise<{ imported: number; burst: number }> {
  const database = await openDatabase({ dataDir, command: 'vitest' });
  try {
    const columns = [
      ['dossiers', 'slug'],
      ['articles', 'slug'],
      ['rubriques', 'slug'],
      ['subscribers', 'lower(email)'],
    ] as const;
    for (const [table, column] of columns) {
      const q = `select count(*)::int as n, count(distinct ${column})::int as d from ${table}`;
      const scanned = await database.db.transaction(async (tx) => {
        // SET LOCAL: the embedded database has one session, shared with the server
        await tx.execute('set local enable_indexscan = off');
        await tx.execute('set local enable_indexonlyscan = off');
        await tx.execute('set local enable_bitmapscan = off');
        return firstRow<{ n: number; d: number }>(tx.execute(q));
      });
      expect(scanned.n, `${table}.${column}`).toBe(scanned.d);
      const byIndex = await database.db.transaction(async (tx) => {
        await tx.execute('set local enable_seqscan = off');
        const q = `select count(*)::int as n from ${table} where ${column} is not null`;
        return firstRow<{ n: number }>(tx.execute(q));
      });
      expect(byIndex.n, table).toBe(scanned.n);
    }
    const count = async (like: string) => {
      const q = `select count(*)::int as n from subscribers where email like '${like}'`;
      return (await firstRow<{ n: number }>(database.db.execute(q))).n;
    };
    return { imported: await count('personne%'), burst: await count('rafale%') };
  } finally {
    await database.close();
  }
}

describe('one embedded database, several processes', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crieur-shared-'));
  const prefix = `test-${randomUUID()}`;
  const started: Started[] = [];
  let env: Record<string, string>;
  let port: number;

  const members = (from: number, count: number) => {
    const rows = Array.from({ length: count }, (_, i) => `personne${from + i}@example.org,Personne ${from + i}`);
    return `E-mail,Nom\n${rows.join('\n')}\n`;
  };
  const importArgs = (csv: string, list = 'membres') => ['import', csv, '--list', list, '--consent-source', 'AG 2026'];

  afterAll(async () => {
    for (const s of started) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    const redis = new Redis('redis://127.0.0.1:6379');
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('runs seed:demo and an import through the running server; every page the site links to opens', async () => {
    port = await freePort();
    // TRUST_PROXY: each subscriber of the burst below comes from its own address, under the per-IP limit
    const publicUrl = `http://localhost:${port}`;
    env = { DATA_DIR: dataDir, PORT: String(port), PUBLIC_URL: publicUrl, REDIS_PREFIX: prefix, TRUST_PROXY: 'true' };
    const server = startServer(env);
    started.push(server);
    await waitListening(port, server);
    // the start-up hint says the command works while the server runs
    expect(server.output()).toContain('while this server runs (pnpm cli commands work through it): pnpm cli seed:demo');
    const socketDir = path.join(dataDir, 'db-socket');
    expect(lockOf(dataDir)).toMatchObject({ pid: server.child.pid, command: 'pnpm start', socketDir });

    const csv = path.join(dataDir, 'membres.csv');
    writeFileSync(csv, members(0, 500));
    const began = Date.now();
    const seed = cli(['seed:demo'], env);
    const load = cli(importArgs(csv), env);
    expect(await seed.exit, seed.output()).toBe(0);
    expect(await load.exit, load.output()).toBe(0);
    console.log(`seed:demo and a 500-row import together through the socket: ${Date.now() - began} ms`);
    expect(seed.output()).toContain('Demo ready: 4 dossiers, 5 new articles');
    expect(load.output()).toMatch(/500 rows read in [\d.]+ s — 500 imported/);
    const again = cli(['seed:demo'], env);
    expect(await again.exit).toBe(0);
    expect(again.output()).toContain('0 new articles');

    const site = await readSiteBack(port);
    expect(site.dossiers).toHaveLength(3);
    expect(site.articles).toHaveLength(5);
    expect(await checkUnique(dataDir)).toEqual({ imported: 500, burst: 0 });
    // a duplicate slug is still refused: the unique index works
    const database = await openDatabase({ dataDir, command: 'vitest' });
    expect(database.kind).toBe('pglite-socket');
    const copy = `insert into dossiers (title, slug, editorial_note) values ('Copie', '${site.dossiers[0]}', '{}')`;
    await expect(database.db.execute(copy)).rejects.toThrow();
    await database.close();
  }, 300_000);

  it('stops a second pnpm start on the same DATA_DIR at once, with what to do', async () => {
    const began = Date.now();
    const second = startServer({ ...env, PORT: String(await freePort()) });
    started.push(second);
    expect(await second.exit).toBe(1);
    expect(Date.now() - began).toBeLessThan(15_000);
    const dbDir = path.join(dataDir, 'db');
    expect(second.output()).toContain(`The embedded database ${dbDir} is already in use by \`pnpm start\``);
    expect(second.output()).toContain('Only one server may use a DATA_DIR: stop that one first');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(lockOf(dataDir)?.pid).toBe(started[0]!.child.pid);
  }, 60_000);

  it('recovers from kill -9 during a CLI import and a burst of subscriptions: the data reads back whole', async () => {
    const server = started[0]!;
    const csv = path.join(dataDir, 'big.csv');
    writeFileSync(csv, members(1_000, 30_000));
    const load = cli(importArgs(csv), env);
    const database = await openDatabase({ dataDir, command: 'vitest' });
    await until('the import to write', async () => {
      const { n } = await firstRow<{ n: number }>(database.db.execute('select count(*)::int as n from subscribers'));
      return n > 500 ? true : undefined;
    });
    await database.close().catch(() => undefined);
    const statuses: number[] = [];
    const subscribing = Array.from({ length: 40 }, (_, i) =>
      fetch(`http://127.0.0.1:${port}/subscribe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `192.0.2.${i + 1}` },
        body: JSON.stringify({ email: `rafale${i}@example.org`, lists: ['democraties'], consent: true }),
      }).then(
        (res) => statuses.push(res.status),
        () => statuses.push(0),
      ),
    );
    // the kill lands in the middle of the burst and of the import
    await until('the first answer', () => statuses.length >= 1 || undefined);
    server.child.kill('SIGKILL');
    await server.exit;
    await Promise.all(subscribing);
    expect(await load.exit, load.output()).toBe(2);
    expect(load.output()).toContain('The server holding the embedded database stopped during the command');

    // the lock names a dead process: the next start takes it over and PostgreSQL replays its WAL
    const restarted = startServer(env);
    started.push(restarted);
    await waitListening(port, restarted);
    expect(lockOf(dataDir)?.pid).toBe(restarted.child.pid);
    const site = await readSiteBack(port);
    expect(site.dossiers).toHaveLength(3);
    expect(site.articles).toHaveLength(5);
    const { imported, burst } = await checkUnique(dataDir);
    const accepted = statuses.filter((x) => x === 202).length;
    console.log(
      `after kill -9: ${imported - 500} of 30,000 imported; subscriptions: ${accepted} accepted, ${burst} kept`,
    );
    // each import batch (5,000 rows, one transaction) is there whole or not at all
    expect((imported - 500) % 5_000).toBe(0);
    expect(imported).toBeGreaterThan(500);
    expect(imported).toBeLessThan(30_500);

    // the import run again completes what was missing
    const rerun = cli(importArgs(csv), env);
    expect(await rerun.exit, rerun.output()).toBe(0);
    expect(rerun.output()).toContain(`${(30_500 - imported).toLocaleString('fr-FR')} imported`);
    expect(await checkUnique(dataDir)).toEqual({ imported: 30_500, burst });
    restarted.child.kill('SIGTERM');
    expect(await restarted.exit).toBe(0);
    expect(existsSync(path.join(dataDir, 'db.lock'))).toBe(false);
  }, 300_000);

  it('a command run with no server holds the database; a server started meanwhile says to wait for it', async () => {
    const csv = path.join(dataDir, 'next.csv');
    writeFileSync(csv, members(100_000, 60_000));
    const load = cli(importArgs(csv, 'democraties'), env);
    await until('the command to hold the database', () => lockOf(dataDir)?.command === 'pnpm cli import' || undefined);
    const server = startServer(env);
    started.push(server);
    expect(await server.exit).toBe(1);
    expect(server.output()).toContain('is already in use by `pnpm cli import`');
    expect(server.output()).toContain('Wait for that command to finish, then start again.');
    expect(await load.exit, load.output()).toBe(0);
    const after = startServer(env);
    started.push(after);
    await waitListening(port, after);
    await readSiteBack(port);
    after.child.kill('SIGTERM');
    expect(await after.exit).toBe(0);
  }, 300_000);
});
