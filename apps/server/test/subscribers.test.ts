import { linkToken } from '@crieur/auth';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpAllRows } from '@crieur/db/testing';
import {
  emailHash,
  findSuppression,
  getSubscriberDetail,
  listIdsBySlugs,
  searchSubscribers,
  staffSubscribe,
  suppressAddress,
} from '@crieur/db';
import { createMailer, type Mailer } from '@crieur/mailer';
import { startWorkers, type RunningWorkers } from '@crieur/workers';
import { startHarness, TEST_LINK_KEY, type Client, type Harness } from './harness';
import { startSmtpSink } from './smtp-sink';
import { frenchTypography as fr } from '@crieur/content/typography';

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

  const post = async (body: string, ip = '203.0.113.9') => {
    const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
    const res = await h.app.inject({ method: 'POST', url: '/subscribe', remoteAddress: ip, headers, payload: body });
    await h.app.subscribeInbox.settled(); // the request is processed after its answer
    return res;
  };
  const mailTo = (address: string) => sink.messages.filter((m) => m.to[0]?.toLowerCase() === address);
  const waitForMail = async (address: string, count: number) => {
    for (const end = Date.now() + 15_000; mailTo(address).length < count; await new Promise((r) => setTimeout(r, 50))) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${count} emails`);
    }
    return mailTo(address);
  };
  const startMailWorkers = () =>
    startWorkers({
      redisUrl: 'redis://127.0.0.1:6379',
      prefix: h.prefix,
      mode: 'test',
      logger: pino({ level: 'silent' }),
      mail: {
        db: h.database.db,
        linkKey: TEST_LINK_KEY,
        mailer,
        publicUrl: 'http://localhost:3000',
        mailFrom: 'lettre@democraties.example',
      },
    });

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
    const noSource = await sender.request('POST', '/api/subscribers', {
      email: 'paul@example.org',
      lists: ['membres'],
    });
    expect(noSource.json().error.code).toBe('CONSENT_SOURCE_REQUIRED');
    const created = await sender.request('POST', '/api/subscribers', {
      email: 'Paul@Example.org',
      name: 'Paul',
      lists: ['membres', 'adherents'],
      consentSource: 'bulletin papier, AG du 12 mars 2026',
    });
    expect(created.statusCode).toBe(201);
    const d = created.json();
    expect(d.subscriptions).toMatchObject([
      {
        list: { slug: 'membres' },
        status: 'confirmed',
        legalBasis: 'consent',
        consent: { source: 'staff', note: 'bulletin papier, AG du 12 mars 2026' },
      },
      { list: { slug: 'adherents' }, status: 'confirmed', legalBasis: 'legitimate_interest' },
    ]);
    expect(d.events[0].actor).toMatch(/^sender-/);
    const dup = await sender.request('POST', '/api/subscribers', { email: 'paul@example.org', lists: ['adherents'] });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'DUPLICATE_SUBSCRIBER', subscriberId: d.subscriber.id });

    const lists = (await sender.request('GET', '/api/lists')).json().lists;
    expect(lists.find((l: { slug: string }) => l.slug === 'membres').counts).toEqual({
      pending: 0,
      confirmed: 1,
      unsubscribed: 0,
    });
    const found = (await sender.request('GET', '/api/subscribers?q=paul&list=adherents&status=confirmed')).json();
    expect(found.subscribers.map((s: { email: string }) => s.email)).toEqual(['Paul@Example.org']);

    const left = (
      await sender.request('POST', `/api/subscribers/${d.subscriber.id}/unsubscribe`, { lists: ['membres'] })
    ).json();
    expect(left.subscriptions.map((s: { status: string }) => s.status)).toEqual(['unsubscribed', 'confirmed']);
    const suppressed = (await sender.request('POST', `/api/subscribers/${d.subscriber.id}/suppress`, {})).json();
    expect(suppressed.subscriber.suppression.reason).toBe('manual');
    expect(suppressed.subscriptions.every((s: { status: string }) => s.status === 'unsubscribed')).toBe(true);
    const back = await sender.request('POST', `/api/subscribers/${d.subscriber.id}/subscriptions`, {
      list: 'adherents',
    });
    expect(back.json().error.code).toBe('SUPPRESSED');
    expect((await sender.request('POST', `/api/subscribers/${d.subscriber.id}/erase`, {})).statusCode).toBe(403);
  });

  it('refuses wrong input in French, naming the field', async () => {
    const res = await sender.request('POST', '/api/subscribers', { email: 'pas-une-adresse', lists: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'VALIDATION',
      message: fr('« adresse e-mail » : Adresse e-mail invalide. (et 1 autre champ à vérifier)'),
      issues: [
        { path: 'email', message: 'Adresse e-mail invalide.' },
        { path: 'lists', message: 'Choisissez au moins une liste.' },
      ],
    });
    // what only the server can check is worded the same way
    const unknown = await sender.request('POST', '/api/subscribers', { email: 'a@example.org', lists: ['inconnue'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toEqual({
      code: 'VALIDATION',
      message: fr('« listes » : Liste inconnue.'),
      issues: [{ path: 'lists', message: 'Liste inconnue.' }],
    });
    const cursor = await sender.request('GET', '/api/subscribers?cursor=abc');
    expect(cursor.json().error.message).toBe(fr('« page » : Page introuvable : relancez la recherche.'));
    const id = await sender.request('PATCH', '/api/subscribers/12', { locale: 'fr' });
    expect(id.statusCode).toBe(400);
    expect(id.json().error.issues).toEqual([{ path: 'id', message: 'Identifiant invalide.' }]);
    const created = (
      await sender.request('POST', '/api/subscribers', { email: 'langue@example.org', lists: ['adherents'] })
    ).json();
    const locale = await sender.request('PATCH', `/api/subscribers/${created.subscriber.id}`, { locale: 'de' });
    expect(locale.json().error.message).toBe(fr('« langue » : Valeur non reconnue (attendu : fr, en).'));
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
    workers = await startMailWorkers();
    h.clock.now = new Date();
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        post(
          form({ email: i % 2 ? 'Flood@example.org' : 'flood@EXAMPLE.org', lists: ['membres', 'democraties'] }),
          `198.51.100.${i % 50}`,
        ),
      ),
    );
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
        const res = await limited.app.inject({
          method: 'POST',
          url: '/subscribe',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
          payload: form({ email: `ip${i}@example.org`, lists: 'membres' }),
        });
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
    expect(
      (await h.mailQueue.getJobs(['waiting'])).some(
        (j) => 'subscriberId' in j.data && j.data.subscriberId === found.id,
      ),
    ).toBe(true);

    const page = await h.app.inject({
      method: 'POST',
      url: `/preferences/${linkToken(TEST_LINK_KEY, 'preferences', found.id)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'action=erase&confirm=yes',
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Vos données sont effacées');

    const everything = await dumpAllRows(h.database.db);
    expect(everything.toLowerCase()).not.toContain('effacement.total');
    expect(everything).not.toContain('Eve Effacée');
    expect(everything).toContain(emailHash(email));
    expect(
      (await h.mailQueue.getJobs(['waiting', 'delayed', 'completed', 'failed'])).some(
        (j) => 'subscriberId' in j.data && j.data.subscriberId === found.id,
      ),
    ).toBe(false);
    for (const key of await h.redis.keys(`${h.prefix}:*`)) {
      const type = await h.redis.type(key);
      const value =
        type === 'hash'
          ? JSON.stringify(await h.redis.hgetall(key))
          : type === 'string'
            ? await h.redis.get(key)
            : type === 'list'
              ? JSON.stringify(await h.redis.lrange(key, 0, -1))
              : type === 'zset'
                ? JSON.stringify(await h.redis.zrange(key, 0, -1))
                : '';
      expect(String(value).toLowerCase()).not.toContain('effacement.total');
      expect(String(value)).not.toContain(found.id);
    }
    expect(h.logLines.join('\n').toLowerCase()).not.toContain('effacement.total');
    // the address comes back only through double opt-in: a confirmation owed (a job of ids), nothing else
    await post(form({ email, lists: ['membres'] }));
    const back = (await searchSubscribers(h.database.db, { q: 'effacement', limit: 1 })).subscribers[0]!;
    expect(back.subscriptions.map((s) => s.status)).toEqual(['pending']);
    const jobs = (await h.mailQueue.getJobs(['waiting'])).filter(
      (j) => 'subscriberId' in j.data && j.data.subscriberId === back.id,
    );
    expect(jobs.map((j) => Object.keys(j.data).sort())).toEqual([['confirmationId', 'subscriberId', 'type']]);
    expect(await findSuppression(h.database.db, email)).toMatchObject({ reason: 'erased' });
  });

  it('lets an erased reader come back by a confirmed consent, which lifts the suppression and says why', async () => {
    workers ??= await startMailWorkers();
    h.clock.now = new Date();
    const email = 'revenante@example.org';
    const membres = (await listIdsBySlugs(h.database.db, ['membres']))[0]!.id;
    const staffId = (await h.createStaff('sender')).id;
    const staff = { email, listIds: [membres], consentNote: 'AG 2026', actorId: staffId, now: h.clock.now };
    const { subscriberId: oldId } = await staffSubscribe(h.database.db, staff);
    const erase = { 'content-type': 'application/x-www-form-urlencoded' };
    const url = `/preferences/${linkToken(TEST_LINK_KEY, 'preferences', oldId)}`;
    const erased = await h.app.inject({ method: 'POST', url, headers: erase, payload: 'action=erase&confirm=yes' });
    expect(erased.statusCode).toBe(200);

    const answer = await post(form({ email, name: 'Rose', lists: ['democraties'] }));
    expect(answer.statusCode).toBe(202);
    const [confirmation] = await waitForMail(email, 1);
    const newId = (await searchSubscribers(h.database.db, { q: 'revenante', limit: 1 })).subscribers[0]!.id;
    // until the click: the confirmation email only, a pending subscription, the suppression in place
    await new Promise((r) => setTimeout(r, 1_000));
    expect(mailTo(email)).toHaveLength(1);
    expect(await findSuppression(h.database.db, email)).toMatchObject({ reason: 'erased' });
    const pending = (await getSubscriberDetail(h.database.db, newId))!.subscriptions;
    expect(pending.map((s) => s.sub.status)).toEqual(['pending']);

    const token = /\/confirm\/([A-Za-z0-9_-]{20,})/.exec(confirmation!.parsed.text ?? '')![1]!;
    const click = { method: 'POST' as const, url: `/confirm/${token}`, headers: { accept: 'text/html' } };
    const confirmed = await h.app.inject(click);
    expect(confirmed.statusCode).toBe(200);
    const detail = (await getSubscriberDetail(h.database.db, newId))!;
    expect(detail.subscriptions.map((s) => [s.list.slug, s.sub.status, s.sub.consentSource])).toEqual([
      ['democraties', 'confirmed', 'form'],
    ]);
    expect(detail.suppression).toBeNull();
    expect(await findSuppression(h.database.db, email)).toBeNull();
    const confirmedEvent = detail.events.find((e) => e.e.type === 'confirmed')!;
    expect(confirmedEvent.e.data).toMatchObject({ liftedSuppression: 'erased' });
    expect(JSON.stringify(detail.events.map((e) => e.e.data))).not.toContain('revenante');
    await waitForMail(email, 2); // and now the welcome
  });

  it('answers a hard-bounced address as usual and does nothing else', async () => {
    workers ??= await startMailWorkers();
    h.clock.now = new Date();
    const email = 'rebond@example.org';
    await suppressAddress(h.database.db, { email, reason: 'hard_bounce', now: h.clock.now, source: 'email' });
    const bounced = await post(form({ email, lists: ['democraties'] }));
    const unknown = await post(form({ email: 'quelquun@example.org', lists: ['democraties'] }));
    expect([bounced.statusCode, bounced.body]).toEqual([unknown.statusCode, unknown.body]);
    await waitForMail('quelquun@example.org', 1);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(mailTo(email)).toHaveLength(0);
    expect((await searchSubscribers(h.database.db, { q: 'rebond', limit: 1 })).subscribers).toEqual([]);
    expect(await findSuppression(h.database.db, email)).toMatchObject({ reason: 'hard_bounce' });
  });
});
