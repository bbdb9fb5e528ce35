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
import {
  arfReport,
  jmrpReport,
  mailtoUnsubscribe,
  yahooReport,
} from '../../../packages/mailer/test/support/inbound-fixture';
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
    // r0…r7 are on both lists; the campaign goes to the members' list only
    await seedSubscribers(h.database.db, { list: 'membres', count: 8, now: new Date() });
    await seedSubscribers(h.database.db, { list: 'democraties', count: 8, now: new Date() });
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
    while (smtp.messages.length < 8 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(smtp.messages).toHaveLength(8);
  }, 60_000);
  afterAll(async () => {
    await worker.close();
    await mailer.close();
    await smtp.close();
    connection.disconnect();
    await h.close();
  });

  const subscriberIdOf = (email: string) =>
    /<[0-9a-f-]{36}\.([0-9a-f-]{36})@/.exec(headerOf(rawOf(email), 'Message-ID'))![1]!;
  const mailtoOf = (email: string) => /<(mailto:[^>]+)>/.exec(headerOf(rawOf(email), 'List-Unsubscribe'))![1]!;

  it('every message offers a mailto target naming its campaign, its reader and its list', () => {
    const unsubscribe = headerOf(rawOf('r0@example.org'), 'List-Unsubscribe');
    expect(unsubscribe).toContain(
      `<mailto:lettre@lettre.example.org?subject=unsubscribe%20${campaignId}.${subscriberIdOf('r0@example.org')}%20membres>`,
    );
    // each reader's target is their own
    expect(mailtoOf('r1@example.org')).not.toBe(mailtoOf('r0@example.org'));
  });

  it('a mailto request leaves the list that email came from at once, and nothing else', async () => {
    const res = await post(mailtoUnsubscribe({ from: 'R0@Example.org', mailto: mailtoOf('r0@example.org') }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ unsubscribe: { known: true, lists: 1, campaign: true } });
    expect(await statuses('r0@example.org')).toEqual({ membres: 'unsubscribed', democraties: 'confirmed' });
    // one event, naming the campaign, as the one-click link would write
    const events = (await h.database.db.execute(
      `select type, source, data from subscription_events
       where subscriber_id = '${subscriberIdOf('r0@example.org')}' and type = 'unsubscribed'`,
    )) as unknown as { rows: unknown[] };
    expect(events.rows).toEqual([{ type: 'unsubscribed', source: 'email', data: { reason: 'mailto', campaignId } }]);
    // a replay changes nothing more
    expect(
      (await post(mailtoUnsubscribe({ from: 'r0@example.org', mailto: mailtoOf('r0@example.org') }))).json(),
    ).toEqual({
      unsubscribe: { known: true, lists: 0, campaign: true },
    });
    expect(h.logLines.join('\n')).not.toMatch(/r0@example\.org/i);
  });

  it('a client that writes its own subject but answers our email (In-Reply-To) is understood', async () => {
    const messageId = /<([^>]+)>/.exec(headerOf(rawOf('r4@example.org'), 'Message-ID'))![1]!;
    const res = await post(
      mailtoUnsubscribe({
        from: 'r4@example.org',
        mailto: 'mailto:lettre@lettre.example.org',
        subject: 'Unsubscribe',
        inReplyTo: messageId,
      }),
    );
    expect(res.json()).toEqual({ unsubscribe: { known: true, lists: 1, campaign: true } });
    expect(await statuses('r4@example.org')).toEqual({ membres: 'unsubscribed', democraties: 'confirmed' });
  });

  it('nobody can unsubscribe someone else by writing in their name', async () => {
    // a bare "unsubscribe" From a subscriber's address names no email of theirs: before, it left every list
    const bare = await post(
      mailtoUnsubscribe({ from: 'r2@example.org', mailto: 'mailto:lettre@lettre.example.org?subject=Unsubscribe' }),
    );
    expect(bare.json()).toEqual({ unsubscribe: { ignored: 'no_proof' } });
    // r3's own target (campaign, list) sent From r2: the campaign id alone, shared by every reader, proves nothing
    const forged = await post(mailtoUnsubscribe({ from: 'r2@example.org', mailto: mailtoOf('r3@example.org') }));
    expect(forged.json()).toEqual({ unsubscribe: { ignored: 'not_the_recipient' } });
    const legacy = await post(
      mailtoUnsubscribe({
        from: 'r2@example.org',
        mailto: `mailto:lettre@lettre.example.org?subject=unsubscribe%20${campaignId}%20membres`,
      }),
    );
    expect(legacy.json()).toEqual({ unsubscribe: { ignored: 'no_proof' } });
    // the receiving server found the From forged (DMARC): ignored even with the reader's own target
    const dmarc = await post(
      mailtoUnsubscribe({
        from: 'r3@example.org',
        mailto: mailtoOf('r3@example.org'),
        authenticationResults: 'mx.lettre.example.org; dmarc=fail header.from=example.org',
      }),
    );
    expect(dmarc.json()).toEqual({ unsubscribe: { ignored: 'dmarc_failed' } });
    // a campaign this person never received, and a test send's target
    const other = await post(
      mailtoUnsubscribe({
        from: 'r3@example.org',
        mailto: `mailto:lettre@lettre.example.org?subject=unsubscribe%20${randomUUID()}.${subscriberIdOf('r3@example.org')}%20membres`,
      }),
    );
    expect(other.json()).toEqual({ unsubscribe: { ignored: 'no_proof' } });
    const stranger = await post(mailtoUnsubscribe({ from: 'nobody@example.org', mailto: mailtoOf('r3@example.org') }));
    expect(stranger.json()).toEqual({ unsubscribe: { ignored: 'not_the_recipient' } });
    for (const email of ['r2@example.org', 'r3@example.org'])
      expect(await statuses(email)).toEqual({ membres: 'confirmed', democraties: 'confirmed' });
    expect(h.logLines.join('\n')).not.toMatch(/r[23]@example\.org|nobody@/i);
  });

  it('an ARF complaint about the real message suppresses the person, even when the provider redacted the address', async () => {
    const raw = rawOf('r1@example.org');
    const messageId = /<([^>]+)>/.exec(headerOf(raw, 'Message-ID'))![1]!;
    const res = await post(arfReport({ to: 'r1@example.org', messageId, original: raw, redacted: true }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ complaint: { type: 'abuse', suppressed: true, campaign: true } });
    expect(await findSuppression(h.database.db, 'r1@example.org')).toMatchObject({ reason: 'complaint' });
    expect(await statuses('r1@example.org')).toEqual({ membres: 'unsubscribed', democraties: 'unsubscribed' });
    // the feedback loop sends the same report again: still one complaint in the report (checked below)
    expect((await post(arfReport({ to: 'r1@example.org', messageId, original: raw, redacted: true }))).json()).toEqual({
      complaint: { type: 'abuse', suppressed: true, campaign: true },
    });
  });

  it("Microsoft's and Yahoo's feedback loops, which hide the reader, suppress them from our headers", async () => {
    const microsoft = await post(jmrpReport({ original: rawOf('r5@example.org') }));
    expect(microsoft.json()).toEqual({ complaint: { type: 'abuse', suppressed: true, campaign: true } });
    const yahoo = await post(yahooReport({ original: rawOf('r6@example.org') }));
    expect(yahoo.json()).toEqual({ complaint: { type: 'abuse', suppressed: true, campaign: true } });
    for (const email of ['r5@example.org', 'r6@example.org']) {
      expect(await findSuppression(h.database.db, email)).toMatchObject({ reason: 'complaint' });
      expect(await statuses(email)).toEqual({ membres: 'unsubscribed', democraties: 'unsubscribed' });
    }
    // the redaction placeholder is nobody's address: nothing suppressed under it
    expect(await findSuppression(h.database.db, 'redacted@yahoo.com')).toBeNull();
  });

  it('a "not-spam" report or a DMARC failure report in ARF form suppresses nobody', async () => {
    const raw = rawOf('r7@example.org');
    const messageId = /<([^>]+)>/.exec(headerOf(raw, 'Message-ID'))![1]!;
    for (const feedbackType of ['not-spam', 'auth-failure']) {
      const res = await post(arfReport({ to: 'r7@example.org', messageId, original: raw, feedbackType }));
      expect(res.json()).toEqual({ complaint: { type: feedbackType, ignored: 'not_a_complaint' } });
    }
    expect(await findSuppression(h.database.db, 'r7@example.org')).toBeNull();
    expect(await statuses('r7@example.org')).toEqual({ membres: 'confirmed', democraties: 'confirmed' });
  });

  it('the campaign report counts each complaint once, and the unsubscribes, in the studio and the CSV', async () => {
    const res = await sender.request('GET', '/api/reports/campaigns');
    const row = res.json().campaigns.find((c: { id: string }) => c.id === campaignId);
    // r1 (twice reported), r5 and r6
    expect(row).toMatchObject({ recipients: 8, sent: 8, complaints: 3 });
    // r0 and r4 (mailto), r1, r5 and r6 (complaints) left the members' list in the days after the send
    expect(row.unsubscribes7d).toBe(5);
    const csv = await sender.request('GET', '/api/reports/campaigns.csv');
    const [head, ...lines] = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const cells = lines.find((l) => l.includes(row.slug))!.split(';');
    const columns = head!.split(';');
    expect(cells[columns.findIndex((c) => /plainte/i.test(c))]).toBe('3');
  });

  it('a malformed or oversized message changes nothing and is answered clearly', async () => {
    expect((await post('\u0000\u00ff\r\n\r\n--\r\n')).statusCode).toBe(422);
    // MIME nested deeper than the parser reads: a clear 422, not a 500 the mail server would retry forever
    const nested = Array.from(
      { length: 300 },
      (_, i) => `--x${i}\r\nContent-Type: multipart/mixed; boundary="x${i + 1}"\r\n\r\n`,
    );
    const deep = await post(
      `From: r3@example.org\r\nSubject: unsubscribe\r\nContent-Type: multipart/mixed; boundary="x0"\r\n\r\n${nested.join('')}`,
    );
    expect(deep.statusCode).toBe(422);
    expect(deep.json().error.message).toMatch(/^Ce message n’est ni un avis de non-remise/);
    const huge =
      mailtoUnsubscribe({ from: 'r3@example.org', mailto: mailtoOf('r3@example.org') }) + 'x'.repeat(3 * 1024 * 1024);
    const res = await post(huge);
    expect(res.statusCode).toBe(413);
    expect(await statuses('r3@example.org')).toEqual({ membres: 'confirmed', democraties: 'confirmed' });
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
