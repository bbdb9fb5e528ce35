import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@crieur/auth';
import { registerAccessControl } from '../src/auth/register-access';
import { ROUTE_ACCESS } from '../src';
import { startHarness, type Client, type Harness } from './harness';

// Fill path parameters with values that reach the handler (they may then 400 or 404).
const SAMPLE_PARAMS: Record<string, string> = {
  id: '00000000-0000-4000-8000-000000000000',
  token: 'x'.repeat(43),
  revisionId: '1',
  slug: 'membres',
  list: 'membres',
  month: '2025-01',
  year: '2025',
};

function sampleUrl(pattern: string): string {
  return pattern.replace(/:([a-zA-Z]+)/g, (_, name: string) => SAMPLE_PARAMS[name] ?? 'sample');
}

describe('the role × route table, route by route (PostgreSQL)', () => {
  let h: Harness;
  const clients = new Map<Role | 'anonymous', Client>();

  beforeAll(async () => {
    h = await startHarness();
    clients.set('anonymous', h.client());
    for (const role of ROLES) {
      const staff = await h.createStaff(role);
      const c = h.client();
      expect((await c.login(staff.email)).statusCode).toBe(200);
      await c.refreshCsrf();
      clients.set(role, c);
    }
  });
  afterAll(() => h.close());

  const cases = Object.entries(ROUTE_ACCESS).flatMap(([key, access]) =>
    (['anonymous', ...ROLES] as const).map((who) => ({ key, access, who })),
  );

  it.each(cases)('$key as $who', async ({ key, access, who }) => {
    const [method, pattern] = key.split(' ') as [string, string];
    // logout would end the shared session: it is public and tested in auth.test.ts
    if (key === 'POST /api/logout') return expect(access).toBe('public');
    const res = await clients.get(who)!.request(method, sampleUrl(pattern), method === 'GET' ? undefined : {});
    const allowed = access === 'public' || (who !== 'anonymous' && (access as readonly string[]).includes(who));
    if (allowed) {
      expect([401, 403]).not.toContain(res.statusCode);
    } else if (who === 'anonymous') {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    } else {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('has no entry for a route the server lacks', () => {
    for (const key of Object.keys(ROUTE_ACCESS)) {
      const [method, url] = key.split(' ') as [string, string];
      expect(h.app.hasRoute({ method: method as 'GET', url }), key).toBe(true);
    }
  });

  it('refuses to start with an /api route missing from the table', async () => {
    const app = Fastify();
    registerAccessControl(app, async () => undefined);
    expect(() => app.get('/api/forgotten', async () => 'open')).toThrow(
      /GET \/api\/forgotten has no entry in ROUTE_ACCESS/,
    );
  });
});
