import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pingRedis } from '@crieur/queue';
import { freePort } from './free-port';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

type Started = { child: ChildProcess; output: () => string; exit: Promise<number | null> };

function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/server/src/main.ts'), 'all'], {
    cwd: root,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env },
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return { child, output: () => out, exit: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}

async function waitHealthy(port: number, started: Started, ms = 90_000): Promise<Record<string, unknown>> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (started.child.exitCode !== null) throw new Error(`exited early:\n${started.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      const body = (await res.json()) as Record<string, unknown>;
      if (res.status === 200 && (body.workers as { lastHeartbeat: string | null }).lastHeartbeat) return body;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not healthy in time:\n${started.output()}`);
}

describe('pnpm start on embedded defaults', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crieur-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts redis-server, the database, server and workers; prints the admin link once; stops on SIGTERM', async () => {
    const [port, redisPort] = [await freePort(), await freePort()];
    const env = {
      DATA_DIR: dataDir,
      PORT: String(port),
      PUBLIC_URL: `http://localhost:${port}`,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    };

    const first = start(env);
    const health = await waitHealthy(port, first);
    expect(health).toMatchObject({ status: 'ok', database: 'ok', redis: 'ok' });
    expect(first.output()).toMatch(new RegExp(`http://localhost:${port}/studio/invitation/[A-Za-z0-9_-]{43}`));
    const secret = readFileSync(path.join(dataDir, 'secret'), 'utf8');
    const studio = await fetch(`http://127.0.0.1:${port}/studio/users`);
    expect(studio.status).toBe(200);
    expect(await studio.text()).toContain('<html lang="fr"');
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);
    expect(await pingRedis(env.REDIS_URL)).toBe(false); // the redis-server it started is gone too

    const second = start(env);
    await waitHealthy(port, second);
    expect(second.output()).not.toContain('/studio/invitation/');
    expect(readFileSync(path.join(dataDir, 'secret'), 'utf8')).toBe(secret);
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);
  }, 240_000);

  it('stops with a clear message on a bad setting', async () => {
    const bad = start({ DATA_DIR: dataDir, PORT: 'http', SEND_RATE: '0' });
    expect(await bad.exit).toBe(78);
    expect(bad.output()).toContain('PORT: expected a port number');
    expect(bad.output()).toContain('SEND_RATE: expected a number of messages per second above 0');
  });

  it('says how to get Redis when none answers and redis-server cannot be used', async () => {
    const bad = start({ DATA_DIR: dataDir, PORT: String(await freePort()), REDIS_URL: 'redis://redis.invalid:6379' });
    expect(await bad.exit).toBe(1);
    expect(bad.output()).toContain('No Redis answers at redis://redis.invalid:6379');
    expect(bad.output()).toContain('apt-get install redis-server');
  });
});
