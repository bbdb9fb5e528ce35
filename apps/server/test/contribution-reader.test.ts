// The network's contributions on the reader site (real PostgreSQL): the agenda and its filters, archive and pages;
// the offers closing at Paris midnight; members' news; the .ics files read back by a calendar parser across both
// daylight-saving changes; JSON-LD; feeds; search; and the page cache's stamp rolling over when time alone changes.
import { XMLParser } from 'fast-xml-parser';
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteStamp } from '@crieur/db';
import { seedContributions, type SeedContribution } from '@crieur/db/testing';
import { startHarness, type Harness } from './harness';

const H = 3600_000;
const START = new Date('2027-03-20T09:00:00Z'); // a Saturday, Paris winter time (UTC+1)

const event = (slug: string, title: string, startsAt: string, extra: Partial<SeedContribution> = {}) =>
  ({
    kind: 'event',
    status: 'accepted',
    slug,
    title,
    publishAt: new Date('2027-03-01T09:00:00Z'),
    startsAt: new Date(startsAt),
    endsAt: new Date(new Date(startsAt).getTime() + 2 * H),
    online: false,
    place: 'Maison des associations, Lyon',
    organiser: 'Collectif Concertation',
    ...extra,
  }) satisfies SeedContribution;
const offer = (slug: string, title: string, closesOn: string, extra: Partial<SeedContribution> = {}) =>
  ({
    kind: 'job',
    status: 'accepted',
    slug,
    title,
    publishAt: new Date('2027-03-01T09:00:00Z'),
    organisation: 'Association Exemple',
    place: 'Nantes',
    remote: false,
    contractType: 'cdd',
    closesOn,
    ...extra,
  }) satisfies SeedContribution;

/** The item slugs a list page links to, in order (one per card). */
function linked(html: string, prefix: string): string[] {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  const re = new RegExp(`href="${prefix}/([a-z0-9-]+)"`, 'g');
  return [...main.matchAll(re)].map((m) => m[1]!).filter((s) => s !== 'archives');
}
const jsonLdOf = (html: string) => {
  const m = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html);
  expect(m).not.toBeNull();
  return JSON.parse(m![1]!) as Record<string, unknown>;
};
const feedTitles = (xml: string): string[] => {
  const feed = new XMLParser({ ignoreAttributes: false }).parse(xml) as { feed: { entry?: unknown } };
  const entries = feed.feed.entry === undefined ? [] : [feed.feed.entry].flat();
  return (entries as { title: { '#text': string } | string }[]).map((e) =>
    typeof e.title === 'string' ? e.title : e.title['#text'],
  );
};

describe('contributions on the reader site (PostgreSQL)', () => {
  let h: Harness;
  const get = (url: string) => h.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    h = await startHarness();
    h.clock.now = START;
    const january = Array.from({ length: 23 }, (_, i) =>
      event(`janvier-${i + 1}`, `Atelier de janvier ${i + 1}`, `2028-01-${String(i + 3).padStart(2, '0')}T17:00:00Z`),
    );
    await seedContributions(
      h.database.db,
      [
        // 10:00 in Paris the day before the spring change (UTC+1), the day after (UTC+2), the day of the autumn one
        event('rencontre-budgets', 'Rencontre des budgets participatifs', '2027-03-27T09:00:00Z'),
        event('webinaire-alimentation', 'Webinaire démocratie alimentaire', '2027-03-28T08:00:00Z', {
          online: true,
          place: '',
          url: 'https://visio.exemple.org/salle',
        }),
        event('assemblee-automne', 'Assemblée d’automne', '2027-10-31T09:00:00Z'),
        event('formation-avril', 'Formation à la concertation', '2027-04-15T12:00:00Z', { online: true }),
        event('forum-passe', 'Forum déjà passé', '2027-03-10T09:00:00Z'),
        event('pendante', 'Assemblée pendante', '2027-03-29T09:00:00Z', { status: 'pending', slug: null }),
        // public from tomorrow 10:00 Paris
        event('forum-demain', 'Forum annoncé demain', '2027-05-02T08:00:00Z', {
          publishAt: new Date('2027-03-21T09:00:00Z'),
        }),
        ...january,
        offer('charge-mission', 'Chargé·e de mission concertation', '2027-03-20'),
        offer('stage-communication', 'Stage communication', '2027-04-30', { contractType: 'stage', remote: true }),
        offer('offre-close', 'Offre déjà close', '2027-03-19'),
        {
          kind: 'news',
          status: 'accepted',
          slug: 'nouveau-local',
          title: 'Notre nouveau local',
          organisation: 'Les Ami·es du débat',
          description: 'Nous emménageons.\n\nVenez nous voir.',
          publishAt: new Date('2027-03-05T09:00:00Z'),
        },
        {
          kind: 'news',
          status: 'accepted',
          slug: 'rapport-annuel',
          title: 'Notre rapport annuel',
          organisation: 'Réseau Exemple',
          publishAt: new Date('2027-03-12T09:00:00Z'),
        },
      ],
      { now: new Date('2027-03-01T09:00:00Z') },
    );
  }, 60_000);
  afterAll(() => h?.close());

  it('lists upcoming events soonest first, with month and format filters, and pages of twenty', async () => {
    const page = await get('/agenda');
    expect(page.statusCode).toBe(200);
    const slugs = linked(page.body, '/agenda');
    expect(slugs.slice(0, 4)).toEqual([
      'rencontre-budgets',
      'webinaire-alimentation',
      'formation-avril',
      'assemblee-automne',
    ]);
    expect(slugs).toHaveLength(20);
    expect(slugs).not.toContain('forum-passe');
    expect(slugs).not.toContain('pendante');
    expect(page.body).toContain('27 événements');
    expect(page.body).toContain('samedi 27 mars 2027, de 10\u00a0h à 12\u00a0h');
    expect(linked((await get('/agenda?mois=2027-03')).body, '/agenda')).toEqual([
      'rencontre-budgets',
      'webinaire-alimentation',
    ]);
    expect(linked((await get('/agenda?format=en-ligne')).body, '/agenda')).toEqual([
      'webinaire-alimentation',
      'formation-avril',
    ]);
    expect(linked((await get('/agenda?mois=2027-03&format=sur-place')).body, '/agenda')).toEqual(['rencontre-budgets']);
    // January 2028's 23 events: 20, then 3, then a page past the end that says so
    const jan = (p: number) => get(`/agenda?mois=2028-01${p > 1 ? `&page=${p}` : ''}`);
    expect(linked((await jan(1)).body, '/agenda')).toHaveLength(20);
    const second = await jan(2);
    expect(linked(second.body, '/agenda')).toEqual(['janvier-21', 'janvier-22', 'janvier-23']);
    expect(second.body).toContain('Page 2 sur 2');
    expect((await jan(3)).body).toContain('la liste s’arrête à la page 2');
    // unreadable filters are no filters
    expect(linked((await get('/agenda?mois=2027-13&format=partout&page=abc')).body, '/agenda')).toHaveLength(20);
  });

  it('keeps past events in the archive, newest first, and their pages', async () => {
    const archive = await get('/agenda/archives');
    expect(linked(archive.body, '/agenda')).toEqual(['forum-passe']);
    const past = await get('/agenda/forum-passe');
    expect(past.statusCode).toBe(200);
    expect(past.body).toContain('Cet événement a eu lieu');
    expect((await get('/agenda/pendante')).statusCode).toBe(404);
  });

  it('gives each event a schema.org Event with Paris offsets, and an .ics with the right instants', async () => {
    const online = await get('/agenda/webinaire-alimentation');
    const ld = jsonLdOf(online.body);
    expect(ld).toMatchObject({
      '@type': 'Event',
      name: 'Webinaire démocratie alimentaire',
      startDate: '2027-03-28T10:00:00+02:00',
      endDate: '2027-03-28T12:00:00+02:00',
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      location: { '@type': 'VirtualLocation', url: 'https://visio.exemple.org/salle' },
      organizer: { '@type': 'Organization', name: 'Collectif Concertation' },
      url: 'http://localhost:3000/agenda/webinaire-alimentation',
    });
    expect(online.body).toContain('href="/agenda/webinaire-alimentation.ics"');
    const onsite = jsonLdOf((await get('/agenda/rencontre-budgets')).body);
    expect(onsite).toMatchObject({
      startDate: '2027-03-27T10:00:00+01:00',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: { '@type': 'Place', name: 'Maison des associations, Lyon' },
    });

    const one = await get('/agenda/webinaire-alimentation.ics');
    expect(one.statusCode).toBe(200);
    expect(one.headers['content-type']).toMatch(/^text\/calendar/);
    expect(one.headers['content-disposition']).toBe('attachment; filename="webinaire-alimentation.ics"');
    const parsed = Object.values(ical.sync.parseICS(one.body)).filter((c) => c?.type === 'VEVENT');
    expect(parsed).toHaveLength(1);
    expect((parsed[0] as ical.VEvent).start.toISOString()).toBe('2027-03-28T08:00:00.000Z');

    const all = await get('/agenda.ics');
    expect(all.headers['content-type']).toMatch(/^text\/calendar/);
    const starts = Object.fromEntries(
      Object.values(ical.sync.parseICS(all.body))
        .filter((c): c is ical.VEvent => c?.type === 'VEVENT')
        .map((e) => [String(e.summary), e.start.toISOString()]),
    );
    expect(starts['Rencontre des budgets participatifs']).toBe('2027-03-27T09:00:00.000Z');
    expect(starts['Webinaire démocratie alimentaire']).toBe('2027-03-28T08:00:00.000Z');
    expect(starts['Assemblée d’automne']).toBe('2027-10-31T09:00:00.000Z');
    expect(starts['Assemblée pendante']).toBeUndefined();
    expect((await get('/agenda/inconnu.ics')).statusCode).toBe(404);
  });

  it('lists open offers closing soonest first, filters them, and marks them up as JobPosting', async () => {
    const list = await get('/offres');
    expect(linked(list.body, '/offres')).toEqual(['charge-mission', 'stage-communication']);
    expect(linked((await get('/offres?contrat=stage')).body, '/offres')).toEqual(['stage-communication']);
    const ld = jsonLdOf((await get('/offres/stage-communication')).body);
    expect(ld).toMatchObject({
      '@type': 'JobPosting',
      title: 'Stage communication',
      datePosted: '2027-03-01',
      validThrough: '2027-04-30T23:59:59',
      employmentType: 'INTERN',
      hiringOrganization: { '@type': 'Organization', name: 'Association Exemple' },
      jobLocationType: 'TELECOMMUTE',
    });
    const closed = await get('/offres/offre-close');
    expect(closed.statusCode).toBe(410);
    expect(closed.body).toContain('Cette offre est close');
    expect(closed.body).toContain('<meta name="robots" content="noindex"/>');
    expect(feedTitles((await get('/offres/feed.xml')).body)).toContain('Chargé·e de mission concertation');
  });

  it('shows members’ news newest first, and each item with its paragraphs', async () => {
    expect(linked((await get('/actualites-adherents')).body, '/actualites-adherents')).toEqual([
      'rapport-annuel',
      'nouveau-local',
    ]);
    const item = await get('/actualites-adherents/nouveau-local');
    expect(item.body).toContain('<p><span>Nous emménageons.</span></p><p><span>Venez nous voir.</span></p>');
    expect(jsonLdOf(item.body)).toMatchObject({ '@type': 'NewsArticle', headline: 'Notre nouveau local' });
    expect(feedTitles((await get('/actualites-adherents/feed.xml')).body)).toEqual([
      'Notre rapport annuel',
      'Notre nouveau local',
    ]);
  });

  it('finds a public event by an accent-free word of its title, never a pending one', async () => {
    const found = await get('/recherche?q=democratie+alimentaire');
    expect(found.body).toContain('Agenda, offres et actualités');
    expect(found.body).toContain('href="/agenda/webinaire-alimentation"');
    const pending = await get('/recherche?q=pendante');
    expect(pending.body).not.toContain('/agenda/pendante');
    expect(pending.body).not.toContain('Agenda, offres et actualités');
  });

  it('the page cache’s stamp names the next change: the Paris midnight that closes an offer', async () => {
    const stamp = await siteStamp(h.database.db, START);
    expect(stamp.nextChangeAt?.toISOString()).toBe('2027-03-20T23:00:00.000Z');
    const before = await siteStamp(h.database.db, new Date('2027-03-20T22:59:59.999Z'));
    const after = await siteStamp(h.database.db, new Date('2027-03-20T23:00:00.000Z'));
    expect(after.stamp).not.toBe(before.stamp);
    expect(after.nextChangeAt?.toISOString()).toBe('2027-03-21T09:00:00.000Z'); // the forum's publication
  });

  it('an offer leaves the page and the feed at midnight in Paris; an item appears when its time comes', async () => {
    // seen (and cached) before midnight
    expect(linked((await get('/offres')).body, '/offres')).toContain('charge-mission');
    expect(linked((await get('/agenda?mois=2027-05')).body, '/agenda')).toEqual([]);
    h.clock.now = new Date('2027-03-20T23:00:00Z');
    expect(linked((await get('/offres')).body, '/offres')).toEqual(['stage-communication']);
    expect(feedTitles((await get('/offres/feed.xml')).body)).not.toContain('Chargé·e de mission concertation');
    expect((await get('/offres/charge-mission')).statusCode).toBe(410);
    expect(linked((await get('/agenda?mois=2027-05')).body, '/agenda')).toEqual([]);
    h.clock.now = new Date('2027-03-21T09:00:00Z');
    expect(linked((await get('/agenda?mois=2027-05')).body, '/agenda')).toEqual(['forum-demain']);
    expect((await get('/agenda/forum-demain')).statusCode).toBe(200);
    h.clock.now = START;
  });
});
