// The legal pages' queries, on PostgreSQL and on PGlite (`pnpm start`'s database): seeded, updated, audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSession,
  createUser,
  getLegalPage,
  listAudit,
  listLegalPages,
  NotFoundError,
  SESSION_MAX_DAYS,
  touchSession,
  updateLegalPage,
  type Database,
} from '../src';
import { sessions } from '../src/schema';
import { bothBackends } from '../src/testing';

describe.each(bothBackends('legal'))('legal pages on %s', (_name, open) => {
  let database: Database;
  let cleanup: () => Promise<void>;
  let userId: string;

  beforeAll(async () => {
    ({ database, cleanup } = await open());
    await database.migrate();
    userId = (await createUser(database.db, { email: 'camille@icpc.example', role: 'admin', status: 'active' })).id;
  });
  afterAll(() => cleanup());

  it('lists the three seeded pages in the footer’s order', async () => {
    const pages = await listLegalPages(database.db);
    expect(pages.map((p) => [p.slug, p.title, p.fields])).toEqual([
      ['mentions-legales', 'Mentions légales', {}],
      ['confidentialite', 'Politique de confidentialité', {}],
      ['contact', 'Contact', {}],
    ]);
    expect(await getLegalPage(database.db, 'cgu')).toBeNull();
  });

  it('replaces a page and audits the parts that changed (names only, never values)', async () => {
    const now = new Date('2026-12-06T10:00:00Z');
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Bonjour' }] }] };
    const saved = await updateLegalPage(database.db, {
      slug: 'contact',
      title: 'Nous écrire',
      body,
      fields: { email: 'ecrire@icpc.example' },
      userId,
      ip: '192.0.2.1',
      now,
    });
    expect(saved).toMatchObject({ slug: 'contact', title: 'Nous écrire', updatedBy: userId, updatedAt: now });
    expect(await getLegalPage(database.db, 'contact')).toEqual(saved);
    const [entry] = await listAudit(database.db, { limit: 1 });
    expect(entry).toMatchObject({ action: 'legal_page_updated', targetId: 'contact', ip: '192.0.2.1' });
    expect(entry!.data).toEqual({ fields: ['title', 'body', 'email'] });
    expect(JSON.stringify(entry)).not.toContain('ecrire@');

    // the same save again changes nothing worth an entry
    await updateLegalPage(database.db, {
      slug: 'contact',
      title: 'Nous écrire',
      body,
      fields: saved.fields,
      userId,
      now,
    });
    expect((await listAudit(database.db, { limit: 1 }))[0]!.id).toBe(entry!.id);
    await expect(
      updateLegalPage(database.db, { slug: 'cgu', title: 'x', body, fields: {}, userId, now }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('ends a session at most SESSION_MAX_DAYS after login, however active', async () => {
    const login = new Date('2026-01-01T00:00:00Z');
    await createSession(database.db, { idHash: 'h1', userId, now: login, expiresAt: new Date('2026-01-01T12:00:00Z') });
    await touchSession(database.db, { idHash: 'h1', now: login, expiresAt: new Date('2026-03-01T00:00:00Z') });
    const [row] = await database.db.select().from(sessions);
    expect(row!.expiresAt.getTime()).toBe(login.getTime() + SESSION_MAX_DAYS * 24 * 3600_000);
  });
});
