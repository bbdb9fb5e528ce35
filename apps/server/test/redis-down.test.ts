// The server while Redis is down: its connections point at a port nobody listens on (a real refused
// connection). Every route answers within about a second; only what truly needs Redis answers 503.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '@crieur/auth';
import { getSubscriberDetail, owedConfirmations, prepareConfirmationEmail, searchSubscribers } from '@crieur/db';
import { createCampaignQueue, createMailQueue, createPublishingQueue, createRedis } from '@crieur/queue';
import { freePort } from './free-port';
import { startHarness, type Client, type Harness } from './harness';

const FAST_MS = 1_500;
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - start };
}

describe('the server while Redis is down', () => {
  let h: Harness;
  let admin: Client;
  const dead = { url: '' };
  const connections: ReturnType<typeof createRedis>[] = [];
  const queues: { close(): Promise<void> }[] = [];

  const subscribe = (payload: string, ip: string, json = false) =>
    h.app.inject({
      method: 'POST',
      url: '/subscribe',
      remoteAddress: ip,
      headers: json
        ? { 'content-type': 'application/json' }
        : { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload,
    });
  const findId = async (q: string) => {
    await h.app.subscribeInbox.settled(); // the form's requests are processed after their answer
    return (await searchSubscribers(h.database.db, { q, limit: 1 })).subscribers[0]?.id;
  };

  beforeAll(async () => {
    dead.url = `redis://127.0.0.1:${await freePort()}`;
    // built as main.ts builds the server's: fail-fast connections, queues that never wait for "ready"
    const redis = createRedis(dead.url, 'client');
    const queueConnection = createRedis(dead.url, 'client');
    for (const c of [redis, queueConnection]) {
      c.on('error', () => undefined);
      connections.push(c);
    }
    const mailQueue = createMailQueue(queueConnection, 'test-dead');
    const publishingQueue = createPublishingQueue(queueConnection, 'test-dead');
    const campaignQueue = createCampaignQueue(queueConnection, 'test-dead');
    for (const q of [mailQueue, publishingQueue, campaignQueue]) q.on('error', () => undefined);
    queues.push(mailQueue, publishingQueue, campaignQueue);
    const limits = { perIpPerMinute: 3, perAddressPerHour: 2 };
    h = await startHarness({ deps: { redis, mailQueue, publishingQueue, campaignQueue, subscribe: limits } });
    admin = h.client();
    await admin.login((await h.createStaff('admin')).email);
  });
  afterAll(async () => {
    for (const q of queues) await q.close();
    for (const c of connections) c.disconnect();
    await h?.close();
  });

  it('says so on /healthz at once', async () => {
    const { result, ms } = await timed(() => h.app.inject({ method: 'GET', url: '/healthz' }));
    expect(ms).toBeLessThan(FAST_MS);
    expect(result.statusCode).toBe(503);
    expect(result.json()).toMatchObject({
      status: 'degraded',
      database: 'ok',
      redis: 'error',
      workers: { lastHeartbeat: null },
    });
  });

  it('answers 503 REDIS_UNAVAILABLE to a staff action that needs Redis, and does nothing', async () => {
    const body = { email: 'garde@example.org', lists: ['adherents'] };
    const created = await admin.request('POST', '/api/subscribers', body);
    expect(created.statusCode).toBe(201);
    const id = created.json().subscriber.id as string;
    const { result, ms } = await timed(() => admin.request('POST', `/api/subscribers/${id}/erase`, {}));
    expect(ms).toBeLessThan(FAST_MS);
    expect(result.statusCode).toBe(503);
    expect(result.json().error).toMatchObject({
      code: 'REDIS_UNAVAILABLE',
      message: expect.stringContaining('ne répond pas'),
    });
    expect(await getSubscriberDetail(h.database.db, id)).not.toBeNull(); // not half-erased
    // what does without Redis keeps working
    expect((await admin.request('GET', `/api/subscribers/${id}`)).statusCode).toBe(200);
    // the queue dashboard reads Redis: it fails, but at once
    const boardUrl = '/studio/queues/api/queues?activeQueue=mail&page=1&jobsPerPage=10';
    const board = await timed(() => admin.request('GET', boardUrl));
    expect(board.ms).toBeLessThan(FAST_MS);
    expect(board.result.statusCode).toBeGreaterThanOrEqual(500);
  });

  it('takes POST /subscribe with its usual answer, keeping the request in PostgreSQL', async () => {
    const patiente = form({ email: 'Patiente@example.org', name: 'Pat', lists: 'membres' });
    const html = await timed(() => subscribe(patiente, '203.0.113.1'));
    expect(html.ms).toBeLessThan(FAST_MS);
    expect(html.result.statusCode).toBe(202);
    expect(html.result.body).toContain('Vérifiez votre boîte mail');
    const asJson = JSON.stringify({ email: 'json@example.org', lists: ['democraties'], consent: true });
    const json = await timed(() => subscribe(asJson, '203.0.113.2', true));
    expect(json.ms).toBeLessThan(FAST_MS);
    expect(json.result.statusCode).toBe(202);
    expect(json.result.json()).toEqual({
      status: 'pending',
      message: 'If this address can receive our newsletters, a confirmation email is on its way.',
    });

    const id = (await findId('patiente@'))!;
    const detail = (await getSubscriberDetail(h.database.db, id))!;
    expect(detail.subscriptions.map((s) => [s.list.slug, s.sub.status])).toEqual([['membres', 'pending']]);
    expect(detail.subscriber.lastConfirmationSentAt).toBeNull(); // no email went out yet
    const owed = await owedConfirmations(h.database.db, { now: h.clock.now });
    expect(owed.map((o) => o.subscriberId)).toContain(id);
    const logs = h.logLines.join('\n');
    expect(logs).toContain('confirmation left to the mail rebuild');
    expect(logs.toLowerCase()).not.toContain('patiente@');
  });

  it('confirms a subscription without Redis, leaving the welcome to the mail rebuild', async () => {
    await subscribe(form({ email: 'confirme@example.org', lists: 'membres' }), '203.0.113.3');
    const id = (await findId('confirme@'))!;
    const owed = (await owedConfirmations(h.database.db, { now: h.clock.now })).find((o) => o.subscriberId === id)!;
    const token = newToken(); // what the mail worker would write in the email
    const { confirmationId } = owed;
    await prepareConfirmationEmail(h.database.db, { confirmationId, tokenHash: hashToken(token), now: h.clock.now });
    const confirm = () => h.app.inject({ method: 'POST', url: `/confirm/${token}`, headers: { accept: 'text/html' } });
    const { result, ms } = await timed(confirm);
    expect(ms).toBeLessThan(FAST_MS);
    expect(result.statusCode).toBe(200);
    const sub = (await getSubscriberDetail(h.database.db, id))!.subscriptions[0]!.sub;
    expect(sub).toMatchObject({ status: 'confirmed', welcomeDueAt: h.clock.now, welcomeSentAt: null });
  });

  it('still stops floods: per IP with a French page, per address silently', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await subscribe(form({ email: `ip${i}@example.org`, lists: 'membres' }), '198.51.100.77');
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([202, 202, 202, 429]);
    const limited = await subscribe(form({ email: 'ip9@example.org', lists: 'membres' }), '198.51.100.77');
    expect(limited.body).toContain('Trop de tentatives');

    // two requests per address per hour here: the third, from elsewhere, is answered alike and ignored
    const answers = [];
    for (const [i, list] of ['membres', 'membres', 'democraties'].entries()) {
      answers.push(await subscribe(form({ email: 'insistant@example.org', lists: list }), `192.0.2.${10 + i}`));
    }
    expect(answers.map((a) => a.statusCode)).toEqual([202, 202, 202]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    const detail = (await getSubscriberDetail(h.database.db, (await findId('insistant@'))!))!;
    expect(detail.subscriptions.map((s) => s.list.slug)).toEqual(['membres']);
  });
});
