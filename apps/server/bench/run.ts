// `pnpm bench`: each figure as one JSON line {"bench","value","unit"} on stdout.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort } from '../test/free-port';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

function emit(bench: string, value: number, unit: string): void {
  process.stdout.write(`${JSON.stringify({ bench, value: Number(value.toFixed(3)), unit })}\n`);
}

/** Runs `pnpm start` and times it from spawn to a 200 on /healthz. */
async function timeStart(env: Record<string, string>, port: number) {
  const t0 = performance.now();
  const child = spawn('pnpm', ['start'], {
    cwd: root,
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
    detached: true,
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error('pnpm start exited before it was healthy');
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200) break;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (performance.now() - t0) / 1000;
  return {
    seconds,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        process.kill(-child.pid!, 'SIGTERM'); // the whole group: pnpm and the node process under it
      }),
  };
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'crieur-bench-'));
const port = await freePort();
const env = {
  DATA_DIR: dataDir,
  PORT: String(port),
  PUBLIC_URL: `http://localhost:${port}`,
  REDIS_PREFIX: `bench-${randomUUID()}`,
};
try {
  const cold = await timeStart(env, port);
  emit('start.cold_to_healthy', cold.seconds, 's');
  await cold.stop();

  const warm = await timeStart(env, port);
  emit('start.warm_to_healthy', warm.seconds, 's');

  const result = await autocannon({ url: `http://127.0.0.1:${port}/healthz`, connections: 10, duration: 5 });
  emit('healthz.requests_per_second', result.requests.average, 'req/s');
  emit('healthz.latency_p99', result.latency.p99, 'ms');
  if (result.non2xx > 0) throw new Error(`${result.non2xx} non-2xx answers from /healthz`);
  await warm.stop();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
