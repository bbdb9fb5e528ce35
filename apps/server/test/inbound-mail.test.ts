// The inbound intake beyond bounces: a reader's mailto unsubscribe request (List-Unsubscribe's second target) and a
// feedback-loop complaint (ARF) take effect at once and count in the campaign's report. The messages they answer are
// real ones: a campaign sent through the worker to a recording SMTP server.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSuppression, searchSubscribers } from '@crieur/db';
import { createMailer, type Mailer } from '@crieur/mailer';
import { startCampaignWorker, type CampaignWorker } from '@crieur/workers';
import { arfReport, mailtoUnsubscribe } from '../../../packages/mailer/test/support/inbound-fixture';
import { createDraftCampaign, seedSubscribers } from '../../../workers/test/support/campaign-fixture';
import { startSmtpRecorder, type SmtpRecorder } from '../../../workers/test/support/smtp-recorder';
import { startHarness, TEST_LINK_KEY, type Client, type Harness } from './harness';

const TOKEN = 'i'.repeat(40);

describe('mailto unsubscribes and ARF complaints (PostgreSQL, Redis, SMTP)', () => {
  let h: Harness;
  let smtp: SmtpRecorder;
  let mailer: Mailer;
  let sender: Client;
  let connection: Redis;
  let worker: CampaignWorker;
  let campaignId: string;

  const post = (payload: string) =>
    h.app.inject({
      method: 'POST',
      url: '/inbound/mail',
      headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${TOKEN}` },
      payload,
    });
  const rawOf = (email: string) => smtp.messages.find((m) => m.to === email)!.raw;
  const headerOf = (raw: string, name: string) =>
    new RegExp(`^${name}:[ \\t]*(.*(?:\\r\\n[ \\t].*)*)`, 'im').exec(raw)?.[1]?.replace(/\r\n[ \t]+/g, ' ') ?? '';
  const statuses = async (email: string) => {
    const [found] = (await searchSubscribers(h.database.db, { q: email, limit: 1 })).subscribers;
    return Object.fromEntries(found!.subscriptions.map((s) => [s.list, s.status]));
  };

  beforeAll(async () => {
    h = await startHarness({
      env: {
        BOUNCE_TOKEN: TOKEN,
        PUBLIC_URL: 'https://democraties.example',
        MAIL_FROM: 'démocratieS <lettre@lettre.example.org>',
      },
    });
    Object.defineProperty(h.clock, 'now', { get: () => new Date() });
    smtp = await startSmtpRecorder();
    mailer = createMailer({ smtpUrl: smtp.url, outboxDir: '/nonexistent', pool: true, maxConnections: 2 });
    connection = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    sender = h.client();
    expect((await sender.login((await h.createStaff('sender')).email)).statusCode).toBe(200);
    // r0…r3 are on both lists; the campaign goes to the members' list only
    await seedSubscribers(h.database.db, { list: 'membres', count: 4, now: new Date() });
    await seedSubscribers(h.database.db, { list: 'democraties', count: 4, now: new Date() });
    worker = await startCampaignWorker({
      db: h.database.db,
      transport: mailer,
      publicUrl: 'https://democraties.example',
      linkKey: TEST_LINK_KEY,
      mailFrom: 'démocratieS <lettre@lettre.example.org>',
      sendRate: 1000,
      concurrency: 2,
      lateMinutes: 60,
      batchSize: 100,
      retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 400 },
      reconcileEveryMs: 150,
      livenessTtlMs: 2000,
      lockDurationMs: 5000,
      connection,
      prefix: h.prefix,
      logger: pino({ level: 'silent' }),
      now: () => new Date(),
    });
    campaignId = await createDraftCampaign(h.database.db, { lists: ['membres'] });
    expect((await sender.request('POST', `/api/campaigns/${campaignId}/send`, {})).statusCode).toBe(200);
    const end = Date.now() + 30_000;
    while (smtp.messages.length < 4 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(smtp.messages).toHaveLength(4);
  }, 60_000);
  afterAll(async () => {
    await worker.close();
    await mailer.close();
    await smtp.close();
    connection.disconnect();
    await h.close();
  });

  it('every message offers a mailto target naming its campaign and list', () => {
    const unsubscribe = headerOf(rawOf('r0@example.org'), 'List-Unsubscribe');
    expect(unsubscribe).toContain(`<mailto:lettre@lettre.example.org?subject=unsubscribe%20${campaignId}%20membres>`);
  });

  it('a mailto request leaves the list that email came from at once, and nothing else', async () => {
    const raw = rawOf('r0@example.org');
    const mailto = /<(mailto:[^>]+)>/.exec(headerOf(raw, 'List-Unsubscribe'))![1]!;
    const res = await post(mailtoUnsubscribe({ from: 'R0@Example.org', mailto }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ unsubscribe: { known: true, lists: 1, campaign: true } });
    expect(await statuses('r0@example.org')).toEqual({ membres: 'unsubscribed', democraties: 'confirmed' });
    // a second request changes nothing more
    expect((await post(mailtoUnsubscribe({ from: 'r0@example.org', mailto }))).json()).toEqual({
      unsubscribe: { known: true, lists: 0, campaign: true },
    });
    expect(h.logLines.join('\n')).not.toMatch(/r0@example\.org/i);
  });

  it('a bare "unsubscribe" without our subject leaves every list; a forged sender (DMARC failed) changes nothing', async () => {
    const forged = await post(
      mailtoUnsubscribe({
        from: 'r3@example.org',
        mailto: 'mailto:lettre@lettre.example.org?subject=unsubscribe',
        authenticationResults: 'mx.lettre.example.org; dmarc=fail header.from=example.org',
      }),
    );
    expect(forged.json()).toEqual({ unsubscribe: { ignored: 'dmarc_failed' } });
    expect(await statuses('r3@example.org')).toEqual({ membres: 'confirmed', democraties: 'confirmed' });
    const bare = await post(
      mailtoUnsubscribe({ from: 'r2@example.org', mailto: 'mailto:lettre@lettre.example.org?subject=Unsubscribe' }),
    );
    expect(bare.json()).toEqual({ unsubscribe: { known: true, lists: 2, campaign: false } });
    expect(await statuses('r2@example.org')).toEqual({ membres: 'unsubscribed', democraties: 'unsubscribed' });
    // naming a campaign this person never received (a test send's header): nothing changes
    const other = await post(
      mailtoUnsubscribe({
        from: 'r3@example.org',
        mailto: `mailto:lettre@lettre.example.org?subject=unsubscribe%20${randomUUID()}%20membres`,
      }),
    );
    expect(other.json()).toEqual({ unsubscribe: { known: true, lists: 0, campaign: false } });
    expect(await statuses('r3@example.org')).toEqual({ membres: 'confirmed', democraties: 'confirmed' });
    const stranger = await post(
      mailtoUnsubscribe({ from: 'nobody@example.org', mailto: 'mailto:lettre@lettre.example.org?subject=unsubscribe' }),
    );
    expect(stranger.json()).toEqual({ unsubscribe: { known: false, lists: 0, campaign: false } });
  });

  it('an ARF complaint about the real message suppresses the person, even when the provider redacted the address', async () => {
    const raw = rawOf('r1@example.org');
    const messageId = /<([^>]+)>/.exec(headerOf(raw, 'Message-ID'))![1]!;
    const res = await post(arfReport({ to: 'r1@example.org', messageId, original: raw, redacted: true }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ complaint: { type: 'abuse', suppressed: true, campaign: true } });
    expect(await findSuppression(h.database.db, 'r1@example.org')).toMatchObject({ reason: 'complaint' });
    expect(await statuses('r1@example.org')).toEqual({ membres: 'unsubscribed', democraties: 'unsubscribed' });
  });

  it('the campaign report counts the complaint and the unsubscribes', async () => {
    const res = await sender.request('GET', '/api/reports/campaigns');
    const row = res.json().campaigns.find((c: { id: string }) => c.id === campaignId);
    expect(row).toMatchObject({ recipients: 4, sent: 4, complaints: 1 });
    // r0 (mailto), r1 (complaint) and r2 (bare request) left the members' list in the days after the send
    expect(row.unsubscribes7d).toBe(3);
  });

  it('refuses what is none of the three, and callers without the token', async () => {
    expect((await post('From: a@example.org\r\nSubject: Merci\r\n\r\nBravo pour la lettre\r\n')).statusCode).toBe(422);
    const anonymous = await h.app.inject({
      method: 'POST',
      url: '/inbound/mail',
      headers: { 'content-type': 'message/rfc822' },
      payload: mailtoUnsubscribe({ from: 'r3@example.org', mailto: 'mailto:lettre@lettre.example.org' }),
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await statuses('r3@example.org')).toEqual({ membres: 'confirmed', democraties: 'confirmed' });
  });
});
