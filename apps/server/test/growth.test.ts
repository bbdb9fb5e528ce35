import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignReport, EnteredCount, Growth, YearReport } from '@crieur/api';
import { takeSnapshots } from '@crieur/growth';
import { seedGrowthFixture } from '@crieur/db/testing';
import { startHarness, type Client, type Harness } from './harness';
import { frenchTypography as fr } from '@crieur/content/typography';

// numbers in French typography use a narrow no-break space; the expected texts below use plain ones
const plain = (text: string) => text.replace(/\u202f/g, ' ');
const BOM = '\ufeff';

const YEAR_2025_MD = `# Rapport d’activité 2025 : les chiffres

Chiffres de l’année 2025, arrêtés au 31 décembre.

## Lettres envoyées

11 lettres envoyées en 2025.

| Liste | Envois |
| --- | ---: |
| Lettre des membres | 4 |
| Lettre des adhérent·es | 3 |
| Lettre de démocratieS | 4 |

## Destinataires par envoi

| Date | Objet | Listes | Destinataires | Soumis |
| --- | --- | --- | ---: | ---: |
| 20/06/2025 | Lettre membres-juin | Lettre des membres | 3 300 | 3 290 |
| 25/06/2025 | Lettre democraties-juin | Lettre de démocratieS | 1 600 | 1 598 |
| 01/07/2025 | Lettre adherents-juillet | Lettre des adhérent·es | 170 | 170 |
| 15/09/2025 | Lettre membres-septembre | Lettre des membres | 3 300 | 3 290 |
| 20/09/2025 | Lettre democraties-septembre | Lettre de démocratieS | 1 750 | 1 748 |
| 01/10/2025 | Lettre adherents-octobre | Lettre des adhérent·es | 170 | 170 |
| 30/10/2025 | Lettre membres-octobre | Lettre des membres | 3 300 | 3 290 |
| 15/11/2025 | Lettre democraties-novembre | Lettre de démocratieS | 1 710 | 1 708 |
| 01/12/2025 | Lettre adherents-decembre | Lettre des adhérent·es | 170 | 170 |
| 10/12/2025 | Lettre membres-decembre | Lettre des membres | 3 240 | 3 230 |
| 15/12/2025 | Lettre democraties-decembre | Lettre de démocratieS | 1 710 | 1 708 |

## Abonné·es

| Liste | 1er janvier | 31 décembre | Évolution | Inscriptions | Désinscriptions |
| --- | ---: | ---: | ---: | ---: | ---: |
| Lettre des membres | – | 3 240 | – | 0 | 60 |
| Lettre des adhérent·es | 165 (saisi) | 170 | +5 | 0 | 0 |
| Lettre de démocratieS | 1 459 (saisi) | 1 714 | +255 | 154 | 40 |

« saisi » : chiffre d’avant les relevés automatiques, saisi par l’équipe ; les autres viennent du registre des événements.

## Publications

3 articles publiés en 2025.

| Rubrique | Articles |
| --- | ---: |
| Points de vue | 2 |
| Sur le terrain | 1 |
| Dans les marges | 0 |

1 dossier publié :
- Démocratie du vivant (01/04/2025)

Contributions du réseau publiées en 2025 : 2 annonces d’événements, 1 offre d’emploi ou de stage et 0 actualité d’adhérent·e.
`;

const YEAR_2025_CSV_SUBSCRIBERS = [
  'Abonné·es;Lettre des membres;1er janvier;',
  'Abonné·es;Lettre des membres;31 décembre;3240',
  'Abonné·es;Lettre des membres;évolution;',
  'Abonné·es;Lettre des membres;inscriptions;0',
  'Abonné·es;Lettre des membres;désinscriptions;60',
  'Abonné·es;Lettre des adhérent·es;1er janvier (saisi);165',
  'Abonné·es;Lettre des adhérent·es;31 décembre;170',
  'Abonné·es;Lettre des adhérent·es;évolution;5',
  'Abonné·es;Lettre des adhérent·es;inscriptions;0',
  'Abonné·es;Lettre des adhérent·es;désinscriptions;0',
  'Abonné·es;Lettre de démocratieS;1er janvier (saisi);1459',
  'Abonné·es;Lettre de démocratieS;31 décembre;1714',
  'Abonné·es;Lettre de démocratieS;évolution;255',
  'Abonné·es;Lettre de démocratieS;inscriptions;154',
  'Abonné·es;Lettre de démocratieS;désinscriptions;40',
];

describe('growth and reports on the known 2025 ledger (PostgreSQL)', () => {
  let h: Harness;
  let editor: Client;
  let sender: Client;

  beforeAll(async () => {
    h = await startHarness();
    h.clock.now = new Date('2026-11-23T08:00:00Z');
    await seedGrowthFixture(h.database.db);
    await takeSnapshots(h.database.db, { now: h.clock.now });
    for (const [role, set] of [
      ['editor', (c: Client) => (editor = c)],
      ['sender', (c: Client) => (sender = c)],
    ] as const) {
      const staff = await h.createStaff(role);
      const c = h.client();
      expect((await c.login(staff.email)).statusCode).toBe(200);
      await c.refreshCsrf();
      set(c);
    }
  }, 60_000);
  afterAll(() => h.close());

  it('gives the daily line, the months and the headline of each list', async () => {
    const res = await editor.request('GET', '/api/growth?lists=democraties,membres&from=2025-01-01&to=2025-12-31');
    expect(res.statusCode).toBe(200);
    const body = res.json<Growth>();
    expect(body.lists.map((l) => l.slug)).toEqual(['democraties', 'membres']);
    const [d, m] = body.lists as [Growth['lists'][0], Growth['lists'][0]];
    // 15 June → 31 December is 200 days, plus the entered January count
    expect(d.points).toHaveLength(201);
    expect(d.points[0]).toEqual({ day: '2025-01-01', confirmed: 1459, entered: true, provisional: false });
    expect(d.points.at(-1)).toEqual({ day: '2025-12-31', confirmed: 1714, entered: false, provisional: false });
    const on = (day: string) => d.points.find((p) => p.day === day)?.confirmed;
    // the 40 who left at 23:30 on the 25-hour day count on that day
    expect([on('2025-10-25'), on('2025-10-26'), on('2025-10-27')]).toEqual([1750, 1710, 1710]);
    expect(m.points).toHaveLength(200);
    expect(m.daily.find((p) => p.day === '2025-09-15')?.bounces).toBe(3);
    expect(d.monthly.filter((x) => x.net !== null).map((x) => [x.month, x.net, x.subscribes, x.unsubscribes])).toEqual([
      ['2025-07', 0, 0, 0],
      ['2025-08', 0, 0, 0],
      ['2025-09', 150, 150, 0],
      ['2025-10', -40, 0, 40],
      ['2025-11', 0, 0, 0],
      ['2025-12', 4, 4, 0],
    ]);
    // January opens on the count entered by staff, and no month subtracts it from a measured one
    expect(d.monthly[0]).toMatchObject({ month: '2025-01', opening: 1459, entered: true, net: null });
    expect(m.monthly.find((x) => x.month === '2025-11')).toMatchObject({
      opening: 3300,
      closing: 3240,
      net: -60,
      unsubscribes: 60,
    });
    // now: 1,714 plus the ten who came at 00:30 on 1 January 2026
    expect(d.headline).toEqual({
      confirmedNow: 1724,
      year: 2026,
      since: { day: '2026-01-01', change: 10, fromStart: false },
      entered: null,
    });
    expect(m.headline).toMatchObject({ confirmedNow: 3240, since: { day: '2026-01-01', change: 0, fromStart: false } });
  });

  it('defaults to the last 365 days of every list, today included, and checks its input', async () => {
    const body = (await editor.request('GET', '/api/growth')).json<Growth>();
    expect([body.from, body.to, body.today]).toEqual(['2025-11-24', '2026-11-23', '2026-11-23']);
    // 364 stored days and today's, live and provisional
    expect(body.lists[2]!.points.at(-1)).toEqual({
      day: '2026-11-23',
      confirmed: 1724,
      entered: false,
      provisional: true,
    });
    expect(body.lists.map((l) => [l.slug, l.points.length])).toEqual([
      ['membres', 365],
      ['adherents', 365],
      ['democraties', 365],
    ]);
    const refused = async (url: string) => {
      const res = await editor.request('GET', url);
      expect(res.statusCode).toBe(400);
      const { error } = res.json<{ error: { code: string; message: string; issues: unknown[] } }>();
      expect(error.code).toBe('VALIDATION');
      return error;
    };
    expect(await refused('/api/growth?lists=membres,nope')).toEqual({
      code: 'VALIDATION',
      message: fr('« listes » : Liste inconnue : nope.'),
      issues: [{ path: 'lists', message: fr('Liste inconnue : nope.') }],
    });
    expect((await refused('/api/growth?from=2025-02-30')).message).toBe(fr('« début » : Date invalide.'));
    expect((await refused('/api/growth?from=2025-03-01&to=2025-02-01')).message).toBe(
      fr('« début » : Le début vient après la fin.'),
    );
    expect((await refused('/api/growth?from=2020-01-01&to=2025-02-01')).message).toBe(
      fr('« début » : Trois ans au plus à la fois.'),
    );
  });

  it('lets senders enter a past month, shown as entered, and never a future one', async () => {
    expect(
      (await editor.request('PUT', '/api/growth/history', { list: 'democraties', month: '2025-03', confirmed: 1500 }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await sender.request('PUT', '/api/growth/history', {
          list: 'democraties',
          month: '2025-03',
          confirmed: 1500,
          note: 'fichier Excel',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await sender.request('PUT', '/api/growth/history', { list: 'democraties', month: '2025-03', confirmed: 1510 }))
        .statusCode,
    ).toBe(200);
    const refused = async (body: Record<string, unknown>) => {
      const res = await sender.request('PUT', '/api/growth/history', body);
      expect(res.statusCode).toBe(400);
      const { error } = res.json<{ error: { code: string; message: string } }>();
      expect(error.code).toBe('VALIDATION');
      return error.message;
    };
    expect(await refused({ list: 'democraties', month: '2026-12', confirmed: 1 })).toBe(
      fr('« mois » : Ce mois n’a pas encore commencé.'),
    );
    expect(await refused({ list: 'democraties', month: '2025-13', confirmed: 1 })).toBe(
      fr('« mois » : Mois invalide : écrivez-le AAAA-MM (2025-03).'),
    );
    expect(await refused({ list: 'democraties', month: '2025-04', confirmed: -1 })).toBe(
      fr('« nombre d’abonné·es » : La valeur doit être au moins 0.'),
    );
    expect(await refused({ list: 'fantome', month: '2025-04', confirmed: 1 })).toBe(
      fr('« liste » : Liste inconnue : fantome.'),
    );
    const body = (
      await editor.request('GET', '/api/growth?lists=democraties&from=2025-01-01&to=2025-06-30')
    ).json<Growth>();
    expect(body.lists[0]!.points.filter((p) => p.entered)).toEqual([
      { day: '2025-01-01', confirmed: 1459, entered: true, provisional: false },
      { day: '2025-03-01', confirmed: 1510, entered: true, provisional: false },
    ]);
    const history = (await editor.request('GET', '/api/growth/history')).json<{ history: EnteredCount[] }>().history;
    expect(history.filter((x) => x.list === 'democraties').map((x) => [x.month, x.confirmed])).toEqual([
      ['2025-01', 1459],
      ['2025-03', 1510],
    ]);
    expect((await sender.request('DELETE', '/api/growth/history/democraties/2025-03')).statusCode).toBe(204);
    expect((await sender.request('DELETE', '/api/growth/history/democraties/2025-03')).statusCode).toBe(404);
  });

  it('reports every campaign with its ledger counts, and as CSV', async () => {
    const { campaigns } = (await editor.request('GET', '/api/reports/campaigns?year=2025')).json<{
      campaigns: CampaignReport[];
    }>();
    expect(campaigns).toHaveLength(11);
    expect(campaigns.find((c) => c.slug === 'membres-octobre')).toMatchObject({
      lists: ['membres'],
      recipients: 3300,
      sent: 3290,
      failed: 6,
      uncertain: 4,
      bounced: 0,
      complaints: 0,
      unsubscribes7d: 60,
    });
    expect(campaigns.find((c) => c.slug === 'membres-septembre')).toMatchObject({ bounced: 3, unsubscribes7d: 0 });
    expect(
      (await editor.request('GET', '/api/reports/campaigns')).json<{ campaigns: unknown[] }>().campaigns,
    ).toHaveLength(12);
    const csv = await editor.request('GET', '/api/reports/campaigns.csv?year=2025');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe(
      `${BOM}Date;Lettre;Objet;Listes;Statut;Destinataires;Soumis;Échecs;Rebonds;Plaintes (spam);Incertains;Désinscriptions (7 jours)`,
    );
    expect(lines[1]).toBe(
      '2025-12-15;democraties-decembre;Lettre democraties-decembre;democraties;terminée;1710;1708;2;0;0;0;0',
    );
    expect(lines).toContain('2025-10-30;membres-octobre;Lettre membres-octobre;membres;terminée;3300;3290;6;0;0;4;60');
    expect(lines).toHaveLength(13); // header, 11 campaigns, final empty line
  });

  it('prints the yearly report as JSON, Markdown and CSV with exactly the known numbers', async () => {
    const json = (await editor.request('GET', '/api/reports/year/2025')).json<YearReport>();
    expect(json.campaigns.total).toBe(11);
    expect(json.campaigns.perList.map((l) => [l.slug, l.sent])).toEqual([
      ['membres', 4],
      ['adherents', 3],
      ['democraties', 4],
    ]);
    const md = await editor.request('GET', '/api/reports/year/2025.md');
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.body).toContain('1\u202f714');
    expect(plain(md.body)).toBe(YEAR_2025_MD);
    const csv = await editor.request('GET', '/api/reports/year/2025.csv');
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe(`${BOM}Section;Élément;Indicateur;Valeur`);
    expect(lines[1]).toBe('Lettres;Toutes les listes;envois;11');
    expect(lines.filter((l) => l.startsWith('Abonné·es'))).toEqual(YEAR_2025_CSV_SUBSCRIBERS);
    expect(lines.filter((l) => l.startsWith('Publications'))).toEqual([
      'Publications;Points de vue;articles;2',
      'Publications;Sur le terrain;articles;1',
      'Publications;Dans les marges;articles;0',
      'Publications;Dossiers;dossiers;1',
    ]);
    expect(json.publications.contributions).toEqual({ events: 2, jobs: 1, news: 0 });
    expect(lines.filter((l) => l.startsWith('Contributions'))).toEqual([
      'Contributions du réseau;Agenda;annonces d’événements;2',
      'Contributions du réseau;Offres d’emploi;offres;1',
      'Contributions du réseau;Actualités des adhérent·es;actualités;0',
    ]);
    expect((await editor.request('GET', '/api/reports/year/2027')).statusCode).toBe(404);
    const pdf = await editor.request('GET', '/api/reports/year/2025.pdf');
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.message).toBe(fr('« année » : Écrivez une année : 2025, 2025.md ou 2025.csv.'));
  });

  it('marks a year still running as such', async () => {
    const md = plain((await editor.request('GET', '/api/reports/year/2026.md')).body);
    expect(md).toContain('Année en cours : chiffres arrêtés au 22/11/2026.');
    expect(md).toContain('| Lettre de démocratieS | 1 714 | 1 724 | +10 | 0 | 0 |');
    expect(md).toContain('1 lettre envoyée en 2026.');
  });
});
