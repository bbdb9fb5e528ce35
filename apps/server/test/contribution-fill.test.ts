// « Remplir avec les contributions » and the letter's date warnings, on a real server (PostgreSQL, Redis): what the
// fill offers, what it leaves out (not yet public, past, closed, already sent by the same newsletter), and the XSS
// corpus typed into every contribution field, compiled into a letter's HTML and text.
import { parse as parseHtml } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FillAnswer } from '@crieur/api';
import { frenchTypography as ft } from '@crieur/content';
import { SCRIPT_TEXTS, XML_TEXTS } from '@crieur/content/testing';
import { markCampaignSent, seedContribution, seedContributions } from '@crieur/db/testing';
import { startHarness, type Client, type Harness } from './harness';
import { startLoopbackDns, type LoopbackDns } from './support/loopback-dns';

const PUBLIC_URL = 'http://localhost:3000';
const DAY = 86_400_000;
const HOUR = 3_600_000;

type Item = { code: string; level: string; message: string; detail?: string; blockIndex?: number };

describe('contributions into the letters (PostgreSQL, Redis)', () => {
  let h: Harness;
  let sender: Client;
  let dns: LoopbackDns;
  const at = (ms: number) => new Date(h.clock.now.getTime() + ms);

  beforeAll(async () => {
    // the preflight asks DNS: a loopback server that knows nothing answers at once
    dns = await startLoopbackDns({});
    h = await startHarness({ env: { PUBLIC_URL, DNS_SERVERS: dns.server, MAIL_FROM: 'Lettre <l@example.test>' } });
    sender = h.client();
    expect((await sender.login((await h.createStaff('sender')).email)).statusCode).toBe(200);
    await sender.refreshCsrf();
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await dns?.close();
  });

  const createCampaign = async (kind: string): Promise<string> => {
    const res = await sender.request('POST', '/api/campaigns', { kind });
    expect(res.statusCode).toBe(201);
    return res.json<{ campaign: { id: string } }>().campaign.id;
  };
  const saveBlocks = async (id: string, kind: string, blocks: unknown[]) => {
    const { campaign } = (await sender.request('GET', `/api/campaigns/${id}`)).json<{
      campaign: { version: number; lists: { slug: string }[] };
    }>();
    const res = await sender.request('PUT', `/api/campaigns/${id}`, {
      version: campaign.version,
      kind,
      subject: 'La lettre',
      preheader: 'Au sommaire',
      fromName: '',
      replyTo: '',
      lists: campaign.lists.map((l) => l.slug),
      blocks,
    });
    expect(res.statusCode).toBe(200);
  };
  const fill = async (kind: 'event' | 'job' | 'news', campaignId: string) => {
    const res = await sender.request('GET', `/api/contributions/fill?kind=${kind}&campaignId=${campaignId}`);
    expect(res.statusCode).toBe(200);
    return res.json<FillAnswer>();
  };

  it('offers accepted, public, upcoming items in date order, skipping what a sent letter of the same newsletter carried', async () => {
    const [later, sooner, ended, notYet, pending, online] = await seedContributions(
      h.database.db,
      [
        {
          kind: 'event',
          status: 'accepted',
          title: 'Forum dans dix jours',
          startsAt: at(10 * DAY),
          endsAt: at(10 * DAY + 2 * HOUR),
          place: 'Lyon',
        },
        {
          kind: 'event',
          status: 'accepted',
          title: 'Atelier dans trois jours',
          startsAt: at(3 * DAY),
          endsAt: at(3 * DAY + HOUR),
          place: 'Nantes',
        },
        { kind: 'event', status: 'accepted', title: 'Réunion d’hier', startsAt: at(-DAY - HOUR), endsAt: at(-DAY) },
        {
          kind: 'event',
          status: 'accepted',
          title: 'Publiée demain',
          publishAt: at(DAY),
          startsAt: at(5 * DAY),
          endsAt: at(5 * DAY + HOUR),
        },
        { kind: 'event', status: 'pending', title: 'À modérer', startsAt: at(4 * DAY), endsAt: at(4 * DAY + HOUR) },
        {
          kind: 'event',
          status: 'accepted',
          title: 'Webinaire',
          startsAt: at(6 * DAY),
          endsAt: at(6 * DAY + HOUR),
          online: true,
          place: '',
        },
      ],
      { now: at(-2 * DAY) },
    );
    // a March evening in Paris: 18:30 wall clock is 17:30 UTC (winter time)
    const evening = await seedContribution(
      h.database.db,
      {
        kind: 'event',
        status: 'accepted',
        title: 'Soirée',
        startsAt: new Date('2026-03-20T17:30:00Z'),
        endsAt: new Date('2026-03-20T20:00:00Z'),
        online: true,
        place: 'Grenoble',
      },
      { now: at(-DAY) },
    );
    const draft = await createCampaign('membres');
    const first = await fill('event', draft);
    expect(first.kind).toBe('event');
    expect(first.items.map((i) => i.contributionId)).toEqual([sooner, online, later, evening]);
    const soirée = first.items.find((i) => i.contributionId === evening)!;
    expect(soirée).toMatchObject({ date: '2026-03-20T18:30', place: 'Grenoble et en ligne', title: 'Soirée' });
    expect(soirée.url).toMatch(new RegExp(`^${PUBLIC_URL}/agenda/proposition-[0-9a-f]{8}$`));
    expect(first.items.find((i) => i.contributionId === online)).toMatchObject({ place: 'En ligne' });
    for (const absent of [ended, notYet, pending])
      expect(first.items.map((i) => i.contributionId)).not.toContain(absent);

    // a letter of the same newsletter that went out with « sooner »; another newsletter's sent letter with « later »
    const sentMembres = await createCampaign('membres');
    await saveBlocks(sentMembres, 'membres', [{ type: 'agenda', events: [first.items[0]] }]);
    await markCampaignSent(h.database.db, {
      id: sentMembres,
      renderedHtml: '<p>x</p>',
      renderedText: 'x',
      at: h.clock.now,
    });
    const sentAdherents = await createCampaign('adherents');
    await saveBlocks(sentAdherents, 'adherents', [{ type: 'agenda', events: [first.items[2]] }]);
    await markCampaignSent(h.database.db, {
      id: sentAdherents,
      renderedHtml: '<p>x</p>',
      renderedText: 'x',
      at: h.clock.now,
    });
    // a draft of the same newsletter carrying « online » does not count: it was never sent
    const otherDraft = await createCampaign('membres');
    await saveBlocks(otherDraft, 'membres', [{ type: 'agenda', events: [first.items[1]] }]);

    expect((await fill('event', draft)).items.map((i) => i.contributionId)).toEqual([online, later, evening]);
    const adherents = await createCampaign('adherents');
    expect((await fill('event', adherents)).items.map((i) => i.contributionId)).toEqual([sooner, online, evening]);
  });

  it('offers open job offers by closing day, and drops one once its day (Paris) is over', async () => {
    const today = '2026-03-02';
    const [closesToday, closed, remote] = await seedContributions(
      h.database.db,
      [
        {
          kind: 'job',
          status: 'accepted',
          title: 'Chargée de mission',
          closesOn: today,
          organisation: 'Réseau A',
          place: 'Paris',
        },
        { kind: 'job', status: 'accepted', title: 'Offre close', closesOn: '2026-03-01' },
        {
          kind: 'job',
          status: 'accepted',
          title: 'Stage',
          closesOn: '2026-03-20',
          remote: true,
          place: 'Lille',
          organisation: 'B',
        },
      ],
      { now: at(-DAY) },
    );
    const draft = await createCampaign('democraties');
    const open = await fill('job', draft);
    const ids = open.items.map((i) => i.contributionId);
    expect(ids.indexOf(closesToday!)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(closesToday!)).toBeLessThan(ids.indexOf(remote!));
    expect(ids).not.toContain(closed);
    expect(open.items.find((i) => i.contributionId === remote)).toMatchObject({
      place: 'Lille ou télétravail',
      organisation: 'B',
      closesOn: '2026-03-20',
    });
    expect(open.items.find((i) => i.contributionId === closesToday)?.url).toMatch(`${PUBLIC_URL}/offres/`);
    const saved = h.clock.now;
    try {
      // 23:30 in Paris on the closing day: still open; 00:30 the next day: gone (a fresh login: sessions idle out)
      // the sender's session is kept alive on the way, or the late login would prune it as idle
      h.clock.now = new Date('2026-03-02T20:00:00Z');
      expect((await sender.request('GET', '/api/session')).statusCode).toBe(200);
      h.clock.now = new Date('2026-03-02T22:30:00Z');
      const late = h.client();
      expect((await late.login((await h.createStaff('sender')).email)).statusCode).toBe(200);
      const ids = async () =>
        (await late.request('GET', `/api/contributions/fill?kind=job&campaignId=${draft}`))
          .json<FillAnswer>()
          .items.map((i) => i.contributionId);
      expect(await ids()).toContain(closesToday);
      h.clock.now = new Date('2026-03-02T23:30:00Z');
      expect(await ids()).not.toContain(closesToday);
    } finally {
      h.clock.now = saved;
    }
  });

  it('offers members’ news by publication date, with their organisation and text, and says 404 for a lost campaign', async () => {
    const [second, first] = await seedContributions(h.database.db, [
      {
        kind: 'news',
        status: 'accepted',
        title: 'Nouveau site',
        organisation: 'Collectif B',
        publishAt: at(-HOUR),
        description: 'Notre site change.',
      },
      {
        kind: 'news',
        status: 'accepted',
        title: 'Rapport annuel',
        organisation: 'Association A',
        publishAt: at(-DAY),
        description: 'Le rapport 2025 est en ligne.',
      },
    ]);
    const draft = await createCampaign('adherents');
    const news = await fill('news', draft);
    expect(news.items.map((i) => i.contributionId)).toEqual([first, second]);
    expect(news.items[0]).toMatchObject({
      title: 'Association A : Rapport annuel',
      text: 'Le rapport 2025 est en ligne.',
    });
    expect(news.items[0]!.url).toMatch(`${PUBLIC_URL}/actualites-adherents/`);
    const lost = await sender.request(
      'GET',
      '/api/contributions/fill?kind=news&campaignId=00000000-0000-4000-8000-000000000000',
    );
    expect(lost.statusCode).toBe(404);
    const bad = await sender.request('GET', `/api/contributions/fill?kind=article&campaignId=${draft}`);
    expect(bad.statusCode).toBe(400);
  });

  it('lets senders and admins fill, not authors or editors (who do not compose letters)', async () => {
    const draft = await createCampaign('membres');
    for (const role of ['author', 'editor'] as const) {
      const c = h.client();
      expect((await c.login((await h.createStaff(role)).email)).statusCode).toBe(200);
      expect((await c.request('GET', `/api/contributions/fill?kind=event&campaignId=${draft}`)).statusCode).toBe(403);
    }
  });

  it('warns before sending about a past event and a closed offer, naming them; a current letter is fine', async () => {
    // the contribution's end decides, even though the item's own date was edited into the future
    const [over, shut, coming] = await seedContributions(
      h.database.db,
      [
        {
          kind: 'event',
          status: 'accepted',
          title: 'Débat terminé',
          startsAt: at(-3 * DAY),
          endsAt: at(-3 * DAY + HOUR),
        },
        { kind: 'job', status: 'accepted', title: 'Poste pourvu', closesOn: '2026-02-27' },
        {
          kind: 'event',
          status: 'accepted',
          title: 'Débat à venir',
          startsAt: at(3 * DAY),
          endsAt: at(3 * DAY + HOUR),
        },
      ],
      { now: at(-10 * DAY) },
    );
    const url = `${PUBLIC_URL}/agenda/x`;
    const draft = await createCampaign('membres');
    await saveBlocks(draft, 'membres', [
      {
        type: 'agenda',
        events: [
          { title: 'Débat terminé', date: '2026-04-01T18:00', place: 'Lyon', url, contributionId: over },
          { title: 'Débat à venir', date: '2026-03-05T18:00', place: 'Lyon', url, contributionId: coming },
          { title: 'Saisi à la main', date: '2026-02-20', place: 'Metz' },
        ],
      },
      {
        type: 'jobs',
        offers: [
          {
            title: 'Poste pourvu',
            organisation: 'A',
            place: 'Paris',
            url,
            closesOn: '2026-04-30',
            contributionId: shut,
          },
          { title: 'Offre saisie', organisation: 'B', place: 'Brest', url, closesOn: '2026-03-01' },
          { title: 'Offre ouverte', organisation: 'C', place: 'Caen', url, closesOn: '2026-03-02' },
        ],
      },
    ]);
    const items = (await sender.request('POST', `/api/campaigns/${draft}/preflight`)).json<{ items: Item[] }>().items;
    const dates = items.filter((i) => i.code === 'contribution-dates');
    expect(dates.every((i) => i.level === 'warning')).toBe(true);
    expect(dates.map((i) => [i.blockIndex, i.message])).toEqual([
      [0, 'Bloc 1\u00a0: l’événement «\u202fDébat terminé\u202f» est déjà passé. Retirez-le ou corrigez sa date.'],
      [0, 'Bloc 1\u00a0: l’événement «\u202fSaisi à la main\u202f» est déjà passé. Retirez-le ou corrigez sa date.'],
      [1, 'Bloc 2\u00a0: l’offre «\u202fPoste pourvu\u202f» est close (candidatures jusqu’au 27/02/2026). Retirez-la.'],
      [1, 'Bloc 2\u00a0: l’offre «\u202fOffre saisie\u202f» est close (candidatures jusqu’au 01/03/2026). Retirez-la.'],
    ]);

    const current = await createCampaign('membres');
    await saveBlocks(current, 'membres', [
      {
        type: 'agenda',
        events: [{ title: 'Débat à venir', date: '2026-03-05T18:00', place: 'Lyon', contributionId: coming }],
      },
    ]);
    const fine = (await sender.request('POST', `/api/campaigns/${current}/preflight`)).json<{ items: Item[] }>().items;
    expect(fine.filter((i) => i.code === 'contribution-dates')).toEqual([
      {
        code: 'contribution-dates',
        level: 'ok',
        message: 'Les événements annoncés sont à venir et les offres encore ouvertes.',
      },
    ]);
  });

  it('escapes the XSS corpus typed into every contribution field in the letter’s HTML and text', async () => {
    const payloads = [...SCRIPT_TEXTS, ...XML_TEXTS].map((p) => p.trim());
    const seeded = payloads.flatMap((p, i) => [
      {
        kind: 'event' as const,
        status: 'accepted' as const,
        title: p,
        place: p,
        organiser: p,
        description: p,
        startsAt: at((i + 1) * HOUR),
        endsAt: at((i + 2) * HOUR),
        online: false,
      },
      {
        kind: 'job' as const,
        status: 'accepted' as const,
        title: p,
        organisation: p,
        place: p,
        description: p,
        closesOn: '2026-03-30',
      },
      { kind: 'news' as const, status: 'accepted' as const, title: p, organisation: p, description: p },
    ]);
    await seedContributions(h.database.db, seeded, { now: at(-HOUR) });
    const draft = await createCampaign('adherents');
    const [events, offers, news] = [await fill('event', draft), await fill('job', draft), await fill('news', draft)];
    const blocks = [
      { type: 'agenda', events: events.items.slice(0, 30) },
      { type: 'jobs', offers: offers.items.slice(0, 30) },
      { type: 'membersNews', items: news.items.slice(0, 30) },
    ];
    const res = await sender.request('POST', '/api/campaigns/preview', {
      kind: 'adherents',
      subject: 'XSS',
      preheader: '',
      lists: ['adherents'],
      blocks,
    });
    expect(res.statusCode).toBe(200);
    const preview = res.json<{ html: string; text: string; blockErrors: unknown[] }>();
    expect(preview.blockErrors).toEqual([]);

    // as a browser builds it: no element or attribute the corpus tried to smuggle in
    const found: string[] = [];
    const texts: string[] = [];
    const walk = (node: {
      nodeName: string;
      tagName?: string;
      value?: string;
      attrs?: { name: string; value: string }[];
      childNodes?: unknown[];
      content?: unknown;
    }) => {
      if (node.nodeName === '#text') texts.push(node.value ?? '');
      if (node.tagName && ['script', 'iframe', 'svg', 'object', 'embed'].includes(node.tagName))
        found.push(node.tagName);
      for (const a of node.attrs ?? []) {
        if (/^on/i.test(a.name)) found.push(`${node.tagName} ${a.name}`);
        if (/^(href|src)$/.test(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value)) found.push(a.value);
      }
      for (const c of (node.childNodes ?? []) as (typeof node)[]) walk(c);
    };
    walk(parseHtml(preview.html) as unknown as Parameters<typeof walk>[0]);
    expect(found).toEqual([]);
    const shown = texts.join('');
    for (const p of payloads) {
      expect(shown).toContain(ft(p));
      // the text part wraps long lines: compare with runs of white space as one
      expect(preview.text.replace(/\s+/g, ' ')).toContain(ft(p).replace(/\s+/g, ' '));
    }
    expect(shown).toContain('Candidatures jusqu’au 30\u00a0mars');
  });
});
