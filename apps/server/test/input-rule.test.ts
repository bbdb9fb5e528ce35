import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkToken } from '@crieur/auth';
import { createMedia } from '@crieur/db';
import { dumpAllRows } from '@crieur/db/testing';
import { startHarness, TEST_LINK_KEY, type Client, type Harness } from './harness';
import { inviteWithLink } from './invitation-link';
import { frenchTypography as fr } from '@crieur/content/typography';

// The input rule: control characters other than tab, LF and CR, and lone surrogates, are refused with a
// 400 naming the field, in French, before any handler runs. U+2028 and U+2029 are ordinary text.
const BAD = ['\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\ud800'];
// a URL or a form cannot carry a lone surrogate (encodeURIComponent refuses it)
const BAD_IN_URL = BAD.filter((c) => c !== '\ud800');
const label = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

type Path = (string | number)[];
type Case = { name: string; method: 'POST' | 'PUT' | 'PATCH'; url: string; body: unknown };

/** Every string of a body, so each text field (document and block text included) gets its turn. */
function textPaths(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => textPaths(item, [...path, i]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => textPaths(v, [...path, k]));
  return [];
}

function withText(value: unknown, path: Path, text: string): unknown {
  if (path.length === 0) return text;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = withText(copy[head!], rest, text);
  return copy;
}

const form = (fields: Record<string, string | string[]>) =>
  Object.entries(fields)
    .flatMap(([k, v]) => ([] as string[]).concat(v).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`))
    .join('&');

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

function expectRefused(res: LightMyRequestResponse, field: string, character: string) {
  expect(res.statusCode, `${field} ${label(character)}: ${res.body.slice(0, 200)}`).toBe(400);
  const error = res.json().error;
  expect(error.code).toBe('VALIDATION');
  const what =
    character === '\u0000'
      ? 'un caractère nul'
      : character === '\ud800'
        ? 'un caractère invalide'
        : 'un caractère de contrôle invisible';
  const message = fr(`Le champ « ${field} » contient ${what} (${label(character)}) : retirez-le, puis réessayez.`);
  expect(error.message).toBe(message);
  expect(error.issues).toEqual([{ path: field, message: error.message }]);
}

describe('the input rule: no control character reaches a handler or the database (PostgreSQL, Redis)', () => {
  let h: Harness;
  let admin: Client;
  let cases: Case[];
  let preferencesToken: string;
  let invitationToken: string;
  let ip = 0;
  const snapshot = async () => (await dumpAllRows(h.database.db)).split('\n').sort().join('\n');
  const publicInject = (method: string, url: string, payload: string, type: string, accept = 'application/json') =>
    h.app.inject({
      method: method as 'POST',
      url,
      payload,
      remoteAddress: `198.51.100.${(ip++ % 200) + 1}`,
      headers: { 'content-type': type, accept },
    });

  beforeAll(async () => {
    h = await startHarness({ deps: { subscribe: { perIpPerMinute: 10_000, perAddressPerHour: 10_000 } } });
    admin = h.client();
    const staff = await h.createStaff('admin');
    expect((await admin.login(staff.email)).statusCode).toBe(200);

    const article = (
      await admin.request('POST', '/api/articles', { title: 'Tirer au sort', rubrique: 'points-de-vue' })
    ).json().article;
    const saveBody = {
      version: article.version,
      title: 'Tirer au sort',
      slug: '',
      lede: 'Un chapô',
      body: doc('Le hasard comme garde-fou.'),
      rubrique: 'points-de-vue',
      dossierId: null,
      tags: ['tirage au sort'],
      authors: ['Louis Martin'],
      coverMediaId: null,
    };
    const saved = await admin.request('PUT', `/api/articles/${article.id}`, saveBody);
    expect(saved.statusCode).toBe(200);
    const articleBody = { ...saveBody, version: saved.json().article.version };
    const dossier = (
      await admin.request('POST', '/api/dossiers', {
        title: 'Démocratie alimentaire',
        lede: 'Manger',
      })
    ).json().dossier;
    const campaign = (await admin.request('POST', '/api/campaigns', { kind: 'membres' })).json().campaign;
    const subscriber = (
      await admin.request('POST', '/api/subscribers', {
        email: 'lea@example.org',
        name: 'Léa',
        lists: ['membres'],
        consentSource: 'AG 2026',
      })
    ).json().subscriber;
    preferencesToken = linkToken(TEST_LINK_KEY, 'preferences', subscriber.id);
    const invite = await inviteWithLink(h, admin, { email: 'nora@example.org', name: 'Nora', role: 'author' });
    invitationToken = invite.token;
    const media = await createMedia(h.database.db, {
      fileName: 'a.png',
      mime: 'image/png',
      width: 1,
      height: 1,
      bytes: 1,
      alt: 'Une image',
      caption: '',
      createdBy: staff.id,
      now: h.clock.now,
    });
    for (const id of [article.id, dossier.id, campaign.id, subscriber.id, media.id])
      expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const blocks = [
      { type: 'edito', doc: doc('Chères et chers membres') },
      { type: 'sectionTitle', text: 'démocratieS' },
      { type: 'article', title: 'Un titre', lede: 'Un chapô', url: 'https://democraties.example/articles/x' },
      { type: 'agenda', events: [{ title: 'Assemblée générale', date: '2026-04-02T18:30', place: 'Paris' }] },
    ];
    cases = [
      {
        name: 'article create',
        method: 'POST',
        url: '/api/articles',
        body: { title: 'Titre', rubrique: 'points-de-vue' },
      },
      {
        name: 'article save (title, chapô, document)',
        method: 'PUT',
        url: `/api/articles/${article.id}`,
        body: articleBody,
      },
      {
        name: 'article transition',
        method: 'POST',
        url: `/api/articles/${article.id}/transition`,
        body: { action: 'submit' },
      },
      {
        name: 'article comment',
        method: 'POST',
        url: `/api/articles/${article.id}/comments`,
        body: { body: 'Relire le chapô' },
      },
      {
        name: 'dossier create',
        method: 'POST',
        url: '/api/dossiers',
        body: { title: 'Dossier', lede: 'Chapô' },
      },
      {
        name: 'dossier edit',
        method: 'PUT',
        url: `/api/dossiers/${dossier.id}`,
        body: {
          version: 1,
          title: 'Dossier',
          slug: 'dossier',
          lede: 'Chapô',
          editorialNote: doc('Note'),
          coverMediaId: null,
        },
      },
      {
        name: 'media alt text',
        method: 'PATCH',
        url: `/api/media/${media.id}`,
        body: { alt: 'Une image', caption: 'Légende' },
      },
      { name: 'campaign create', method: 'POST', url: '/api/campaigns', body: { kind: 'membres', lists: ['membres'] } },
      {
        name: 'campaign save (subject, blocks)',
        method: 'PUT',
        url: `/api/campaigns/${campaign.id}`,
        body: {
          version: campaign.version,
          kind: 'membres',
          subject: 'Le printemps',
          preheader: 'AG',
          fromName: 'ICPC',
          replyTo: '',
          lists: ['membres'],
          blocks,
        },
      },
      {
        name: 'campaign preview',
        method: 'POST',
        url: '/api/campaigns/preview',
        body: { kind: 'membres', subject: 'Le printemps', preheader: 'AG', lists: ['membres'], blocks },
      },
      {
        name: 'campaign test send',
        method: 'POST',
        url: `/api/campaigns/${campaign.id}/test`,
        body: { addresses: ['relecture@example.org'] },
      },
      {
        name: 'campaign schedule',
        method: 'POST',
        url: `/api/campaigns/${campaign.id}/schedule`,
        body: { at: '2026-04-01T09:00:00+02:00' },
      },
      {
        name: 'subscriber create',
        method: 'POST',
        url: '/api/subscribers',
        body: { email: 'paul@example.org', name: 'Paul', locale: 'fr', lists: ['membres'], consentSource: 'AG' },
      },
      {
        name: 'subscriber edit',
        method: 'PATCH',
        url: `/api/subscribers/${subscriber.id}`,
        body: { name: 'Léa Martin', locale: 'fr' },
      },
      {
        name: 'subscriber subscribe',
        method: 'POST',
        url: `/api/subscribers/${subscriber.id}/subscriptions`,
        body: { list: 'democraties', consentSource: 'AG' },
      },
      {
        name: 'subscriber unsubscribe',
        method: 'POST',
        url: `/api/subscribers/${subscriber.id}/unsubscribe`,
        body: { lists: ['membres'] },
      },
      {
        name: 'list history',
        method: 'PUT',
        url: '/api/growth/history',
        body: { list: 'membres', month: '2025-01', confirmed: 10, note: 'saisi' },
      },
      {
        name: 'user invite',
        method: 'POST',
        url: '/api/users/invitations',
        body: { email: 'zoe@example.org', name: 'Zoé', role: 'author' },
      },
      { name: 'user edit', method: 'PATCH', url: `/api/users/${staff.id}`, body: { role: 'admin' } },
    ];
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses every text field of every staff route, documents and blocks included, and stores nothing', async () => {
    const before = await snapshot();
    let requests = 0;
    for (const c of cases) {
      const paths = textPaths(c.body);
      expect(paths.length, c.name).toBeGreaterThan(0);
      for (const path of paths) {
        for (const bad of BAD) {
          const res = await admin.request(c.method, c.url, withText(c.body, path, `avant${bad}après`));
          expectRefused(res, path.join('.'), bad);
          requests++;
        }
      }
    }
    // a key is text too, and so is the query string
    expectRefused(
      await admin.request('POST', '/api/articles', { title: 'Titre', rubrique: 'points-de-vue', 'x\u0000y': 1 }),
      'xy',
      '\u0000',
    );
    for (const bad of BAD_IN_URL) {
      expectRefused(await admin.request('GET', `/api/subscribers?q=${encodeURIComponent(`lea${bad}`)}`), 'q', bad);
      expectRefused(await admin.request('PUT', `/api/articles/${encodeURIComponent(bad)}`, cases[1]!.body), 'id', bad);
      expectRefused(
        await admin.request('DELETE', `/api/growth/history/membres${encodeURIComponent(bad)}/2025-01`),
        'list',
        bad,
      );
    }
    // raw uploads: the alt text of an image and the consent source of an import come in the query string
    expectRefused(
      await admin.request('POST', `/api/media?alt=${encodeURIComponent('Une\u0000image')}`),
      'alt',
      '\u0000',
    );
    expect(requests).toBeGreaterThan(150);
    expect(await snapshot()).toBe(before);
  });

  it('refuses them on public pages: /subscribe (JSON, form), links, preferences, invitations, login', async () => {
    const before = await snapshot();
    const subscribe = { email: 'x@example.org', lists: ['membres'], name: 'Anne Dupont', consent: true, website: '' };
    for (const path of textPaths(subscribe)) {
      for (const bad of BAD) {
        expectRefused(
          await publicInject(
            'POST',
            '/subscribe',
            JSON.stringify(withText(subscribe, path, `a${bad}b`)),
            'application/json',
          ),
          path.join('.'),
          bad,
        );
      }
    }
    // the audit's exact request
    expectRefused(
      await publicInject(
        'POST',
        '/subscribe',
        '{"email":"x@y.test","lists":["membres"],"name":"a\\u0000b"}',
        'application/json',
      ),
      'name',
      '\u0000',
    );
    const fields = { email: 'x@example.org', name: 'Anne Dupont', lists: 'membres', consent: 'on' };
    for (const key of Object.keys(fields)) {
      for (const bad of BAD_IN_URL) {
        const res = await publicInject(
          'POST',
          '/subscribe',
          form({ ...fields, [key]: `a${bad}b` }),
          'application/x-www-form-urlencoded',
          'text/html',
        );
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toContain('text/html');
        expect(res.body).toContain(fr(`Le champ « ${key} » contient`));
      }
    }
    const preferences = { action: 'save', lists: '1', confirm: 'yes' };
    for (const key of Object.keys(preferences)) {
      for (const bad of BAD_IN_URL) {
        const res = await publicInject(
          'POST',
          `/preferences/${preferencesToken}`,
          form({ ...preferences, [key]: `a${bad}` }),
          'application/x-www-form-urlencoded',
          'text/html',
        );
        expect(res.statusCode).toBe(400);
        expect(res.body).toContain(fr(`Le champ « ${key} » contient`));
      }
    }
    for (const bad of BAD_IN_URL) {
      for (const url of [
        `/preferences/${encodeURIComponent(bad)}`,
        `/confirm/${encodeURIComponent(bad)}`,
        `/unsubscribe/${encodeURIComponent(bad)}`,
      ]) {
        expectRefused(await publicInject('POST', url, '', 'application/x-www-form-urlencoded'), 'token', bad);
      }
      expectRefused(await publicInject('GET', `/articles/a${encodeURIComponent(bad)}`, '', 'text/plain'), 'slug', bad);
    }
    // the CSRF check answers first, then the rule, before any account or invitation is looked up
    const guest = h.client();
    for (const bad of BAD) {
      const accept = { name: `Nora${bad}`, password: 'un mot de passe solide et long' };
      expectRefused(await guest.request('POST', `/api/invitations/${invitationToken}/accept`, accept), 'name', bad);
      expectRefused(
        await guest.request('POST', '/api/login', { email: `x${bad}@example.org`, password: 'peu importe' }),
        'email',
        bad,
      );
    }
    expect(await snapshot()).toBe(before);
  });

  it('lets tab, line breaks and U+2028/U+2029 through: they are text', async () => {
    const c = cases[1]!;
    const body = c.body as Record<string, unknown>;
    const res = await admin.request('PUT', c.url, {
      ...body,
      lede: 'ligne\tune\r\nligne deux\u2028trois\u2029quatre',
      body: doc('a\nb'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().article.lede).toBe('ligne\tune\r\nligne deux\u2028trois\u2029quatre');
  });

  it('turns a CSV line with a control character into a reported problem line, and strips the file name', async () => {
    // a stray NUL, ESC or DEL is one bad line; a file full of control bytes is still "not a CSV"
    const good = Array.from({ length: 400 }, (_, i) => `personne${i}@example.org;Personne ${i}`);
    const csv = [
      'Email;Nom',
      'esc@example.org;Ann\u001bie',
      ...good,
      'nul@example.org;Ma\u0000rie',
      'del\u007f@example.org;Del',
      'ok@example.org;Ok',
    ].join('\n');
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/imports?list=membres&consentSource=AG%202026',
      headers: {
        'content-type': 'text/csv',
        'x-file-name': 'liste%00%1B.csv',
        cookie: await cookieOf(admin),
        'x-csrf-token': admin.csrfToken!,
      },
      payload: Buffer.from(csv, 'utf8'),
    });
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().import.id;
    let found: { status: string; fileName?: string } = { status: 'running' };
    for (let i = 0; i < 100 && found.status !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      found = (await admin.request('GET', `/api/imports/${id}`)).json().import;
    }
    expect(found.status).toBe('done');
    const report = (await admin.request('GET', `/api/imports/${id}/report.csv`)).body;
    expect(report).toContain('2;esc@example.org;Caractère de contrôle invisible');
    expect(report).toContain(`${good.length + 3};nul@example.org;Caractère de contrôle invisible`);
    expect(report).toContain(`${good.length + 4};del@example.org;Caractère de contrôle invisible`);
    for (const c of ['\u0000', '\u001b', '\u007f']) expect(report).not.toContain(c);
    const rows = await snapshot();
    expect(rows).toContain('ok@example.org');
    expect(rows).toContain('liste.csv');
    for (const c of ['\u0000', '\u001b', '\u007f']) expect(rows).not.toContain(c);
  });

  async function cookieOf(client: Client): Promise<string> {
    if (!client.csrfToken) await client.refreshCsrf();
    return ['crieur_session', 'crieur_csrf'].map((name) => `${name}=${client.cookie(name)}`).join('; ');
  }
});
