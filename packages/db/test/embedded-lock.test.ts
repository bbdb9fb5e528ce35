import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseInUseError, openDatabase } from '../src';
import { acquireLock, readLock, type LockOwner } from '../src/embedded/data-dir-lock';

const child = path.join(import.meta.dirname, 'support', 'lock-child.ts');

function contender(lockPath: string, startAt: number): Promise<{ pid: number; out: string; early: number }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, lockPath, String(startAt)]);
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('exit', () => resolve({ pid: p.pid!, out: out.trim() || err, early: Number(err) }));
  });
}

function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

const lockOf = (pid: number, extra: Partial<LockOwner> = {}): string =>
  JSON.stringify({
    pid,
    hostname: hostname(),
    command: 'pnpm start',
    since: new Date().toISOString(),
    token: `t${pid}`,
    ...extra,
  });

describe('the embedded database lock', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crieur-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is held by one process at a time, and this process sees its own lock as alive', async () => {
    const lockPath = path.join(dir, 'own.lock');
    const first = await acquireLock(lockPath, 'pnpm start');
    expect('held' in first).toBe(true);
    const second = await acquireLock(lockPath, 'pnpm cli lists');
    expect(second).toMatchObject({ owner: { pid: process.pid, command: 'pnpm start' } });
    if ('held' in first) first.held.release();
    expect(readLock(lockPath)).toBeUndefined();
  });

  it('takes over the lock of a dead process, and of a pid now used by another process', async () => {
    const lockPath = path.join(dir, 'stale.lock');
    writeFileSync(lockPath, lockOf(deadPid()));
    const taken = await acquireLock(lockPath, 'pnpm start');
    expect('held' in taken && taken.held.owner.pid).toBe(process.pid);
    if ('held' in taken) taken.held.release();
    // our parent is alive, but it is not the process that wrote this lock (another start time)
    writeFileSync(lockPath, lockOf(process.ppid, { procStart: '1' }));
    const reused = await acquireLock(lockPath, 'pnpm start');
    expect('held' in reused).toBe(true);
    if ('held' in reused) reused.held.release();
  });

  it('leaves alone a live owner, and a lock written on another host', async () => {
    const lockPath = path.join(dir, 'live.lock');
    writeFileSync(lockPath, lockOf(process.ppid));
    expect(await acquireLock(lockPath, 'pnpm start')).toMatchObject({ owner: { pid: process.ppid } });
    writeFileSync(lockPath, lockOf(deadPid(), { hostname: 'elsewhere.example' }));
    expect(await acquireLock(lockPath, 'pnpm start')).toMatchObject({ owner: { hostname: 'elsewhere.example' } });
    expect(readFileSync(lockPath, 'utf8')).toContain('elsewhere.example');
  });

  it('makes a command wait for the process holding the database and say so; a second server never waits', async () => {
    const dataDir = path.join(dir, 'data');
    mkdirSync(dataDir);
    writeFileSync(path.join(dataDir, 'db.lock'), lockOf(process.ppid, { command: 'pnpm cli import' }));
    const told: string[] = [];
    const waiting = openDatabase({ dataDir, command: 'pnpm cli lists', onWait: (m) => told.push(m), waitMs: 600 });
    await expect(waiting).rejects.toThrow(/^Gave up waiting: `pnpm cli import` \(pid \d+, since .+\) still holds/);
    const waited = /^Waiting for `pnpm cli import` \(pid \d+, .+\) to finish with the embedded database/;
    expect(told).toEqual([expect.stringMatching(waited)]);
    const server = openDatabase({ dataDir, serve: true, command: 'pnpm start' });
    await expect(server).rejects.toBeInstanceOf(DatabaseInUseError);
    const refused = /is already in use by `pnpm cli import`.*\nWait for that command to finish, then start again\.$/s;
    await expect(server).rejects.toThrow(refused);
  });

  it('gives a stale lock to exactly one of eight processes racing for it', async () => {
    for (let round = 0; round < 3; round++) {
      const lockPath = path.join(dir, `race-${round}.lock`);
      writeFileSync(lockPath, lockOf(deadPid()));
      const startAt = Date.now() + 6_000;
      const results = await Promise.all(Array.from({ length: 8 }, () => contender(lockPath, startAt)));
      // every contender was up and waiting before the start: a real race
      for (const r of results) expect(r.early, r.out).toBeGreaterThan(0);
      const winners = results.filter((r) => r.out === 'held');
      expect(winners, results.map((r) => r.out).join('\n')).toHaveLength(1);
      for (const r of results.filter((x) => x !== winners[0])) expect(r.out).toBe(`owner ${winners[0]!.pid}`);
      expect(readLock(lockPath)).toBeUndefined();
    }
  }, 90_000);
});
