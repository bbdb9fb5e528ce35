// Faults of the sending processes themselves, against real PostgreSQL, Redis and SMTP: their database
// connections killed mid-chunk (pg_terminate_backend), a batch job that stalls twice (processes frozen
// with SIGSTOP past their lock), kill -9 of the process holding the batches. The campaign reaches `sent`
// on its own, nobody gets two messages, no row is left `sending`, uncertain only what was in flight.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terminateBackends } from '@crieur/db/testing';
import { startFaultWorld, type FaultWorld } from './support/fault-world';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('campaign sending when its own processes fail', () => {
  let w: FaultWorld;

  beforeAll(async () => {
    w = await startFaultWorld('procfaults');
  }, 60_000);
  afterAll(async () => {
    await w.close();
  });

  const checkOnce = (
    id: string,
    recipients: number,
    done: { counts: { sent: number; uncertain: number; sending: number } },
  ) => {
    const received = w.receivedFor(id);
    expect(Math.max(...received.values())).toBe(1);
    expect(done.counts.sending).toBe(0);
    expect(done.counts.sent + done.counts.uncertain).toBe(recipients);
    // every row not uncertain was delivered, exactly once
    expect(received.size).toBeGreaterThanOrEqual(recipients - done.counts.uncertain);
    return received;
  };

  it('kill -9 of a process holding batches, three times: sent on its own, uncertain only what was in flight', async () => {
    const concurrency = 3;
    const survivor = await w.spawnWorker({ concurrency, sendRate: 1500 });
    let victim = await w.spawnWorker({ concurrency, sendRate: 1500 });
    const { id, recipients } = await w.launch({ list: 'membres', count: 5000, domain: 'kill.example' });
    for (const threshold of [800, 1900, 3000]) {
      await w.smtp.waitUntil(() => w.receivedFor(id).size >= threshold, 60_000, `${threshold} messages`);
      await w.stopWorker(victim, 'SIGKILL');
      victim = await w.spawnWorker({ concurrency, sendRate: 1500 });
    }
    const done = await w.waitFor(id, (p) => p.status === 'sent', 90_000, 'the campaign to finish');
    await Promise.all([w.stopWorker(victim), w.stopWorker(survivor)]);
    checkOnce(id, recipients, done);
    // a killed process had at most one message in flight per connection: the rest of its chunks went out later
    expect(done.counts.uncertain).toBeLessThanOrEqual(3 * concurrency);
  }, 180_000);

  it("the workers' database connections killed again and again mid-chunk: sent on its own, nothing left in flight", async () => {
    const workers = await Promise.all(
      [1, 2].map(() => w.spawnWorker({ applicationName: 'crieur-fault-worker', sendRate: 800 })),
    );
    const { id, recipients } = await w.launch({ list: 'adherents', count: 3000, domain: 'pgkill.example' });
    await w.smtp.waitUntil(() => w.receivedFor(id).size >= 300, 30_000, '300 messages');
    let killed = 0;
    for (let i = 0; i < 16; i++) {
      killed += await terminateBackends(w.database.db, 'crieur-fault-worker');
      await sleep(250);
    }
    expect(killed).toBeGreaterThan(8);
    const done = await w.waitFor(id, (p) => p.status === 'sent', 90_000, 'the campaign to finish');
    await Promise.all(workers.map((c) => w.stopWorker(c)));
    checkOnce(id, recipients, done);
    // no process died: whatever failed was recorded or released by the process itself
    expect(done.counts.uncertain).toBe(0);
  }, 150_000);

  it('a batch job that stalls twice (its processes frozen past the lock): taken over, never blocked, never doubled', async () => {
    const lock = { lockDurationMs: 1000, sendRate: 400 };
    const [a, b, c] = await Promise.all([w.spawnWorker(lock), w.spawnWorker(lock), w.spawnWorker(lock)]);
    const { id, recipients } = await w.launch({ list: 'democraties', count: 2000, domain: 'stall.example' });
    await w.smtp.waitUntil(() => w.receivedFor(id).size >= 200, 30_000, '200 messages');
    // frozen past its lock and its liveness: its jobs stall once and go to the others, its claims are taken over
    a.kill('SIGSTOP');
    await sleep(3000);
    // the jobs it lost now stall a second time in b: BullMQ fails them, and a failed job must not block its batch
    b.kill('SIGSTOP');
    await sleep(3000);
    a.kill('SIGCONT');
    b.kill('SIGCONT');
    const done = await w.waitFor(id, (p) => p.status === 'sent', 90_000, 'the campaign to finish');
    await Promise.all([a, b, c].map((x) => w.stopWorker(x)));
    checkOnce(id, recipients, done);
    // frozen mid-send, each of the two had at most one message per connection in flight
    expect(done.counts.uncertain).toBeLessThanOrEqual(2 * 3);
  }, 150_000);
});
