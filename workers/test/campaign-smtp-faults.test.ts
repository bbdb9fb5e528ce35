// Mail server faults against real PostgreSQL, Redis and worker processes: connections cut after the
// message, a server stopped for 30 s, a pause while the server struggles, a server that never answers.
// The promise: at most one message per recipient, uncertain only what was really in flight, and a
// campaign that finishes on its own once the fault is gone.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSendJournal } from '@crieur/queue';
import { controlCampaign } from '@crieur/sending';
import { startFaultWorld, type FaultWorld } from './support/fault-world';

describe('campaign sending when the mail server misbehaves', () => {
  let w: FaultWorld;

  beforeAll(async () => {
    w = await startFaultWorld('smtpfaults');
  }, 60_000);
  afterAll(async () => {
    await w.close();
  });

  it('the server cuts 1 % of connections after the message, before its reply: no second message to anyone not uncertain', async () => {
    w.smtp.faults.cutAfterData = 0.01;
    const [a, b] = await Promise.all([w.spawnWorker(), w.spawnWorker()]);
    const { id, recipients } = await w.launch({ list: 'membres', count: 5000, domain: 'cut.example' });
    const done = await w.waitFor(id, (p) => p.status === 'sent', 120_000, 'the campaign to finish');
    w.smtp.faults.cutAfterData = 0;
    await Promise.all([w.stopWorker(a), w.stopWorker(b)]);

    const received = w.receivedFor(id);
    const rows = await w.rows(id);
    const cut = w.smtp.messages.filter((m) => m.unanswered && m.messageId?.startsWith(`${id}.`)).length;
    const doubled = [...received].filter(([, n]) => n > 1).map(([email]) => email);
    const doubledNotUncertain = doubled.filter((email) => rows.get(email)?.status !== 'uncertain');
    expect(cut).toBeGreaterThan(10);
    expect(doubledNotUncertain).toEqual([]);
    // an uncertain row is never resent on its own: nobody got two
    expect(doubled).toEqual([]);
    // each cut message is uncertain, and only those
    expect(done.counts.uncertain).toBe(cut);
    expect(done.counts.sent + done.counts.uncertain).toBe(recipients);
    expect(received.size).toBe(recipients);
  }, 180_000);

  it('the mail server stopped for 30 s: the campaign waits, says why, then resumes and finishes by itself', async () => {
    const [a, b] = await Promise.all([w.spawnWorker({ sendRate: 300 }), w.spawnWorker({ sendRate: 300 })]);
    const { id, recipients } = await w.launch({ list: 'democraties', count: 1500, domain: 'down.example' });
    await w.smtp.waitUntil(() => w.receivedFor(id).size >= 300, 30_000, '300 messages');
    await w.smtp.stop();
    const stoppedAt = Date.now();
    const waiting = await w.waitFor(id, (p) => p.serverWait !== null, 15_000, 'the campaign to wait for the server');
    expect(waiting.status).toBe('sending');
    expect(waiting.serverWait?.reason).toMatch(/serveur d’envoi/);
    await new Promise((r) => setTimeout(r, Math.max(0, 30_000 - (Date.now() - stoppedAt))));
    const during = await w.progress(id);
    expect(during.counts.failed).toBe(0);
    await w.smtp.start();
    const done = await w.waitFor(id, (p) => p.status === 'sent', 60_000, 'the campaign to finish');
    await Promise.all([w.stopWorker(a), w.stopWorker(b)]);

    const received = w.receivedFor(id);
    expect(done.serverWait).toBeNull();
    expect(Math.max(...received.values())).toBe(1);
    // the server went away between messages (in-flight ones finished first): nothing uncertain, nothing missing
    expect(done.counts).toMatchObject({ sent: recipients, uncertain: 0, failed: 0 });
    expect(received.size).toBe(recipients);
  }, 120_000);

  it('pause while the server struggles: once the pause returns, no new message is handed over', async () => {
    w.smtp.faults.rcptDelayMs = 150;
    const workers = await Promise.all([w.spawnWorker({ sendRate: 200 }), w.spawnWorker({ sendRate: 200 })]);
    const { id, recipients } = await w.launch({ list: 'adherents', count: 600, domain: 'pause.example' });
    await w.smtp.waitUntil(() => w.receivedFor(id).size >= 60, 30_000, '60 messages');
    const journal = createSendJournal(w.redis, w.prefix);
    await controlCampaign(
      { db: w.database.db, journal },
      { action: 'pause', campaignId: id, now: new Date(), actorId: null },
    );
    const pausedAt = Date.now();
    await new Promise((r) => setTimeout(r, 3000));
    const mine = w.smtp.messages.filter((m) => m.messageId?.startsWith(`${id}.`));
    // a message whose transaction began after the pause returned was handed over after it: none
    expect(mine.filter((m) => m.mailFromAt > pausedAt + 250)).toEqual([]);
    // only what was in flight finished: at most one per connection (2 processes × 3)
    expect(mine.filter((m) => m.at > pausedAt).length).toBeLessThanOrEqual(6);
    const paused = await w.progress(id);
    expect(paused.status).toBe('paused');
    expect(paused.counts.sending).toBe(0);

    w.smtp.faults.rcptDelayMs = 0;
    await controlCampaign(
      { db: w.database.db, journal },
      { action: 'resume', campaignId: id, now: new Date(), actorId: null },
    );
    const done = await w.waitFor(id, (p) => p.status === 'sent', 60_000, 'the campaign to finish');
    await Promise.all(workers.map((c) => w.stopWorker(c)));
    const received = w.receivedFor(id);
    expect(Math.max(...received.values())).toBe(1);
    expect(done.counts).toMatchObject({ sent: recipients, uncertain: 0 });
  }, 120_000);

  it('a pause by staff while the campaign waits for the server is never lifted when the server comes back', async () => {
    const child = await w.spawnWorker({ sendRate: 400 });
    const { id, recipients } = await w.launch({ list: 'democraties', count: 200, domain: 'staffpause.example' });
    await w.smtp.waitUntil(() => w.receivedFor(id).size >= 20, 30_000, '20 messages');
    await w.smtp.stop();
    await w.waitFor(id, (p) => p.serverWait !== null, 15_000, 'the campaign to wait for the server');
    const journal = createSendJournal(w.redis, w.prefix);
    await controlCampaign(
      { db: w.database.db, journal },
      { action: 'pause', campaignId: id, now: new Date(), actorId: null },
    );
    await w.smtp.start();
    const sentBefore = w.receivedFor(id).size;
    await new Promise((r) => setTimeout(r, 3000));
    const still = await w.progress(id);
    expect(still.status).toBe('paused');
    expect(w.receivedFor(id).size).toBe(sentBefore);
    await controlCampaign(
      { db: w.database.db, journal },
      { action: 'resume', campaignId: id, now: new Date(), actorId: null },
    );
    const done = await w.waitFor(id, (p) => p.status === 'sent', 30_000, 'the campaign to finish');
    await w.stopWorker(child);
    expect(done.serverWait).toBeNull();
    expect(done.counts).toMatchObject({ sent: recipients, uncertain: 0 });
    expect(Math.max(...w.receivedFor(id).values())).toBe(1);
  }, 60_000);

  it('a server that accepts the connection and never answers: retried later, within the configured timeout, never uncertain', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const { port } = silent.address() as { port: number };
    const timeouts = { connectMs: 400, greetingMs: 400, socketMs: 800 };
    const child = await w.spawnWorker({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      timeouts,
      waitAfterErrors: 3,
      logLevel: process.env.FAULT_LOG ?? 'silent',
    });
    const started = Date.now();
    const { id, recipients } = await w.launch({ list: 'membres', count: 40, domain: 'silent.example' });
    const waiting = await w.waitFor(id, (p) => p.serverWait !== null, 10_000, 'the campaign to wait for the server');
    // three greetings never came, each given up after 400 ms, several at once
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(waiting.serverWait?.reason).toMatch(/pas de connexion au serveur/);
    await w.stopWorker(child);
    const after = await w.progress(id);
    expect(after.counts).toMatchObject({ queued: recipients, uncertain: 0, failed: 0, sending: 0 });
    const rows = await w.rows(id);
    // no connection, no attempt counted against the recipient
    expect(Math.max(...[...rows.values()].map((r) => r.attempts))).toBe(0);
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
    await controlCampaign(
      { db: w.database.db, journal: createSendJournal(w.redis, w.prefix) },
      { action: 'cancel', campaignId: id, now: new Date(), actorId: null },
    );
  }, 60_000);

  it('a server that takes the message and never replies: uncertain within the socket timeout, never resent', async () => {
    w.smtp.faults.silentAfterData = 1;
    const child = await w.spawnWorker({
      timeouts: { connectMs: 1000, greetingMs: 1000, socketMs: 700 },
      concurrency: 2,
      waitAfterErrors: 4,
      sendRate: 50,
      logLevel: process.env.FAULT_LOG ?? 'silent',
    });
    const started = Date.now();
    const { id, recipients } = await w.launch({ list: 'adherents', count: 30, domain: 'mute.example' });
    const first = await w.waitFor(id, (p) => p.counts.uncertain > 0, 10_000, 'a first uncertain row');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(first.errors[0]?.error).toBe('no reply after the message');
    await w.waitFor(id, (p) => p.serverWait !== null, 10_000, 'the campaign to wait for the server');
    w.smtp.faults.silentAfterData = 0;
    const done = await w.waitFor(id, (p) => p.status === 'sent', 30_000, 'the campaign to finish');
    await w.stopWorker(child);
    const received = w.receivedFor(id);
    expect(Math.max(...received.values())).toBe(1);
    expect(done.counts.uncertain).toBeGreaterThanOrEqual(4);
    expect(done.counts.sent + done.counts.uncertain).toBe(recipients);
  }, 60_000);
});
