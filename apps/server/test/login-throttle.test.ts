import { performance } from 'node:perf_hooks';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findUserForLogin, listAudit, updateUser } from '@crieur/db';
import { PASSWORD, startHarness, type Client, type Harness } from './harness';

const WRONG = 'pas le bon mot de passe';

/** What a stranger can compare between two answers: status, body and which headers are sent. */
function visible(res: LightMyRequestResponse) {
  return { status: res.statusCode, body: res.json(), headers: Object.keys(res.headers).sort() };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[4]! + sorted[5]!) / 2;
}

async function failFiveTimes(client: Client, email: string): Promise<void> {
  for (let i = 0; i < 5; i++) expect((await client.login(email, WRONG)).statusCode).toBe(401);
}

describe('login answers that tell nothing about accounts (PostgreSQL)', () => {
  let h: Harness;
  const start = new Date('2026-03-02T09:00:00Z');
  beforeAll(async () => {
    h = await startHarness({ deps: { login: { perIpPerMinute: 10_000, failuresPerIp: 10_000 } } });
  });
  afterAll(() => h.close());
  afterEach(() => {
    h.clock.now = start;
  });

  it('answers unknown, locked, deactivated and wrong-password logins alike', async () => {
    const wrong = await h.createStaff('editor');
    const locked = await h.createStaff('author');
    const gone = await h.createStaff('sender');
    await updateUser(h.database.db, { id: gone.id, status: 'deactivated' });
    await failFiveTimes(h.client('198.51.100.1'), locked.email);

    const answers = [
      await h.client('203.0.113.1').login('personne@example.org', WRONG),
      await h.client('203.0.113.2').login(wrong.email, WRONG),
      await h.client('203.0.113.3').login(locked.email, WRONG),
      await h.client('203.0.113.4').login(locked.email, PASSWORD), // the right password, from a stranger's device
      await h.client('203.0.113.5').login(gone.email, PASSWORD),
    ].map(visible);
    expect(answers[0]).toMatchObject({ status: 401, body: { error: { code: 'INVALID_CREDENTIALS' } } });
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
    expect(answers[0]!.headers).not.toContain('set-cookie');
    expect(answers[0]!.body).not.toHaveProperty('error.retryAfterSeconds');
  });

  it('takes about as long for unknown, locked and wrong-password logins (medians within 30 ms)', async () => {
    const locked = await h.createStaff('author');
    await failFiveTimes(h.client('198.51.100.2'), locked.email);
    // a wrong password counts: spread the tries over accounts so none of them gets locked
    const wrong = await Promise.all([1, 2, 3, 4].map(() => h.createStaff('editor')));
    const cases = {
      unknown: (c: Client, i: number) => c.login(`inconnu-${i}@example.org`, WRONG),
      locked: (c: Client) => c.login(locked.email, WRONG),
      wrong: (c: Client, i: number) => c.login(wrong[(i + 4) % 4]!.email, WRONG),
    };
    const times: Record<keyof typeof cases, number[]> = { unknown: [], locked: [], wrong: [] };
    for (let i = -2; i < 10; i++) {
      // rotate the order: the first request of a round tends to pay for the previous one's garbage
      const order = (['unknown', 'locked', 'wrong'] as const).map((_, k, all) => all[(k + i + 3) % 3]!);
      for (const name of order) {
        const client = h.client('203.0.113.13');
        await client.refreshCsrf(); // outside the measure
        const began = performance.now();
        const res = await cases[name](client, i);
        const took = performance.now() - began;
        expect(res.statusCode).toBe(401);
        if (i >= 0) times[name].push(took); // the first rounds warm up
      }
    }
    const medians = Object.values(times).map(median);
    expect(Math.max(...medians) - Math.min(...medians), JSON.stringify(medians)).toBeLessThan(30);
    expect((await findUserForLogin(h.database.db, wrong[0]!.email))?.lockedUntil).toBeNull();
  });

  it("lets the real person in from a known browser or IP while a stranger's failures lock the account", async () => {
    const staff = await h.createStaff('editor');
    const stranger = h.client('198.51.100.66');
    const laptop = h.client('192.0.2.10'); // the person's usual browser, at the office
    expect((await laptop.login(staff.email)).statusCode).toBe(200);

    await failFiveTimes(stranger, staff.email);
    const lockedRow = await findUserForLogin(h.database.db, staff.email);
    expect(lockedRow?.lockedUntil?.getTime()).toBe(h.clock.now.getTime() + 60_000);
    // during the lock, a new device elsewhere gets the usual answer even with the right password
    expect((await h.client('203.0.113.50').login(staff.email)).json().error.code).toBe('INVALID_CREDENTIALS');
    // the known browser, away from the office (another IP), gets in
    const away = h.client('192.0.2.99');
    away.setCookie('crieur_device', laptop.cookie('crieur_device')!);
    expect((await away.login(staff.email)).statusCode).toBe(200);

    await failFiveTimes(stranger, staff.email);
    // a new browser at the office's IP (where the person logged in before) gets in too
    expect((await h.client('192.0.2.10').login(staff.email)).statusCode).toBe(200);

    await failFiveTimes(stranger, staff.email);
    const newDevice = h.client('203.0.113.51');
    expect((await newDevice.login(staff.email)).statusCode).toBe(401);
    h.clock.now = new Date(start.getTime() + 61_000); // the soft lock is short
    expect((await newDevice.login(staff.email)).statusCode).toBe(200);

    const actions = (await listAudit(h.database.db, { limit: 200 }))
      .filter((e) => e.targetId === staff.id)
      .map((e) => `${e.action}${e.data.reason ? `:${String(e.data.reason)}` : ''}`)
      .reverse();
    expect(actions.filter((a) => a === 'login_locked:lock_started')).toHaveLength(3);
    expect(actions).toContain('login_failed:locked');
    expect(actions.filter((a) => a === 'login')).toHaveLength(4);
  });

  it('doubles the soft lock at each further batch of failures, and a login resets it', async () => {
    const staff = await h.createStaff('author');
    const stranger = h.client('198.51.100.77');
    await failFiveTimes(stranger, staff.email);
    // while locked, a stranger's tries are not even weighed: they neither count nor extend the lock
    for (let i = 0; i < 5; i++) await stranger.login(staff.email, WRONG);
    expect((await findUserForLogin(h.database.db, staff.email))?.failedLogins).toBe(5);
    h.clock.now = new Date(start.getTime() + 61_000);
    await failFiveTimes(stranger, staff.email);
    const row = await findUserForLogin(h.database.db, staff.email);
    expect(row?.lockedUntil?.getTime()).toBe(h.clock.now.getTime() + 2 * 60_000);
    h.clock.now = new Date(start.getTime() + 61_000 + 121_000);
    expect((await h.client('192.0.2.40').login(staff.email)).statusCode).toBe(200);
    expect(await findUserForLogin(h.database.db, staff.email)).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });
});

describe('failed logins per IP (shared through Redis)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ deps: { login: { perIpPerMinute: 10_000, failuresPerIp: 4 } } });
  });
  afterAll(() => h.close());

  it('makes an IP wait after a few failures, whatever accounts it tried, and only that IP', async () => {
    const staff = await h.createStaff('editor');
    const ip = '203.0.113.200';
    const attacker = h.client(ip);
    const codes: number[] = [];
    for (const email of ['a@example.org', staff.email, 'b@example.org', staff.email]) {
      codes.push((await attacker.login(email, WRONG)).statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 401]);
    const unknown = await attacker.login('c@example.org', WRONG);
    const known = await attacker.login(staff.email, PASSWORD);
    expect(unknown.statusCode).toBe(429);
    expect(unknown.json().error.code).toBe('RATE_LIMITED');
    expect(unknown.json().error.retryAfterSeconds).toBeGreaterThan(0);
    expect(unknown.json().error.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(visible(known)).toEqual(visible(unknown)); // says nothing about the account
    expect(await h.redis.exists(`${h.prefix}:login-failures:ip:${ip}`)).toBe(1);

    // the person, from anywhere else, is not held up; four failures did not lock the account
    expect((await h.client('192.0.2.1').login(staff.email)).statusCode).toBe(200);
    const throttled = (await listAudit(h.database.db, { limit: 50 })).filter((e) => e.action === 'login_ip_throttled');
    expect(throttled).toHaveLength(1);
    expect(throttled[0]).toMatchObject({ ip, data: { failures: 4 } });
  });
});
