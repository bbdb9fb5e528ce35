import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '@crieur/auth';
import { ensureFirstAdmin } from '@crieur/db';
import { PASSWORD, startHarness, type Harness } from './harness';
import { inviteWithLink } from './invitation-link';

describe('the embedded path (PGlite)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ backend: 'pglite' });
  });
  afterAll(() => h.close());

  it('takes the first admin from invitation to a working session', async () => {
    const token = newToken();
    await ensureFirstAdmin(h.database.db, {
      email: 'admin@localhost',
      tokenHash: hashToken(token),
      expiresAt: new Date('2026-03-09T09:00:00Z'),
    });
    const c = h.client();
    expect((await c.request('GET', `/api/invitations/${token}`)).json().email).toBe('admin@localhost');
    expect(
      (await c.request('POST', `/api/invitations/${token}/accept`, { name: 'Camille', password: PASSWORD })).statusCode,
    ).toBe(200);
    const users = await c.request('GET', '/api/users');
    expect(users.statusCode).toBe(200);
    expect(users.json().users).toMatchObject([
      { email: 'admin@localhost', role: 'admin', status: 'active', name: 'Camille' },
    ]);
    const lists = (await c.request('GET', '/api/lists')).json().lists;
    expect(lists.map((l: { slug: string }) => l.slug)).toEqual(['membres', 'adherents', 'democraties']);
  });

  it('refuses an expired invitation', async () => {
    const token = newToken();
    const c = h.client();
    const admin = await h.createStaff('admin');
    await c.login(admin.email);
    const { inviteUrl } = await inviteWithLink(h, c, { email: 'late@example.org', role: 'editor' });
    const start = h.clock.now;
    h.clock.now = new Date(start.getTime() + 8 * 24 * 3600_000);
    try {
      const res = await h.client().request('GET', `/api/invitations/${inviteUrl.split('/').pop()}`);
      expect(res.statusCode).toBe(410);
      expect(res.json().error.code).toBe('INVITATION_INVALID');
    } finally {
      h.clock.now = start;
    }
    expect((await h.client().request('GET', `/api/invitations/${token}`)).statusCode).toBe(410);
  });

  it('reports health of the database and Redis', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'ok', redis: 'ok' });
  });
});

describe('health when Redis is down', () => {
  let h: Harness;
  beforeAll(async () => {
    const dead = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    dead.on('error', () => undefined);
    h = await startHarness({ backend: 'pglite', deps: { redis: dead } });
  });
  afterAll(() => h.close());

  it('answers 503 and names Redis', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'degraded', database: 'ok', redis: 'error' });
  });
});
