import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pingRedis } from './redis';

export class RedisUnavailableError extends Error {
  readonly code = 'REDIS_UNAVAILABLE';
  constructor(url: string) {
    super(
      `No Redis answers at ${url} and redis-server is not on PATH.\n` +
        'Install Redis (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) ' +
        'or set REDIS_URL to a running Redis, then start again.',
    );
    this.name = 'RedisUnavailableError';
  }
}

export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

export type EmbeddedRedis = { url: string; process: ChildProcess; stop(): Promise<void> };

/** Starts redis-server from PATH with its data in `dataDir` (AOF on, noeviction), and waits for it. */
export async function startEmbeddedRedis(options: {
  dataDir: string;
  port: number;
  host?: string;
  extraArgs?: string[];
}): Promise<EmbeddedRedis> {
  const host = options.host ?? '127.0.0.1';
  mkdirSync(options.dataDir, { recursive: true });
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(options.port),
      '--bind',
      host,
      '--dir',
      path.resolve(options.dataDir),
      '--appendonly',
      'yes',
      '--save',
      '',
      '--maxmemory-policy',
      'noeviction',
      '--daemonize',
      'no',
      ...(options.extraArgs ?? []),
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const url = `redis://${host}:${options.port}`;
  for (let i = 0; i < 100 && !exited; i++) {
    if (await pingRedis(url, 200)) {
      return {
        url,
        process: child,
        stop: () =>
          new Promise<void>((resolve) => {
            if (exited) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not start on ${url}`);
}
