import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendAudit,
  createSession,
  createUser,
  DuplicateEmailError,
  ensureFirstAdmin,
  findActiveSession,
  findUserForLogin,
  hasLoggedInFrom,
  listAudit,
  listLists,
  recordFailedLogin,
  type Database,
} from '../src';
import { bothBackends } from '../src/testing';

// the same behaviour on real PostgreSQL and on embedded PGlite
const backends = bothBackends('db');

describe.each(backends)('database on %s', (_name, open) => {
  let database: Database;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ database, cleanup } = await open());
    await database.migrate();
    await database.migrate(); // applying twice is a no-op
  });
  afterAll(() => cleanup());

  it('seeds the three lists of DESIGN.md', async () => {
    const lists = await listLists(database.db);
    expect(lists.map((l) => [l.slug, l.visibility, l.legalBasis])).toEqual([
      ['membres', 'public', 'consent'],
      ['adherents', 'private', 'legitimate_interest'],
      ['democraties', 'public', 'consent'],
    ]);
  });

  it('creates the first admin on an empty database, once only', async () => {
    const expiresAt = new Date(Date.now() + 3600_000);
    const both = await Promise.all([
      ensureFirstAdmin(database.db, { email: 'admin@localhost', tokenHash: 'h1', expiresAt }),
      ensureFirstAdmin(database.db, { email: 'admin@localhost', tokenHash: 'h2', expiresAt }),
    ]);
    expect(both.filter(Boolean)).toEqual([{ email: 'admin@localhost' }]);
    expect(
      await ensureFirstAdmin(database.db, { email: 'admin@localhost', tokenHash: 'h3', expiresAt }),
    ).toBeUndefined();
    expect((await findUserForLogin(database.db, 'admin@localhost'))?.status).toBe('invited');
  });

  it('keeps emails unique without regard to case', async () => {
    await createUser(database.db, { email: 'Claire@Example.org', role: 'editor', status: 'active' });
    await expect(
      createUser(database.db, { email: 'claire@example.ORG', role: 'author', status: 'active' }),
    ).rejects.toBeInstanceOf(DuplicateEmailError);
    expect((await findUserForLogin(database.db, 'CLAIRE@example.org'))?.role).toBe('editor');
  });

  it('counts failed logins and locks for as long as the policy says', async () => {
    const user = await createUser(database.db, { email: 'lock@example.org', role: 'author', status: 'active' });
    const now = new Date();
    const lockMsFor = (failures: number) => (failures === 5 ? 60_000 : 0);
    for (let i = 1; i < 5; i++) {
      const counted = await recordFailedLogin(database.db, { id: user.id, now, lockMsFor });
      expect(counted).toEqual({ failures: i, lockedUntil: null });
    }
    const locked = await recordFailedLogin(database.db, { id: user.id, now, lockMsFor });
    expect(locked).toEqual({ failures: 5, lockedUntil: new Date(now.getTime() + 60_000) });
    const row = await findUserForLogin(database.db, 'lock@example.org');
    expect(row?.lockedUntil?.getTime()).toBe(now.getTime() + 60_000);
  });

  it('tells whether a user logged in from an IP lately, from the audit log', async () => {
    const user = await createUser(database.db, { email: 'ip@example.org', role: 'author', status: 'active' });
    const target = { targetType: 'user', targetId: user.id };
    await appendAudit(database.db, { action: 'login', actorId: user.id, ...target, ip: '192.0.2.5' });
    await appendAudit(database.db, { action: 'login_failed', ...target, ip: '198.51.100.5' });
    const since = new Date(Date.now() - 3600_000);
    expect(await hasLoggedInFrom(database.db, { userId: user.id, ip: '192.0.2.5', since })).toBe(true);
    expect(await hasLoggedInFrom(database.db, { userId: user.id, ip: '198.51.100.5', since })).toBe(false);
    const later = new Date(Date.now() + 3600_000);
    expect(await hasLoggedInFrom(database.db, { userId: user.id, ip: '192.0.2.5', since: later })).toBe(false);
  });

  it('finds sessions until they expire', async () => {
    const user = await createUser(database.db, { email: 'session@example.org', role: 'sender', status: 'active' });
    const now = new Date('2026-01-01T10:00:00Z');
    await createSession(database.db, {
      idHash: 'abc',
      userId: user.id,
      now,
      expiresAt: new Date('2026-01-01T12:00:00Z'),
    });
    expect((await findActiveSession(database.db, { idHash: 'abc', now }))?.user.email).toBe('session@example.org');
    expect(
      await findActiveSession(database.db, { idHash: 'abc', now: new Date('2026-01-01T12:00:01Z') }),
    ).toBeUndefined();
    expect(await findActiveSession(database.db, { idHash: 'other', now })).toBeUndefined();
  });

  it('keeps the audit log append-only', async () => {
    await appendAudit(database.db, { action: 'login', targetType: 'user', targetId: 'x', ip: '127.0.0.1' });
    const [entry] = await listAudit(database.db, { limit: 1 });
    expect(entry?.action).toBe('login');
    await expect(database.db.execute(sql`update audit_log set action = 'tampered'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    expect((await listAudit(database.db, { limit: 10 })).map((e) => e.action)).toContain('login');
  });
});
