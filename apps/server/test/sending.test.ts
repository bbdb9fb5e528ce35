// Campaign sending end to end in one process: the staff API, the campaign worker, a real SMTP
// server that records and refuses, PostgreSQL and Redis.
import { generateKeyPairSync } from 'node:crypto';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { simpleParser } from 'mailparser';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSuppression, listIdsBySlugs } from '@crieur/db';
import { createMailer, type Mailer } from '@crieur/mailer';
import { startCampaignWorker, type CampaignWorker } from '@crieur/workers';
import { createDraftCampaign, seedSubscribers } from '../../../workers/test/support/campaign-fixture';
import { startSmtpRecorder, type SmtpRecorder } from '../../../workers/test/support/smtp-recorder';
import { startHarness, TEST_LINK_KEY, type Client, type Harness } from './harness';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const DKIM = {
  domain: 'lettre.example.org',
  selector: 'crieur',
  privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
};
const DNS_RECORD = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;

describe('sending a campaign through the ledger, BullMQ and SMTP (PostgreSQL, Redis)', () => {
  let h: Harness;
  let smtp: SmtpRecorder;
  let mailer: Mailer;
  let sender: Client;
  let connection: Redis;
  const workers: CampaignWorker[] = [];

  const startWorker = async (sendRate = 1000) => {
    const worker = await startCampaignWorker({
      db: h.database.db,
      transport: mailer,
      publicUrl: 'https://democraties.example',
      linkKey: TEST_LINK_KEY,
      mailFrom: 'démocratieS <lettre@lettre.example.org>',
      dkim: DKIM,
      sendRate,
      concurrency: 3,
      lateMinutes: 60,
      batchSize: 100,
      retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 400 },
      reconcileEveryMs: 150,
      livenessTtlMs: 2000,
      lockDurationMs: 5000,
      connection,
      prefix: h.prefix,
      logger: pino({ level: 'silent' }),
      now: () => new Date(),
    });
    workers.push(worker);
    return worker;
  };

  const progress = async (id: string) => (await sender.request('GET', `/api/campaigns/${id}/progress`)).json().progress;
  const waitForStatus = async (id: string, status: string, ms = 30_000) => {
    const end = Date.now() + ms;
    for (;;) {
      const p = await progress(id);
      if (p.status === status) return p;
      if (Date.now() > end) throw new Error(`campaign still ${p.status}: ${JSON.stringify(p.counts)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    h = await startHarness({
      env: { PUBLIC_URL: 'https://democraties.example', MAIL_FROM: 'démocratieS <lettre@lettre.example.org>' },
    });
    // the server's clock follows real time here: the worker's does
    Object.defineProperty(h.clock, 'now', { get: () => new Date() });
    smtp = await startSmtpRecorder();
    mailer = createMailer({ smtpUrl: smtp.url, outboxDir: '/nonexistent', pool: true, maxConnections: 3 });
    connection = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    const staff = await h.createStaff('sender');
    sender = h.client();
    expect((await sender.login(staff.email)).statusCode).toBe(200);
  });
  afterAll(async () => {
    for (const w of workers) await w.close();
    await mailer.close();
    await smtp.close();
    connection.disconnect();
    await h.close();
  });

  it('sends once to every recipient, retries 4xx, fails and suppresses 5.1.1, and a double click starts it once', async () => {
    const emails = await seedSubscribers(h.database.db, { list: 'membres', count: 250, now: new Date() });
    smtp.plan('r7@example.org', [
      { code: 451, message: '4.7.1 Try again later' },
      { code: 451, message: '4.7.1 Try again later' },
    ]);
    smtp.plan('r8@example.org', [{ code: 550, message: '5.1.1 No such user' }]);
    const id = await createDraftCampaign(h.database.db, { lists: ['membres'] });
    await startWorker();
    const [a, b] = await Promise.all([
      sender.request('POST', `/api/campaigns/${id}/send`, {}),
      sender.request('POST', `/api/campaigns/${id}/send`, {}),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect([a.json().started, b.json().started].sort()).toEqual([false, true]);

    const done = await waitForStatus(id, 'sent');
    expect(done.recipientCount).toBe(250);
    expect(done.counts).toEqual({ queued: 0, sending: 0, sent: 249, failed: 1, skipped: 0, uncertain: 0 });
    const counts = smtp.countsByAddress();
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(counts.size).toBe(249);
    for (const email of emails) if (email !== 'r8@example.org') expect(counts.get(email)).toBe(1);
    expect(smtp.attempts.get('r7@example.org')).toBe(3);
    expect(smtp.attempts.get('r8@example.org')).toBe(1);
    expect(await findSuppression(h.database.db, 'r8@example.org')).toMatchObject({ reason: 'hard_bounce' });
    const lookup = (await sender.request('GET', `/api/campaigns/${id}/recipients?email=r8@example.org`)).json()
      .recipient;
    expect(lookup).toMatchObject({ status: 'failed', attempts: 1 });
    expect(lookup.error).toContain('550');
    expect(done.errors).toEqual([{ error: lookup.error, count: 1 }]);
    const listed = (await sender.request('GET', '/api/campaigns'))
      .json()
      .campaigns.find((c: { id: string }) => c.id === id);
    expect(listed).toMatchObject({ status: 'sent', recipientCount: 250, sentCount: 249 });
  });

  it('every message is multipart with its own unsubscribe headers and link, DKIM-signed over both List-Unsubscribe fields', async () => {
    const sample = smtp.messages.slice(0, 5);
    const ids = new Set(smtp.messages.map((m) => m.messageId));
    expect(ids.size).toBe(smtp.messages.length);
    for (const m of sample) {
      const parsed = await simpleParser(m.raw);
      expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
      // mailparser turns List-* fields into objects: read the raw line instead
      const unsubscribe =
        /^List-Unsubscribe:[ \t]*(.*(?:\r\n[ \t].*)*)/im.exec(m.raw)?.[1]?.replace(/\r\n[ \t]+/g, ' ') ?? '';
      const url = /<(https:\/\/democraties\.example\/unsubscribe\/[A-Za-z0-9_-]{46})>/.exec(unsubscribe)?.[1];
      expect(url).toBeDefined();
      expect(unsubscribe).toContain('mailto:lettre@lettre.example.org');
      expect(m.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
      expect(m.raw).toMatch(/^List-Id: .*<membres\.democraties\.example>/m);
      expect(parsed.html).toContain(url);
      expect(parsed.text).toContain(url);
      // as readers see it: French spacing before the colon, set when rendering
      expect(parsed.html).toMatch(/Concertation(\u00a0|&nbsp;|&#160;): ce que disent les habitant·es/);
      const verified = await dkimVerify(m.raw, {
        resolver: async (name: string) => (name === 'crieur._domainkey.lettre.example.org' ? [[DNS_RECORD]] : []),
      });
      const [result] = verified.results;
      expect(verified.results).toHaveLength(1);
      expect(result?.status.result).toBe('pass');
      expect(result?.signingHeaders?.keys.toLowerCase().split(': ').join(':').split(':')).toEqual(
        expect.arrayContaining(['list-unsubscribe', 'list-unsubscribe-post', 'from', 'to', 'subject', 'message-id']),
      );
    }
    // membres is public: the web link is the archive page, open to anyone, without a token
    const html = (await simpleParser(sample[0]!.raw)).html as string;
    const web = /https:\/\/democraties\.example(\/archive\/[a-z0-9-]+)(\?k=)?/.exec(html);
    expect(web?.[2]).toBeUndefined();
    expect((await h.app.inject({ method: 'GET', url: web![1]! })).statusCode).toBe(200);
    // a bare POST to the header's URL (no cookie, no token) unsubscribes
    const url = new URL(/^List-Unsubscribe:\s*<(https:[^>]+)>/im.exec(sample[0]!.raw)![1]!);
    const res = await h.app.inject({
      method: 'POST',
      url: url.pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(200);
    const row = (await sender.request('GET', `/api/subscribers?q=${encodeURIComponent(sample[0]!.to)}`)).json();
    expect(JSON.stringify(row)).toContain('unsubscribed');
  });

  it('a subscriber who unsubscribes mid-campaign gets nothing afterwards', async () => {
    const [list] = await listIdsBySlugs(h.database.db, ['democraties']);
    expect(list).toBeDefined();
    const emails = await seedSubscribers(h.database.db, {
      list: 'democraties',
      count: 120,
      domain: 'mid.example',
      now: new Date(),
    });
    const id = await createDraftCampaign(h.database.db, { lists: ['democraties'] });
    const before = smtp.messages.length;
    for (const w of workers.splice(0)) await w.close();
    await startWorker(40);
    expect((await sender.request('POST', `/api/campaigns/${id}/send`, {})).json().started).toBe(true);
    await smtp.waitUntil(() => smtp.messages.length - before >= 10, 15_000, 'the first messages');
    // an address still waiting in the ledger (not claimed yet): at 40 a second, far from being sent
    let last: string | undefined;
    for (const e of [...emails].reverse()) {
      const row = (await sender.request('GET', `/api/campaigns/${id}/recipients?email=${encodeURIComponent(e)}`)).json()
        .recipient;
      if (row?.status === 'queued') {
        last = e;
        break;
      }
    }
    expect(last).toBeDefined();
    const detail = (await sender.request('GET', `/api/subscribers?q=${encodeURIComponent(last!)}`)).json();
    const subscriberId = detail.subscribers[0].id;
    expect(subscriberId).toBeDefined();
    expect(
      (await sender.request('POST', `/api/subscribers/${subscriberId}/unsubscribe`, { lists: ['democraties'] }))
        .statusCode,
    ).toBeLessThan(300);
    const done = await waitForStatus(id, 'sent');
    expect(smtp.messages.slice(before).some((m) => m.to === last)).toBe(false);
    expect(done.counts.skipped).toBe(1);
    expect(done.counts.sent).toBe(119);
  });

  it('pausing and resuming 20 times at random moments, with two workers at once, sends each message exactly once', async () => {
    const emails = await seedSubscribers(h.database.db, {
      list: 'adherents',
      count: 400,
      domain: 'pause.example',
      now: new Date(),
    });
    const id = await createDraftCampaign(h.database.db, { lists: ['adherents'] });
    for (const w of workers.splice(0)) await w.close();
    await startWorker(300);
    await startWorker(300);
    const before = smtp.messages.length;
    expect((await sender.request('POST', `/api/campaigns/${id}/send`, {})).json().started).toBe(true);
    let pauses = 0;
    while (pauses < 20) {
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 60));
      const p = await sender.request('POST', `/api/campaigns/${id}/pause`, {});
      if (p.statusCode !== 200) break; // already sent
      pauses++;
      const pausedAt = smtp.messages.length;
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 40));
      // no new claim after a pause: at most what was in flight (3 connections × 2 workers × a chunk) lands later
      expect(smtp.messages.length - pausedAt).toBeLessThanOrEqual(6 * 50);
      expect((await sender.request('POST', `/api/campaigns/${id}/resume`, {})).statusCode).toBe(200);
    }
    expect(pauses).toBeGreaterThanOrEqual(5);
    await waitForStatus(id, 'sent');
    const mine = smtp.messages.slice(before);
    expect(mine.length).toBe(400);
    expect(new Set(mine.map((m) => m.to)).size).toBe(400);
    for (const e of emails) expect(mine.some((m) => m.to === e)).toBe(true);
    // adherents is a private list: its "voir en ligne" link carries the campaign's token, and only that opens it
    const html = (await simpleParser(mine[0]!.raw)).html as string;
    const web = /https:\/\/democraties\.example(\/archive\/[a-z0-9-]+)\?k=([A-Za-z0-9_-]+)/.exec(html);
    expect(web).not.toBeNull();
    expect((await h.app.inject({ method: 'GET', url: `${web![1]}?k=${web![2]}` })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: web![1]! })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: `${web![1]}?k=${'x'.repeat(43)}` })).statusCode).toBe(404);
  });

  it('keeps to SEND_RATE for the whole cluster: two workers share one pace', async () => {
    await seedSubscribers(h.database.db, { list: 'democraties', count: 120, domain: 'rate.example', now: new Date() });
    const id = await createDraftCampaign(h.database.db, { lists: ['democraties'] });
    for (const w of workers.splice(0)) await w.close();
    // 40 a second shared by two processes' worth of workers
    await startWorker(40);
    await startWorker(40);
    const before = smtp.messages.length;
    const started = await sender.request('POST', `/api/campaigns/${id}/send`, {});
    const recipients = started.json().progress.recipientCount as number;
    expect(recipients).toBeGreaterThanOrEqual(200);
    await waitForStatus(id, 'sent', 60_000);
    const times = smtp.messages
      .slice(before)
      .map((m) => m.at)
      .sort((a, b) => a - b);
    expect(times.length).toBe(recipients);
    // fixed one-second windows: at most 40 in each, so at most 80 in any sliding second
    let worst = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i]! - times[j]! >= 1000) j++;
      worst = Math.max(worst, i - j + 1);
    }
    expect(worst).toBeLessThanOrEqual(80);
    // and the whole send took about as long as the rate says (within a window at each end)
    expect(times[times.length - 1]! - times[0]!).toBeGreaterThanOrEqual((times.length / 40 - 2) * 1000);
  }, 90_000);
});
