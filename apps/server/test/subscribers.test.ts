import { linkToken } from '@crieur/auth';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpAllRows } from '@crieur/db/testing';
import { emailHash, searchSubscribers } from '@crieur/db';
import { createMailer, type Mailer } from '@crieur/mailer';
import { startWorkers, type RunningWorkers } from '@crieur/workers';
import { startHarness, TEST_LINK_KEY, type Client, type Harness } from './harness';
import { startSmtpSink } from './smtp-sink';

const form = (fields: Record<string, string | string[]>) =>
  Object.entries(fields)
    .flatMap(([k, v]) => ([] as string[]).concat(v).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`))
    .join('&');

describe('subscribers: staff API, abuse limits and erasure (PostgreSQL, Redis, SMTP)', () => {
  let h: Harness;
  let sender: Client;
  let admin: Client;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let mailer: Mailer;
  let workers: RunningWorkers | undefined;

  const post = (body: string, ip = '203.0.113.9') =>
    h.app.inject({ method: 'POST', url: '/subscribe', remoteAddress: ip, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: body });

  beforeAll(async () => {
    h = await startHarness({ deps: { subscribe: { perIpPerMinute: 1000, perAddressPerHour: 1000 } } });
    sink = await startSmtpSink();
    mailer = createMailer({ smtpUrl: sink.url, outboxDir: '/nonexistent' });
    sender = h.client();
    admin = h.client();
    await sender.login((await h.createStaff('sender')).email);
    await admin.login((await h.createStaff('admin')).email);
  });
  afterAll(async () => {
    await workers?.close(5_000);
    await mailer.close();
    await sink.close();
    await h.close();
  });

  it('lets staff add a subscriber with proof of consent, then unsubscribe and suppress them', async () => {
    const noSource = await sender.request('POST', '/api/subscribers', { email: 'paul@example.org', lists: ['membres'] });
    expect(noSource.json().error.code).toBe('CONSENT_SOURCE_REQUIRED');
    const created = await sender.request('POST', '/api/subscribers', { email: 'Paul@Example.org', name: 'Paul', lists: ['membres', 'adherents'], consentSource: 'bulletin papier, AG du 12 mars 2026' });
    expect(created.statusCode).toBe(201);
    const d = created.json();
    expect(d.subscriptions).toMatchObject([
      { list: { slug: 'membres' }, status: 'confirmed', legalBasis: 'consent', consent: { source: 'staff', note: 'bulletin papier, AG du 12 mars 2026' } },
      { list: { slug: 'adherents' }, status: 'confirmed', legalBasis: 'legitimate_interest' },
    ]);
    expect(d.events[0].actor).toMatch(/^sender-/);
    const dup = await sender.request('POST', '/api/subscribers', { email: 'paul@example.org', lists: ['adherents'] });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'DUPLICATE_SUBSCRIBER', subscriberId: d.subscriber.id });

    const lists = (await sender.request('GET', '/api/lists')).json().lists;
    expect(lists.find((l: { slug: string }) => l.slug === 'membres').counts).toEqual({ pending: 0, confirmed: 1, unsubscribed: 0 });
    const found = (await sender.request('GET', '/api/subscribers?q=paul&list=adherents&status=confirmed')).json();
    expect(found.subscribers.map((s: { email: string }) => s.email)).toEqual(['Paul@Example.org']);

    const left = (await sender.request('POST', `/api/subscribers/${d.subscriber.id}/unsubscribe`, { lists: ['membres'] })).json();
    expect(left.subscriptions.map((s: { status: string }) => s.status)).toEqual(['unsubscribed', 'confirmed']);
    const suppressed = (await sender.request('POST', `/api/subscribers/${d.subscriber.id}/suppress`, {})).json();
    expect(suppressed.subscriber.suppression.reason).toBe('manual');
    expect(suppressed.subscriptions.every((s: { status: string }) => s.status === 'unsubscribed')).toBe(true);
    const back = await sender.request('POST', `/api/subscribers/${d.subscriber.id}/subscriptions`, { list: 'adherents' });
    expect(back.json().error.code).toBe('SUPPRESSED');
    expect((await sender.request('POST', `/api/subscribers/${d.subscriber.id}/erase`, {})).statusCode).toBe(403);
  });

  it('answers a robot that fills the honeypot like anyone else, and does nothing', async () => {
    const res = await post(form({ email: 'robot@example.org', lists: 'membres', website: 'http://spam.example' }));
    expect(res.statusCode).toBe(202);
    expect((await searchSubscribers(h.database.db, { q: 'robot@', limit: 5 })).subscribers).toEqual([]);
  });

  it('keeps what was typed and says what to fix', async () => {
    const res = await post(form({ email: 'pas-une-adresse', name: 'Zoé' }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Indiquez une adresse e-mail valide');
    expect(res.body).toContain('Cochez au moins une lettre');
    expect(res.body).toContain('value="pas-une-adresse"');
    expect(res.body).toContain('value="Zoé"');
  });

  it('sends exactly one confirmation for 100 requests for one address, with identical answers', async () => {
    workers = await startWorkers({
      redisUrl: 'redis://127.0.0.1:6379',
      prefix: h.prefix,
      mode: 'test',
      logger: pino({ level: 'silent' }),
      mail: { db: h.database.db, linkKey: TEST_LINK_KEY, mailer, publicUrl: 'http://localhost:3000', mailFrom: 'lettre@democraties.example' },
    });
    h.clock.now = new Date();
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => post(form({ email: i % 2 ? 'Flood@example.org' : 'flood@EXAMPLE.org', lists: ['membres', 'democraties'] }), `198.51.100.${i % 50}`)));
    expect(new Set(answers.map((a) => a.statusCode))).toEqual(new Set([202]));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    await sink.waitFor(1);
    await new Promise((r) => setTimeout(r, 1500)); // time for any second email to show up
    expect(sink.messages.filter((m) => m.to[0]?.toLowerCase() === 'flood@example.org')).toHaveLength(1);
  });

  it('limits POST /subscribe per IP with a French page', async () => {
    const limited = await startHarness({ deps: { subscribe: { perIpPerMinute: 3 } } });
    try {
      const codes: number[] = [];
      let last = '';
      for (let i = 0; i < 4; i++) {
        const res = await limited.app.inject({ method: 'POST', url: '/subscribe', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: form({ email: `ip${i}@example.org`, lists: 'membres' }) });
        codes.push(res.statusCode);
        last = res.body;
      }
      expect(codes).toEqual([202, 202, 202, 429]);
      expect(last).toContain('Trop de tentatives');
    } finally {
      await limited.close();
    }
  });

  it('erases a reader everywhere: tables, queued jobs, Redis and logs keep only the suppression hash', async () => {
    await workers?.close(5_000);
    workers = undefined; // jobs must stay queued in Redis for this test
    const email = 'Effacement.Total@example.org';
    await post(form({ email, name: 'Eve Effacée', lists: ['membres'] }));
    const found = (await searchSubscribers(h.database.db, { q: 'effacement', limit: 1 })).subscribers[0]!;
    expect((await h.mailQueue.getJobs(['waiting'])).some((j) => j.data.subscriberId === found.id)).toBe(true);

    const page = await h.app.inject({ method: 'POST', url: `/preferences/${linkToken(TEST_LINK_KEY, 'preferences', found.id)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'action=erase&confirm=yes' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Vos données sont effacées');

    const everything = await dumpAllRows(h.database.db);
    expect(everything.toLowerCase()).not.toContain('effacement.total');
    expect(everything).not.toContain('Eve Effacée');
    expect(everything).toContain(emailHash(email));
    expect((await h.mailQueue.getJobs(['waiting', 'delayed', 'completed', 'failed'])).some((j) => j.data.subscriberId === found.id)).toBe(false);
    for (const key of await h.redis.keys(`${h.prefix}:*`)) {
      const type = await h.redis.type(key);
      const value = type === 'hash' ? JSON.stringify(await h.redis.hgetall(key)) : type === 'string' ? await h.redis.get(key) : type === 'list' ? JSON.stringify(await h.redis.lrange(key, 0, -1)) : type === 'zset' ? JSON.stringify(await h.redis.zrange(key, 0, -1)) : '';
      expect(String(value).toLowerCase()).not.toContain('effacement.total');
      expect(String(value)).not.toContain(found.id);
    }
    expect(h.logLines.join('\n').toLowerCase()).not.toContain('effacement.total');
    // the address cannot be signed up again behind its owner's back
    const jobsBefore = (await h.mailQueue.getJobs(['waiting'])).length;
    await post(form({ email, lists: ['membres'] }));
    expect((await h.mailQueue.getJobs(['waiting'])).length).toBe(jobsBefore);
  });
});
