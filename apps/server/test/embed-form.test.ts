// The embeddable subscribe form: admins allow sites; a post from an allowed site is a subscribe request like
// POST /subscribe, any other (another site, an opaque origin, none) is refused and leaves nothing behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedSnippet, parseEmbedOrigin } from '@crieur/api';
import { frenchTypography as fr } from '@crieur/content/typography';
import { startHarness, type Client, type Harness } from './harness';

const SITE = 'https://www.i-cpc.org';
const form = (fields: Record<string, string | string[]>) =>
  Object.entries(fields)
    .flatMap(([k, v]) => ([] as string[]).concat(v).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`))
    .join('&');

describe('embeddable subscribe form', () => {
  let h: Harness;
  let admin: Client;

  let visitor = 0;
  // a new address each time: the per-IP limit has its own test below
  const post = async (body: string, headers: Record<string, string>, ip = `203.0.113.${++visitor}`) => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/subscribe/embed',
      remoteAddress: ip,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...headers },
      payload: body,
    });
    await h.app.subscribeInbox.settled();
    return res;
  };
  const rows = async <T>(query: string) => ((await h.database.db.execute(query)) as unknown as { rows: T[] }).rows;
  const stored = () =>
    rows<{ email: string; form_id: string; text_version: string }>(
      'select s.email, c.form_id, c.text_version from confirmations c join subscribers s on s.id = c.subscriber_id',
    );
  const confirmJobs = async () =>
    (await h.mailQueue.getJobs(['waiting', 'delayed'])).filter((j) => (j.data as { type: string }).type === 'confirm');
  const setOrigins = (origins: string[]) => admin.request('PUT', '/api/embed-form', { origins });

  beforeAll(async () => {
    h = await startHarness({ env: { PUBLIC_URL: 'https://democraties.example' } });
    admin = h.client();
    await admin.login((await h.createStaff('admin')).email);
  });
  afterAll(() => h.close());

  it('admins only: editors, authors and senders can neither read nor change the allowed sites', async () => {
    for (const role of ['editor', 'author', 'sender'] as const) {
      const c = h.client();
      await c.login((await h.createStaff(role)).email);
      expect((await c.request('GET', '/api/embed-form')).statusCode).toBe(403);
      expect((await c.request('PUT', '/api/embed-form', { origins: [SITE] })).statusCode).toBe(403);
    }
    expect((await h.client().request('GET', '/api/embed-form')).statusCode).toBe(401);
  });

  it('validates each site in French, keeps one of each, 20 at most; a refused list changes nothing', async () => {
    const saved = await setOrigins([
      ' https://WWW.i-cpc.org/ ',
      SITE,
      'http://localhost:8080',
      'https://exemple.fr:8443',
    ]);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().embedForm.origins).toEqual([SITE, 'http://localhost:8080', 'https://exemple.fr:8443']);

    const bad = await setOrigins(['http://www.i-cpc.org', 'https://www.i-cpc.org/abonnement', 'i-cpc.org', SITE]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues).toEqual(
      [
        {
          path: 'origins.0',
          message:
            '« http://www.i-cpc.org » : seule une adresse en https:// est acceptée (http:// pour localhost seulement).',
        },
        {
          path: 'origins.1',
          message:
            '« https://www.i-cpc.org/abonnement » : indiquez le site seul, sans chemin ni paramètre, par exemple https://www.exemple.fr.',
        },
        {
          path: 'origins.2',
          message:
            '« i-cpc.org » n’est pas l’adresse d’un site : écrivez-la en entier, par exemple https://www.exemple.fr.',
        },
      ].map((issue) => ({ ...issue, message: fr(issue.message) })),
    );
    const many = Array.from({ length: 21 }, (_, i) => `https://site${i}.example`);
    expect((await setOrigins(many)).json().error.issues).toEqual([{ path: 'origins', message: 'Au plus 20 sites.' }]);
    // the same site 21 times is one site
    expect((await setOrigins(Array.from({ length: 21 }, () => SITE))).json().embedForm.origins).toEqual([SITE]);
    expect(parseEmbedOrigin('https://www.i-cpc.org?x=1')).toHaveProperty('error');
    expect(parseEmbedOrigin('javascript:alert(1)')).toHaveProperty('error');
    expect(parseEmbedOrigin('http://127.0.0.1:5173')).toEqual({ origin: 'http://127.0.0.1:5173' });
  });

  it('gives the studio a snippet: a plain form posting to the site, with the public lists and the honeypot', async () => {
    const { embedForm } = (await admin.request('GET', '/api/embed-form')).json();
    expect(embedForm.action).toBe('https://democraties.example/subscribe/embed');
    expect(embedForm.lists.map((l: { slug: string }) => l.slug).sort()).toEqual(['democraties', 'membres']);
    expect(embedForm.honeypot).toBe('website');
    expect(embedForm.notice).toContain('Nous vous écrirons d’abord pour confirmer.');
    const html = embedSnippet(embedForm, embedForm.lists.slice(0, 1));
    expect(html).toContain('<form action="https://democraties.example/subscribe/embed" method="post"');
    expect(html).not.toMatch(/<script|on\w+=/i);
    expect(html.match(/name="lists"/g)).toHaveLength(1);
    expect(html).toContain('name="website"');
    expect(html).toContain('<label for="abonnement-democraties-email">Adresse e-mail</label>');
  });

  it('an allowed site: the same answer as /subscribe, one confirmation queued, the consent kept with its form', async () => {
    await setOrigins([SITE]);
    const res = await post(form({ email: 'lea@example.org', name: 'Léa', lists: ['democraties'] }), {
      origin: SITE,
      'sec-fetch-site': 'cross-site',
    });
    expect(res.statusCode).toBe(202);
    expect(res.headers['access-control-allow-origin']).toBe(SITE);
    expect(res.headers.vary).toMatch(/Origin/);
    expect(res.body).toContain('Vérifiez votre boîte mail');
    expect(res.body).toContain(`<a href="${SITE}">Revenir sur www.i-cpc.org</a>`);
    expect(await stored()).toEqual([{ email: 'lea@example.org', form_id: 'embed', text_version: 'subscribe-2026-11' }]);
    expect(await confirmJobs()).toHaveLength(1);

    // the honeypot: the same page, nothing stored
    const robot = await post(form({ email: 'robot@example.org', lists: ['democraties'], website: 'x' }), {
      origin: SITE,
    });
    expect(robot.statusCode).toBe(202);
    expect(robot.body).toBe(res.body);
    expect(await stored()).toHaveLength(1);
    // a mistake comes back on our own form, with the message
    const wrong = await post(form({ email: 'pas-une-adresse', lists: ['democraties'] }), { origin: SITE });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Indiquez une adresse e-mail valide');
  });

  it('another site, an opaque origin, no origin, or a removed site: 403 in French, nothing stored or sent', async () => {
    await setOrigins([SITE, 'https://autre.example']);
    const before = { stored: (await stored()).length, jobs: (await confirmJobs()).length };
    const body = form({ email: 'refus@example.org', lists: ['democraties'] });
    const refusedHeaders: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      {},
      { origin: `${SITE}.evil.example` },
      { origin: SITE, 'sec-fetch-site': 'none' },
    ];
    for (const headers of refusedHeaders) {
      const res = await post(body, headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.body).toContain('Formulaire non autorisé');
    }
    const other = await post(body, { origin: 'https://evil.example' });
    expect(other.body).toContain('n’est pas autorisé depuis le site «\u202fevil.example\u202f»');

    // removed by an admin: refused on the very next post
    expect((await post(body, { origin: 'https://autre.example' })).statusCode).toBe(202);
    await setOrigins([SITE]);
    expect(
      (await post(form({ email: 'apres@example.org', lists: ['membres'] }), { origin: 'https://autre.example' }))
        .statusCode,
    ).toBe(403);
    const emails = (await stored()).map((r) => r.email);
    expect(emails).not.toContain('apres@example.org');
    expect(emails.filter((e) => e === 'refus@example.org')).toHaveLength(1);
    expect((await stored()).length).toBe(before.stored + 1);
    expect((await confirmJobs()).length).toBe(before.jobs + 1);
  });

  it('a JSON fetch from an allowed site gets CORS headers for that site only, never a wildcard', async () => {
    const preflight = await h.app.inject({
      method: 'OPTIONS',
      url: '/subscribe/embed',
      headers: { origin: SITE, 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(SITE);
    const reloaded = await h.app.inject({ method: 'GET', url: '/subscribe/embed' });
    expect([reloaded.statusCode, reloaded.headers.location]).toEqual([303, '/subscribe']);
    const refused = await h.app.inject({
      method: 'OPTIONS',
      url: '/subscribe/embed',
      headers: { origin: 'https://x.example' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    const res = await h.app.inject({
      method: 'POST',
      url: '/subscribe/embed',
      remoteAddress: '203.0.113.77',
      headers: { origin: SITE, 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'json@example.org', lists: ['democraties'], consent: true }),
    });
    expect(res.statusCode).toBe(202);
    expect(res.json().status).toBe('pending');
    expect(res.headers['access-control-allow-origin']).toBe(SITE);
  });

  it('the per-IP limit of /subscribe holds here too', async () => {
    const limited = await startHarness({ deps: { subscribe: { perIpPerMinute: 3 } } });
    try {
      const c = limited.client();
      await c.login((await limited.createStaff('admin')).email);
      await c.request('PUT', '/api/embed-form', { origins: [SITE] });
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await limited.app.inject({
          method: 'POST',
          url: '/subscribe/embed',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: SITE },
          payload: form({ email: `ip${i}@example.org`, lists: 'membres' }),
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([202, 202, 202, 429]);
      await limited.app.subscribeInbox.settled();
    } finally {
      await limited.close();
    }
  });
});
