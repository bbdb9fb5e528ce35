import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heartbeatKey, startEmbeddedRedis, type EmbeddedRedis } from '@crieur/queue';
import { startWorkers, UnsafeRedisError } from '../src';

const REDIS_URL = 'redis://127.0.0.1:6379';
const logger = pino({ level: 'silent' });
const root = path.resolve(import.meta.dirname, '..', '..');

async function waitFor<T>(fn: () => Promise<T | null | undefined>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('workers', () => {
  const redis = new Redis(REDIS_URL);
  const prefixes: string[] = [];
  afterAll(async () => {
    for (const prefix of prefixes) {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
    }
    redis.disconnect();
  });

  it('beat and close gracefully', async () => {
    const prefix = `test-${randomUUID()}`;
    prefixes.push(prefix);
    const workers = await startWorkers({ redisUrl: REDIS_URL, prefix, mode: 'test', logger, heartbeatEveryMs: 200 });
    const at = await waitFor(() => redis.get(heartbeatKey(prefix)));
    expect(new Date(at).getTime()).toBeGreaterThan(Date.now() - 10_000);
    expect(await workers.close(5_000)).toEqual({ graceful: true });
  });

  it('stop on SIGTERM in the standalone process', async () => {
    const prefix = `test-${randomUUID()}`;
    prefixes.push(prefix);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'workers/src/main.ts')], {
      env: { PATH: process.env.PATH, REDIS_URL, REDIS_PREFIX: prefix, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'ignore', 'inherit'],
      cwd: root,
    });
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await waitFor(() => redis.get(heartbeatKey(prefix)), 20_000);
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });

  describe('on a Redis that may evict keys', () => {
    let evicting: EmbeddedRedis;
    let dir: string;
    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'crieur-redis-'));
      evicting = await startEmbeddedRedis({
        dataDir: dir,
        port: 16_379 + Math.floor(Math.random() * 1000),
        extraArgs: ['--appendonly', 'no', '--maxmemory-policy', 'allkeys-lru'],
      });
    });
    afterAll(async () => {
      await evicting.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('refuse to start in production', async () => {
      await expect(
        startWorkers({ redisUrl: evicting.url, prefix: 'p', mode: 'production', logger }),
      ).rejects.toBeInstanceOf(UnsafeRedisError);
    });

    it('only warn in development', async () => {
      const lines: string[] = [];
      const capture = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
      const workers = await startWorkers({
        redisUrl: evicting.url,
        prefix: `test-${randomUUID()}`,
        mode: 'development',
        logger: capture,
      });
      await workers.close(5_000);
      expect(lines.join('')).toMatch(/allkeys-lru/);
    });
  });
});
