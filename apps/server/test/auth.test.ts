import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '@crieur/db';
import { PASSWORD, startHarness, type Harness } from './harness';
import { inviteWithLink, issueInvitationLink } from './invitation-link';

describe('staff authentication (PostgreSQL)', () => {
  let h: Harness;
  beforeAll(async () => {
    const login = { perIpPerMinute: 1000, failuresPerIp: 1000 };
    h = await startHarness({ deps: { login, sessionIdleMs: 2 * 3600_000 } });
  });
  afterAll(() => h.close());

  it('logs in with the right password and sets an httpOnly SameSite session cookie', async () => {
    const editor = await h.createStaff('editor');
    const c = h.client();
    const res = await c.login(editor.email.toUpperCase());
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ email: editor.email, role: 'editor' });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/crieur_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect((await c.request('GET', '/api/session')).json().user.email).toBe(editor.email);
  });

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const author = await h.createStaff('author');
    const wrong = await h.client().login(author.email, 'not the password');
    const unknown = await h.client().login('nobody@example.org', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().error).toEqual(wrong.json().error);
  });

  // soft locks, known browsers and per-IP limits: login-throttle.test.ts

  it('ends a session after its idle time', async () => {
    const editor = await h.createStaff('editor');
    const c = h.client();
    await c.login(editor.email);
    const start = h.clock.now;
    try {
      h.clock.now = new Date(start.getTime() + 3600_000); // still within 2 h
      expect((await c.request('GET', '/api/lists')).statusCode).toBe(200);
      h.clock.now = new Date(start.getTime() + 3 * 3600_000 + 1000); // slid to +3 h, now past
      expect((await c.request('GET', '/api/session')).json().user).toBeNull();
      const res = await c.request('GET', '/api/lists');
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    } finally {
      h.clock.now = start;
    }
  });

  it('rejects state-changing requests without a valid CSRF token', async () => {
    const admin = await h.createStaff('admin');
    const c = h.client();
    const noToken = await c.request('POST', '/api/login', { email: admin.email, password: PASSWORD }, { csrf: false });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF_INVALID');
    await c.login(admin.email);
    // a token minted for another browser (another secret cookie) does not pass
    const other = h.client();
    await other.refreshCsrf();
    c.csrfToken = other.csrfToken;
    const forged = await c.request('POST', '/api/users/invitations', { email: 'x@example.org', role: 'author' });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('CSRF_INVALID');
    await c.refreshCsrf();
    expect(
      (await c.request('POST', '/api/users/invitations', { email: 'x@example.org', role: 'author' })).statusCode,
    ).toBe(201);
  });

  it('logs out and the old cookie opens nothing', async () => {
    const editor = await h.createStaff('editor');
    const c = h.client();
    await c.login(editor.email);
    const token = c.cookie('crieur_session');
    expect((await c.request('POST', '/api/logout')).statusCode).toBe(204);
    const replay = await h.app.inject({
      method: 'GET',
      url: '/api/lists',
      headers: { cookie: `crieur_session=${token}` },
    });
    expect(replay.statusCode).toBe(401);
  });

  it('invites, accepts once, changes role, deactivates at once, and audits it all', async () => {
    const admin = await h.createStaff('admin');
    const a = h.client();
    await a.login(admin.email);
    const invite = await a.request('POST', '/api/users/invitations', {
      email: 'nouvelle@example.org',
      name: 'Nora',
      role: 'author',
    });
    expect(invite.statusCode).toBe(201);
    // no link in the answer: it goes by email (the outbox here), made when the mail worker sends it
    expect(invite.json()).toMatchObject({ emailQueued: true, outbox: true, renewed: false });
    expect(invite.body).not.toMatch(/invitation\//);
    const { user } = invite.json();
    expect(user.status).toBe('invited');
    const { token } = await issueInvitationLink(h, user.id);

    const guest = h.client();
    expect((await guest.request('GET', `/api/invitations/${token}`)).json()).toEqual({
      email: 'nouvelle@example.org',
      name: 'Nora',
    });
    const short = await guest.request('POST', `/api/invitations/${token}/accept`, { name: 'Nora', password: 'court' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.issues[0].path).toBe('password');
    for (const weak of ['aaaaaaaaaaaa', 'password1234', 'motdepasse123', 'azertyuiop12', 'nouvelle-2026']) {
      const refused = await guest.request('POST', `/api/invitations/${token}/accept`, { name: 'Nora', password: weak });
      expect(refused.statusCode, weak).toBe(400);
      const message = expect.stringMatching(/trop facile à deviner/);
      expect(refused.json().error.issues[0]).toMatchObject({ path: 'password', message });
    }
    const accepted = await guest.request('POST', `/api/invitations/${token}/accept`, {
      name: 'Nora N.',
      password: PASSWORD,
    });
    expect(accepted.statusCode).toBe(200);
    expect((await guest.request('GET', '/api/session')).json().user).toMatchObject({
      email: 'nouvelle@example.org',
      role: 'author',
      name: 'Nora N.',
    });
    expect(
      (await h.client().request('POST', `/api/invitations/${token}/accept`, { name: 'X', password: PASSWORD })).json()
        .error.code,
    ).toBe('INVITATION_INVALID');

    expect((await a.request('PATCH', `/api/users/${user.id}`, { role: 'editor' })).json().user.role).toBe('editor');
    expect((await a.request('PATCH', `/api/users/${admin.id}`, { role: 'author' })).json().error.code).toBe(
      'CANNOT_CHANGE_SELF',
    );
    expect((await a.request('PATCH', `/api/users/${user.id}`, { status: 'deactivated' })).json().user.status).toBe(
      'deactivated',
    );
    expect((await guest.request('GET', '/api/lists')).statusCode).toBe(401);
    expect((await h.client().login('nouvelle@example.org')).statusCode).toBe(401);
    expect((await a.request('PATCH', `/api/users/${user.id}`, { status: 'active' })).json().user.status).toBe('active');

    const actions = (await listAudit(h.database.db, { limit: 100 }))
      .filter((e) => e.targetId === user.id)
      .map((e) => e.action)
      .reverse();
    expect(actions).toEqual([
      'user_invited',
      'invitation_accepted',
      'user_role_changed',
      'user_deactivated',
      'login_failed',
      'user_reactivated',
    ]);
  });

  it('never renews nor renames by inviting again; resending makes the newest email the one that works', async () => {
    const admin = await h.createStaff('admin');
    const a = h.client();
    await a.login(admin.email);
    const first = await inviteWithLink(h, a, { email: 'twice@example.org', role: 'author' });
    const again = await a.request('POST', '/api/users/invitations', { email: 'Twice@example.org', role: 'editor' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'DUPLICATE_EMAIL',
      existing: { id: first.user.id, role: 'author' },
    });
    expect((await a.request('POST', `/api/users/${first.user.id}/invitation`)).statusCode).toBe(202);
    const second = await issueInvitationLink(h, first.user.id);
    expect((await h.client().request('GET', `/api/invitations/${first.token}`)).statusCode).toBe(410);
    expect((await h.client().request('GET', `/api/invitations/${second.token}`)).statusCode).toBe(200);
    // deactivated then reactivated before accepting: back to invited, not active without a password
    await a.request('PATCH', `/api/users/${first.user.id}`, { status: 'deactivated' });
    expect((await a.request('PATCH', `/api/users/${first.user.id}`, { status: 'active' })).json().user.status).toBe(
      'invited',
    );
    const taken = await a.request('POST', '/api/users/invitations', { email: admin.email, role: 'author' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('DUPLICATE_EMAIL');
  });

  it('keeps passwords, tokens and cookies out of the logs', async () => {
    const admin = await h.createStaff('admin');
    const a = h.client();
    await a.login(admin.email);
    const { token } = await inviteWithLink(h, a, { email: 'logs@example.org', role: 'sender' });
    await h.client().request('GET', `/api/invitations/${token}`);
    const logs = h.logLines.join('\n');
    expect(logs).toContain('/api/invitations/:token');
    expect(logs).not.toContain(token);
    expect(logs).not.toContain(PASSWORD);
    expect(logs).not.toContain(a.cookie('crieur_session')!);
    expect(logs).not.toContain(admin.email);
  });

  it('sends security headers', async () => {
    const res = await h.client().request('GET', '/api/session');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });
});

describe('login rate limit (PostgreSQL, shared through Redis)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ deps: { login: { perIpPerMinute: 3 } } });
  });
  afterAll(() => h.close());

  it('answers 429 past the limit per IP', async () => {
    const c = h.client();
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await c.login('someone@example.org', 'wrong password')).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    const limited = await c.login('someone@example.org', 'wrong password');
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect((await h.redis.keys(`${h.prefix}:ratelimit:*`)).length).toBeGreaterThan(0);
  });
});
