// The checklist before sending, on a real server: DNS answered by a loopback server, links by a local HTTP server.
import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCampaign } from '@crieur/db/testing';
import { listAudit } from '@crieur/db';
import { seedSubscribers } from '../../../workers/test/support/campaign-fixture';
import { startHarness, type Client, type Harness } from './harness';
import { dkimKeyPair } from './support/dkim-keys';
import { startLoopbackDns, type LoopbackDns } from './support/loopback-dns';

const signing = dkimKeyPair();
const other = dkimKeyPair();

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

type Item = { code: string; level: string; message: string; detail?: string; blockIndex?: number };

describe('preflight: blocks what would hurt, warns about the rest (PostgreSQL, Redis, loopback DNS and HTTP)', () => {
  let h: Harness;
  let sender: Client;
  let dns: LoopbackDns;
  let web: Server;
  let webUrl: string;

  const zone = () => ({
    'example.test': { TXT: ['v=spf1 ip4:127.0.0.1 -all'], A: ['127.0.0.1'] },
    'sel._domainkey.example.test': { TXT: [signing.record] },
    '_dmarc.example.test': { TXT: ['v=DMARC1; p=none'] },
  });

  beforeAll(async () => {
    dns = await startLoopbackDns(zone());
    web = createServer((req, res) => {
      if (req.url === '/ok') res.writeHead(200).end('ok');
      else if (req.url === '/loop') res.writeHead(302, { location: '/loop' }).end();
      else res.writeHead(404).end('introuvable');
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
    h = await startHarness({
      env: {
        PUBLIC_URL: 'http://localhost:3000',
        MAIL_FROM: 'Lettre <lettre@example.test>',
        SMTP_URL: 'smtp://127.0.0.1:2525',
        DKIM_DOMAIN: 'example.test',
        DKIM_SELECTOR: 'sel',
        DKIM_PRIVATE_KEY: signing.pem,
        DNS_SERVERS: dns.server,
        // the links below are on a loopback server: without this the check refuses private addresses (tested below)
        PREFLIGHT_PRIVATE_LINKS: 'true',
      },
    });
    sender = h.client();
    expect((await sender.login((await h.createStaff('sender')).email)).statusCode).toBe(200);
    await seedSubscribers(h.database.db, { list: 'membres', count: 3, now: h.clock.now });
  });
  afterAll(async () => {
    await h?.close();
    await dns?.close();
    await new Promise((resolve) => web?.close(resolve));
  });

  const draft = (blocks: unknown[], subject = 'La lettre des membres') =>
    createTestCampaign(h.database.db, {
      slug: `test-${randomUUID().slice(0, 8)}`,
      lists: ['membres'],
      subject,
      preheader: 'Au sommaire ce trimestre',
      blocks,
    });
  const preflight = async (id: string): Promise<Item[]> => {
    const res = await sender.request('POST', `/api/campaigns/${id}/preflight`, {});
    expect(res.statusCode).toBe(200);
    return res.json().items;
  };
  const levelOf = (items: Item[], code: string) => items.filter((i) => i.code === code).map((i) => i.level);
  const statusOf = async (id: string) => (await sender.request('GET', `/api/campaigns/${id}`)).json().campaign.status;
  const queued = async (id: string) =>
    (await h.campaignQueue.getJobs(['waiting', 'delayed', 'active'])).filter((j) => j.data.campaignId === id);

  const GOOD = [
    { type: 'edito', doc: doc('Chères et chers membres, le printemps des communes commence.') },
    { type: 'button', label: 'Lire l’article', url: `http://localhost:3000/` },
  ];

  it('passes a correct letter: DKIM key matches, SPF covers the SMTP host, DMARC p=none aligned', async () => {
    const id = await draft(GOOD);
    const items = await preflight(id);
    expect(items.filter((i) => i.level === 'block')).toEqual([]);
    for (const code of [
      'dkim',
      'spf',
      'dmarc',
      'image-alt',
      'unsubscribe-link',
      'list-unsubscribe',
      'size',
      'subject',
      'links',
    ])
      expect(levelOf(items, code), code).toEqual(['ok']);
    expect(items.find((i) => i.code === 'dmarc')!.message).toContain('p=none');
    expect(dns.asked).toEqual(
      expect.arrayContaining(['TXT sel._domainkey.example.test', 'TXT _dmarc.example.test', 'TXT example.test']),
    );
    const sent = await sender.request('POST', `/api/campaigns/${id}/send`, {});
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ started: true, status: 'sending' });
  });

  it('blocks a letter with an image lacking alt text: 422, nothing queued, still a draft', async () => {
    const id = await draft([
      ...GOOD,
      { type: 'image', src: 'https://democraties.example/media/photo.jpg', caption: 'Atelier à Lyon' },
    ]);
    const items = await preflight(id);
    expect(items[0]).toMatchObject({ code: 'image-alt', level: 'block', blockIndex: 2 });
    expect(items[0]!.message).toContain('texte alternatif');
    const res = await sender.request('POST', `/api/campaigns/${id}/send`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('PREFLIGHT_BLOCKED');
    expect(res.json().error.items).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'image-alt' })]));
    expect(await statusOf(id)).toBe('draft');
    expect(await queued(id)).toEqual([]);
    // an acknowledgement never passes a block
    const forced = await sender.request('POST', `/api/campaigns/${id}/send`, { acknowledgedWarnings: ['image-alt'] });
    expect(forced.statusCode).toBe(422);
  });

  it('names a half-filled block in staff words (« Bloc 3 (Agenda), événement 1 › … »), never by its data path', async () => {
    const id = await draft([
      ...GOOD,
      { type: 'agenda', title: 'Agenda', events: [{ title: '', date: '2026-05-21', place: 'Lyon', url: '' }] },
    ]);
    const unfinished = (await preflight(id)).filter((i) => i.code === 'content-invalid');
    expect(unfinished.length).toBeGreaterThan(0);
    for (const item of unfinished) {
      expect(item).toMatchObject({ level: 'block', blockIndex: 2 });
      expect(item.message).toMatch(/^Bloc 3 \(Agenda\), événement 1 › /);
      expect(`${item.message} ${item.detail ?? ''}`).not.toMatch(/blocks\.|events\.\d/);
    }
  });

  it('blocks when the DKIM record does not match DKIM_PRIVATE_KEY, and when it is absent (NXDOMAIN)', async () => {
    const id = await draft(GOOD);
    dns.zone['sel._domainkey.example.test'] = { TXT: [other.record] };
    try {
      expect(levelOf(await preflight(id), 'dkim')).toEqual(['block']);
      const res = await sender.request('POST', `/api/campaigns/${id}/send`, {});
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({
        code: 'PREFLIGHT_BLOCKED',
        items: [expect.objectContaining({ code: 'dkim' })],
      });
      expect(res.json().error.message).toContain('ne correspond pas');
      delete (dns.zone as Record<string, unknown>)['sel._domainkey.example.test'];
      const absent = await sender.request('POST', `/api/campaigns/${id}/send`, {});
      expect(absent.statusCode).toBe(422);
      expect(absent.json().error.message).toContain('Aucune clé DKIM');
      expect(await statusOf(id)).toBe('draft');
      expect(await queued(id)).toEqual([]);
    } finally {
      dns.zone['sel._domainkey.example.test'] = { TXT: [signing.record] };
    }
  });

  it('a DNS server that does not answer is a warning, never a block', async () => {
    const id = await draft(GOOD);
    const h2 = await startHarness({
      env: {
        MAIL_FROM: 'Lettre <lettre@example.test>',
        DKIM_DOMAIN: 'example.test',
        DKIM_SELECTOR: 'sel',
        DKIM_PRIVATE_KEY: signing.pem,
        DNS_SERVERS: '127.0.0.1:9', // nothing listens: ECONNREFUSED
      },
    });
    try {
      const c = h2.client();
      expect((await c.login((await h2.createStaff('sender')).email)).statusCode).toBe(200);
      await seedSubscribers(h2.database.db, { list: 'membres', count: 1, now: h2.clock.now });
      const mine = await createTestCampaign(h2.database.db, {
        slug: 'dns-down',
        lists: ['membres'],
        subject: 'Objet',
        blocks: [...GOOD, { type: 'button', label: 'Une page de l’intranet', url: `${webUrl}/ok` }],
      });
      const items: Item[] = (await c.request('POST', `/api/campaigns/${mine}/preflight`, {})).json().items;
      for (const code of ['dkim', 'spf', 'dmarc']) expect(levelOf(items, code), code).toEqual(['warning']);
      // by default a sender cannot make the server probe private addresses: the link is left unchecked, said so
      expect(items.find((i) => i.code === 'links' && i.detail === `${webUrl}/ok`)?.message).toContain(
        'adresse interne',
      );
      expect(items.find((i) => i.code === 'dkim')!.message).toContain('DNS injoignable');
      const sent = await c.request('POST', `/api/campaigns/${mine}/send`, {});
      expect(sent.statusCode).toBe(200);
      // sent through the API without the checklist: the audit log still names the warnings that stood (no preheader,
      // DKIM unchecked)
      const entry = (await listAudit(h2.database.db, { limit: 20 })).find(
        (e) => e.action === 'campaign_started' && e.targetId === mine,
      );
      expect(entry?.data).toMatchObject({ unacknowledgedWarnings: ['preheader', 'dkim'] });
      expect(entry?.actorId).toEqual(expect.any(String));
    } finally {
      await h2.close();
    }
    expect(await statusOf(id)).toBe('draft');
  });

  it('a site link that redirects to an internal address is not followed: the internal server is never asked', async () => {
    const asked: string[] = [];
    const intranet = createServer((req, res) => {
      asked.push(req.url ?? '');
      res.writeHead(200).end('secret');
    });
    await new Promise<void>((resolve) => intranet.listen(0, '127.0.0.1', resolve));
    const inside = `http://127.0.0.1:${(intranet.address() as AddressInfo).port}/admin`;
    const h3 = await startHarness({
      env: { MAIL_FROM: 'Lettre <lettre@example.test>', DNS_SERVERS: dns.server },
      // a page of the site that sends its visitors elsewhere (an old address, a shortener)
      beforeReady: (app) => app.get('/ailleurs', async (_request, reply) => reply.redirect(inside, 302)),
    });
    try {
      const c = h3.client();
      expect((await c.login((await h3.createStaff('sender')).email)).statusCode).toBe(200);
      const id = await createTestCampaign(h3.database.db, {
        slug: 'redirige',
        lists: ['membres'],
        subject: 'Objet',
        blocks: [
          ...GOOD,
          { type: 'button', label: 'Une page déplacée', url: 'http://localhost:3000/ailleurs' },
          { type: 'button', label: 'Une adresse interne', url: inside },
        ],
      });
      const items: Item[] = (await c.request('POST', `/api/campaigns/${id}/preflight`, {})).json().items;
      const links = items.filter((i) => i.code === 'links');
      expect(links.map((i) => [i.detail, i.level])).toEqual(
        expect.arrayContaining([
          ['http://localhost:3000/ailleurs', 'warning'],
          [inside, 'warning'],
        ]),
      );
      for (const link of links) expect(link.message).toContain('adresse interne');
      expect(asked).toEqual([]);
    } finally {
      await h3.close();
      await new Promise((resolve) => intranet.close(resolve));
    }
  });

  it('a link answering 404 is a warning that an acknowledged send goes past, written in the audit log', async () => {
    const id = await draft([
      ...GOOD,
      { type: 'article', title: 'Un compte rendu', lede: 'Trois mois de débats.', url: `${webUrl}/missing` },
      { type: 'button', label: 'Une page qui tourne en rond', url: `${webUrl}/loop` },
      { type: 'button', label: 'Une page qui répond', url: `${webUrl}/ok` },
      { type: 'button', label: 'Une page du site qui n’existe pas', url: 'http://localhost:3000/articles/introuvable' },
    ]);
    const links = (await preflight(id)).filter((i) => i.code === 'links');
    expect(links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'warning', detail: `${webUrl}/missing`, blockIndex: 2 }),
        expect.objectContaining({ level: 'warning', detail: `${webUrl}/loop`, blockIndex: 3 }),
        expect.objectContaining({
          level: 'warning',
          detail: 'http://localhost:3000/articles/introuvable',
          blockIndex: 5,
        }),
      ]),
    );
    expect(links).toHaveLength(3);
    expect(links[0]!.message).toMatch(/répond 404|tourne en rond/);
    const sent = await sender.request('POST', `/api/campaigns/${id}/send`, { acknowledgedWarnings: ['links'] });
    expect(sent.statusCode).toBe(200);
    expect(sent.json().started).toBe(true);
    const entry = (await listAudit(h.database.db, { limit: 50 })).find(
      (e) => e.action === 'campaign_started' && e.targetId === id,
    );
    expect(entry!.data).toMatchObject({ acknowledgedWarnings: ['links'], despite: 'lien cassé' });
    // everything that stood was acknowledged: nothing named as skipped
    expect(entry!.data).not.toHaveProperty('unacknowledgedWarnings');
  });

  it('a letter over 102 KB warns that Gmail clips it', async () => {
    const item = (n: number) => ({
      title: `Nouvelle ${n}`,
      text: `${'Une phrase qui raconte la vie du réseau. '.repeat(45)}${n}`,
    });
    const id = await draft([
      ...GOOD,
      { type: 'membersNews', items: Array.from({ length: 30 }, (_, i) => item(i)) },
      { type: 'membersNews', items: Array.from({ length: 30 }, (_, i) => item(i + 30)) },
    ]);
    const size = (await preflight(id)).find((i) => i.code === 'size')!;
    expect(size.level).toBe('warning');
    expect(size.message).toContain('102');
    expect(Number(size.detail!.split(' ')[0])).toBeGreaterThan(102 * 1024);
  });
});
