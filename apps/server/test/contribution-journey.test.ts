// Issue 17's whole loop, through the real doors only: an event, an offer and a members' news item proposed on the
// public form, confirmed by the one emailed link, accepted in moderation (the proposer told each time), shown on the
// site, filled into the members' letter and sent to its readers over SMTP (PostgreSQL, Redis, workers).
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantToParisWallClock, type ContributionList, type FillAnswer, type PreflightCode } from '@crieur/api';
import { frenchTypography as ft } from '@crieur/content';
import { listIdsBySlugs, staffSubscribe } from '@crieur/db';
import { startCampaignWorker, type CampaignWorker } from '@crieur/workers';
import { seedSubscribers } from '../../../workers/test/support/campaign-fixture';
import { startHarness, TEST_LINK_KEY, type Client, type Harness } from './harness';
import { startMailWorld, type MailWorld } from './mail-world';
import type { ReceivedMail, SmtpSink } from './smtp-sink';
import { startLoopbackDns, type LoopbackDns } from './support/loopback-dns';

const PUBLIC_URL = 'https://democraties.example';
const MAIL_FROM = 'démocratieS <lettre@democraties.example>';
const PROPOSER = 'contact@adherente.example.org';
const DAY = 86_400_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitUntil(what: string, fn: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe('a contribution of each kind, from the public form to a sent letter', () => {
  let h: Harness;
  let dns: LoopbackDns;
  let sink: SmtpSink;
  let mail: MailWorld;
  let campaigns: CampaignWorker;
  let connection: Redis;
  let editor: Client;
  let sender: Client;
  const now = () => new Date();
  const inDays = (days: number) => new Date(Date.now() + days * DAY);
  const event = {
    kind: 'event',
    title: 'Rencontres régionales de la participation',
    startsAt: instantToParisWallClock(inDays(20)),
    endsAt: instantToParisWallClock(new Date(inDays(20).getTime() + 3 * 3_600_000)),
    place: 'Maison des associations, Lyon',
    organiser: 'Réseau Rhône',
    url: 'https://reseau.example.org/rencontres',
    description: 'Deux soirées de débats entre habitants et élus.',
  };
  const job = {
    kind: 'job',
    title: 'Chargée de mission concertation',
    organisation: 'Ville de Grenoble',
    contractType: 'cdd',
    place: 'Grenoble',
    closesOn: instantToParisWallClock(inDays(30)).slice(0, 10),
    url: 'https://grenoble.example.org/offre',
    description: 'Animer les budgets participatifs de la ville.',
  };
  const news = {
    kind: 'news',
    title: 'Notre guide de la concertation en accès libre',
    organisation: 'Décider ensemble',
    description: 'Un guide pratique pour les collectivités, à télécharger.',
  };
  const proposed = [event, job, news];
  const to = (address: string): ReceivedMail[] => sink.messages.filter((m) => m.to[0]?.toLowerCase() === address);
  const form = (fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
    return body.toString();
  };
  const page = (url: string) => h.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
  const post = (url: string, fields: Record<string, string | string[]>) =>
    h.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: form(fields),
    });

  beforeAll(async () => {
    dns = await startLoopbackDns({}); // the preflight asks DNS: a loopback server that knows nothing answers at once
    h = await startHarness({
      deps: { propose: { perIpPerMinute: 1000, perAddressPerHour: 1000 } },
      env: { PUBLIC_URL, MAIL_FROM, DNS_SERVERS: dns.server },
    });
    // the workers follow real time, and so does the server here
    Object.defineProperty(h.clock, 'now', { get: now });
    mail = await startMailWorld(h, { publicUrl: PUBLIC_URL, mailFrom: MAIL_FROM, now });
    sink = mail.sink;
    connection = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    campaigns = await startCampaignWorker({
      db: h.database.db,
      transport: mail.mailer,
      publicUrl: PUBLIC_URL,
      linkKey: TEST_LINK_KEY,
      mailFrom: MAIL_FROM,
      sendRate: 1000,
      concurrency: 2,
      lateMinutes: 60,
      batchSize: 100,
      retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 400 },
      reconcileEveryMs: 150,
      livenessTtlMs: 2000,
      lockDurationMs: 5000,
      connection,
      prefix: h.prefix,
      logger: pino({ level: 'silent' }),
      now,
    });
    const admin = await h.createStaff('admin');
    const [adherents] = await listIdsBySlugs(h.database.db, ['adherents']);
    await staffSubscribe(h.database.db, {
      email: PROPOSER,
      listIds: [adherents!.id],
      consentNote: null,
      actorId: admin.id,
      now: now(),
    });
    editor = h.client();
    await editor.login((await h.createStaff('editor')).email);
    sender = h.client();
    await sender.login((await h.createStaff('sender')).email);
  });
  afterAll(async () => {
    await campaigns?.close();
    connection?.disconnect();
    await mail?.close();
    await h?.close();
    await dns?.close();
  });

  it('proposes each kind, and one emailed link confirms them all for the team', async () => {
    for (const fields of proposed) {
      const answer = await post('/proposer', { ...fields, name: 'Camille Proposante', email: PROPOSER, consent: 'on' });
      expect(answer.statusCode, answer.body).toBe(202);
    }
    await waitUntil('the confirmation email', () => to(PROPOSER).length === 1);
    await sleep(500);
    expect(to(PROPOSER)).toHaveLength(1); // three proposals, one email
    const link = /\/proposer\/suivi\/[A-Za-z0-9_-]{20,}/.exec(to(PROPOSER)[0]!.parsed.text ?? '')![0];
    const mine = await page(link);
    const ids = [...mine.body.matchAll(/<input[^>]*name="ids"[^>]*value="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    expect(ids).toHaveLength(3);
    expect((await post(link, { action: 'confirm', ids })).statusCode).toBe(303);

    const queue = (await editor.request('GET', '/api/contributions')).json<ContributionList>();
    expect(queue.contributions.map((r) => r.title).sort()).toEqual(proposed.map((p) => p.title).sort());
  });

  it('publishes what the team accepts, tells the proposer, and shows it on the site', async () => {
    const queue = (await editor.request('GET', '/api/contributions')).json<ContributionList>();
    for (const row of queue.contributions) {
      const accepted = await editor.request('POST', `/api/contributions/${row.id}/accept`, {});
      expect(accepted.statusCode, accepted.body).toBe(200);
    }
    await waitUntil('the three acceptance emails', () => to(PROPOSER).length === 4);
    const told = to(PROPOSER)
      .slice(1)
      .map((m) => m.parsed.text ?? '');
    for (const [path, title] of [
      ['/agenda/', event.title],
      ['/offres/', job.title],
      ['/actualites-adherents/', news.title],
    ] as const) {
      const mail = told.find((text) => text.includes(`${PUBLIC_URL}${path}`));
      expect(mail, path).toBeDefined();
      const list = await page(path.slice(0, -1));
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain(ft(title));
      const itemPath = new RegExp(`${PUBLIC_URL}(${path}[a-z0-9-]+)`).exec(mail!)![1]!;
      const item = await page(itemPath);
      expect(item.statusCode, itemPath).toBe(200);
      expect(item.body).toContain('application/ld+json');
      expect((await page('/sitemap.xml')).body).toContain(`<loc>${PUBLIC_URL}${itemPath}</loc>`);
    }
  });

  it('fills the members’ letter with them, sends it to its readers, and offers them no more', async () => {
    const readers = await seedSubscribers(h.database.db, { list: 'membres', count: 3, now: now() });
    const created = await sender.request('POST', '/api/campaigns', { kind: 'membres' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ campaign: { id: string } }>().campaign.id;
    const fill = async (kind: 'event' | 'job' | 'news', campaignId: string) =>
      (await sender.request('GET', `/api/contributions/fill?kind=${kind}&campaignId=${campaignId}`)).json<FillAnswer>();
    const [events, offers, items] = [
      (await fill('event', id)).items,
      (await fill('job', id)).items,
      (await fill('news', id)).items,
    ];
    expect([events.length, offers.length, items.length]).toEqual([1, 1, 1]);
    const { campaign } = (await sender.request('GET', `/api/campaigns/${id}`)).json<{
      campaign: { version: number; lists: { slug: string }[] };
    }>();
    const saved = await sender.request('PUT', `/api/campaigns/${id}`, {
      version: campaign.version,
      kind: 'membres',
      subject: 'La lettre du réseau',
      preheader: 'Agenda, offres et actualités des adhérent·es',
      fromName: '',
      replyTo: '',
      lists: campaign.lists.length ? campaign.lists.map((l) => l.slug) : ['membres'],
      blocks: [
        { type: 'agenda', events },
        { type: 'jobs', offers },
        { type: 'membersNews', items },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);

    const checks = (await sender.request('POST', `/api/campaigns/${id}/preflight`)).json<{
      items: { code: PreflightCode; level: string }[];
    }>().items;
    expect(checks.filter((c) => c.level === 'block')).toEqual([]);
    // nothing past or closed in a letter filled today
    expect(checks.filter((c) => c.code === 'contribution-dates' && c.level === 'warning')).toEqual([]);
    const warnings = [...new Set(checks.filter((c) => c.level === 'warning').map((c) => c.code))];
    const sent = await sender.request('POST', `/api/campaigns/${id}/send`, { acknowledgedWarnings: warnings });
    expect(sent.statusCode, sent.body).toBe(200);

    await waitUntil('the letter to every reader', () => readers.every((r) => to(r).length === 1), 30_000);
    const letter = to(readers[0]!)[0]!;
    for (const proposal of proposed) {
      expect(letter.parsed.html || '', proposal.title).toContain(ft(proposal.title));
      expect(letter.parsed.text ?? '', proposal.title).toContain(ft(proposal.title));
    }

    const next = (await sender.request('POST', '/api/campaigns', { kind: 'membres' })).json<{
      campaign: { id: string };
    }>().campaign.id;
    for (const kind of ['event', 'job', 'news'] as const) expect((await fill(kind, next)).items, kind).toEqual([]);
  });
});
