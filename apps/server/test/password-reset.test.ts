// « Mot de passe oublié ? » end to end on the server: the request answers alike for every address, the
// email (real mail worker, SMTP in this process) carries a link that works once, for an hour, and the
// reset ends every session of the account. PostgreSQL and Redis are real.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserForLogin, listAudit, updateUser } from '@crieur/db';
import { createMailer, type Mailer } from '@crieur/mailer';
import { startWorkers, type RunningWorkers } from '@crieur/workers';
import { PASSWORD_RESET_LIMITS } from '../src/routes/password-reset-routes';
import { PASSWORD, startHarness, TEST_LINK_KEY, type Client, type Harness } from './harness';
import { startSmtpSink } from './smtp-sink';

const MINUTE = 60_000;
const NEW_PASSWORD = 'girafe-lanterne-brouette-29';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

describe('password reset (PostgreSQL, Redis, SMTP)', () => {
  let h: Harness;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let mailer: Mailer;
  let workers: RunningWorkers;
  let ipCount = 0;
  // a fresh address per request where the per-IP limit is not what is tested
  const client = () => h.client(`198.51.100.${++ipCount % 250}`);
  const ask = (email: string, c: Client = client()) => c.request('POST', '/api/password-reset', { email });
  const mailsTo = (address: string) => sink.messages.filter((m) => m.to[0]?.toLowerCase() === address);
  const tokenOf = async (address: string, count: number) => {
    const end = Date.now() + 15_000;
    while (mailsTo(address).length < count) {
      if (Date.now() > end) throw new Error(`expected ${count} email(s) to ${address}`);
      await sleep(50);
    }
    const text = mailsTo(address)[count - 1]!.parsed.text ?? '';
    return /http:\/\/localhost:3000\/studio\/password-reset\/([A-Za-z0-9_-]{20,})/.exec(text)![1]!;
  };

  beforeAll(async () => {
    h = await startHarness();
    sink = await startSmtpSink();
    mailer = createMailer({ smtpUrl: sink.url, outboxDir: '/nonexistent' });
    workers = await startWorkers({
      redisUrl: 'redis://127.0.0.1:6379',
      prefix: h.prefix,
      mode: 'test',
      logger: pino({ level: 'silent' }),
      now: () => h.clock.now,
      mail: {
        db: h.database.db,
        mailer,
        publicUrl: 'http://localhost:3000',
        linkKey: TEST_LINK_KEY,
        mailFrom: 'démocratieS <equipe@democraties.example>',
      },
    });
  });
  afterAll(async () => {
    await workers?.close(5_000);
    await mailer?.close();
    await sink?.close();
    await h?.close();
  });

  it('changes the password once, ends every session of the account and lifts its soft lock', async () => {
    h.clock.now = new Date('2026-03-02T09:00:00Z');
    const email = 'reset.me@example.org';
    const user = await h.createStaff('editor', email);
    const office = client();
    const phone = client();
    expect((await office.login(email)).statusCode).toBe(200);
    expect((await phone.login(email)).statusCode).toBe(200);
    const stranger = client();
    for (let i = 0; i < 5; i++) expect((await stranger.login(email, 'pas le bon')).statusCode).toBe(401);
    expect((await findUserForLogin(h.database.db, email))!.lockedUntil).not.toBeNull();

    const asked = await ask('Reset.Me@example.org');
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toEqual({ ok: true });
    const token = await tokenOf(email, 1);
    const anyone = client();
    const link = await anyone.request('GET', `/api/password-reset/${token}`);
    expect(link.statusCode).toBe(200);
    expect(link.json()).toEqual({ email, name: '' });

    // a weak password is refused, in French, and the link still works
    const weak = await anyone.request('POST', `/api/password-reset/${token}`, { password: 'motdepasse123' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('VALIDATION');
    expect(weak.json().error.issues[0].path).toBe('password');
    const done = await anyone.request('POST', `/api/password-reset/${token}`, { password: NEW_PASSWORD });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ ok: true });

    // every session of the account is gone: both browsers are signed out
    for (const browser of [office, phone]) {
      expect((await browser.request('GET', '/api/session')).json().user).toBeNull();
      expect((await browser.request('GET', '/api/users')).statusCode).toBe(401);
    }
    const row = (await findUserForLogin(h.database.db, email))!;
    expect(row.failedLogins).toBe(0);
    expect(row.lockedUntil).toBeNull();
    expect((await office.login(email, PASSWORD)).statusCode).toBe(401);
    expect((await office.login(email, NEW_PASSWORD)).statusCode).toBe(200);

    // single use
    for (const again of [
      await anyone.request('POST', `/api/password-reset/${token}`, { password: 'une-autre-phrase-de-passe-41' }),
      await anyone.request('GET', `/api/password-reset/${token}`),
    ]) {
      expect(again.statusCode).toBe(410);
      expect(again.json().error.code).toBe('RESET_INVALID');
    }
    expect((await office.login(email, NEW_PASSWORD)).statusCode).toBe(200);

    const [entry] = (await listAudit(h.database.db, { limit: 50 })).filter((e) => e.action === 'password_reset');
    expect(entry).toMatchObject({ actorId: user.id, targetId: user.id, data: { sessionsEnded: 2 } });
    // neither the address nor the token in any log line
    const logs = h.logLines.join('\n');
    expect(logs).not.toContain(token);
    expect(logs.toLowerCase()).not.toContain(email);
  });

  it('expires the link an hour after the email, and a newer link works', async () => {
    h.clock.now = new Date('2026-03-03T09:00:00Z');
    const email = 'horloge@example.org';
    await h.createStaff('author', email);
    await ask(email);
    const token = await tokenOf(email, 1);
    h.clock.now = new Date(h.clock.now.getTime() + 59 * MINUTE);
    expect((await client().request('GET', `/api/password-reset/${token}`)).statusCode).toBe(200);
    h.clock.now = new Date(h.clock.now.getTime() + 2 * MINUTE);
    const late = await client().request('POST', `/api/password-reset/${token}`, { password: NEW_PASSWORD });
    expect(late.statusCode).toBe(410);
    expect(late.json().error).toMatchObject({
      code: 'RESET_INVALID',
      message: expect.stringContaining('plus valable'),
    });
    expect((await client().request('GET', `/api/password-reset/${token}`)).statusCode).toBe(410);
    await ask(email);
    const fresh = await tokenOf(email, 2);
    expect(
      (await client().request('POST', `/api/password-reset/${fresh}`, { password: NEW_PASSWORD })).statusCode,
    ).toBe(200);
  });

  it('answers alike for unknown, deactivated and limited addresses; 3 emails per account per hour', async () => {
    h.clock.now = new Date('2026-03-04T09:00:00Z');
    const email = 'souvent@example.org';
    await h.createStaff('sender', email);
    const gone = await h.createStaff('sender', 'partie@example.org');
    await updateUser(h.database.db, { id: gone.id, status: 'deactivated' });
    const answers = [
      ...(await Promise.all([1, 2, 3, 4].map(() => ask(email)))),
      await ask('inconnue@example.org'),
      await ask('partie@example.org'),
    ];
    for (const answer of answers) {
      expect(answer.statusCode).toBe(202);
      expect(answer.body).toBe(answers[0]!.body);
      expect(Object.keys(answer.headers).sort()).toEqual(Object.keys(answers[0]!.headers).sort());
    }
    await tokenOf(email, PASSWORD_RESET_LIMITS.perAccountPerHour);
    await sleep(1_000);
    expect(mailsTo(email)).toHaveLength(3);
    expect(mailsTo('inconnue@example.org')).toHaveLength(0);
    expect(mailsTo('partie@example.org')).toHaveLength(0);
    // an hour later the account may ask again
    h.clock.now = new Date(h.clock.now.getTime() + 61 * MINUTE);
    await ask(email);
    await tokenOf(email, 4);
  });

  it('limits requests per IP address', async () => {
    const from = h.client('203.0.113.77');
    for (let i = 0; i < PASSWORD_RESET_LIMITS.perIpPerMinute; i++)
      expect((await ask(`ip${i}@example.org`, from)).statusCode).toBe(202);
    const refused = await ask('ip-last@example.org', from);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect((await ask('ip-last@example.org', h.client('203.0.113.78'))).statusCode).toBe(202);
  });

  it('takes as long for an unknown or deactivated address as for an account that gets an email', async () => {
    await workers.close(5_000); // no email work in this process while timing
    const states = ['unknown', 'active', 'deactivated'] as const;
    await h.createStaff('author', 'chrono@example.org');
    const off = await h.createStaff('author', 'chrono.off@example.org');
    await updateUser(h.database.db, { id: off.id, status: 'deactivated' });
    const address = { unknown: 'chrono.inconnu@example.org', active: 'chrono@example.org', deactivated: off.email };
    const times: Record<(typeof states)[number], number[]> = { unknown: [], active: [], deactivated: [] };
    const ROUNDS = 60;
    const WARM_UP = 10;
    for (let round = 0; round < WARM_UP + ROUNDS; round++) {
      // an hour on each round: the account is never over its limit, so it always gets a reset and its email
      h.clock.now = new Date(h.clock.now.getTime() + 61 * MINUTE);
      for (const state of [...states].sort(() => Math.random() - 0.5)) {
        const c = h.client(`192.0.2.${(round % 200) + 1}`);
        await c.refreshCsrf();
        const began = performance.now();
        const res = await ask(address[state], c);
        const took = performance.now() - began;
        expect(res.statusCode).toBe(202);
        await sleep(3); // the enqueue after the answer is not timed in the next request
        if (round >= WARM_UP) times[state].push(took);
      }
    }
    const medians = states.map((s) => median(times[s]));
    const spread = Math.max(...medians) - Math.min(...medians);
    console.log(JSON.stringify({ bench: 'password_reset.median_ms_by_state', medians, spread }));
    expect(spread < 2 || Math.max(...medians) < 1.25 * Math.min(...medians), JSON.stringify(medians)).toBe(true);
  }, 120_000);
});
