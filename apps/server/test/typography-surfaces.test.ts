// One sample typed as staff and proposers type it, read back from every surface a reader gets: each shows it in
// French typography, and the database keeps it as typed (issue 15, « French typography at render time »).
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, type Mailer } from '@crieur/mailer';
import { seedContributions } from '@crieur/db/testing';
import { startHarness, type Client, type Harness } from './harness';
import { startSmtpSink } from './smtp-sink';
import { publishArticle, publishDossier, uploadCover } from './e2e/reader-seed';

const SAMPLE = "« a : b ; c ! ? l'ICPC 20 % »";
const N = '\u202F';
const S = '\u00A0';
const TYPESET = `«${N}a${S}: b${N}; c${N}!${N}? l’ICPC 20${N}%${N}»`;

const ENTITIES: Record<string, string> = {
  '&nbsp;': S,
  '&#160;': S,
  '&#xa0;': S,
  '&#8239;': N,
  '&#x202f;': N,
  '&#x27;': "'",
  '&#39;': "'",
  '&apos;': "'",
  '&rsquo;': '’',
  '&#8217;': '’',
  '&laquo;': '«',
  '&raquo;': '»',
  '&quot;': '"',
  '&amp;': '&',
};

/** What a reader reads: tags out, entities decoded, a text part's folded lines joined again. */
function readable(body: string): string {
  return body
    .replace(/<(style|script)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/gi, (entity) => ENTITIES[entity.toLowerCase()] ?? entity)
    .replace(/\r?\n/g, ' ');
}

/** Where the sample shows untypeset (a plain space before « : » or « ; », a straight apostrophe…), if anywhere. */
function problemsIn(name: string, body: string): string[] {
  const text = readable(body);
  const problems: string[] = [];
  if (!text.includes(TYPESET)) problems.push(`${name}: le texte typographié n’y est pas`);
  const straight = /.{0,30}l'ICPC.{0,30}/.exec(text);
  if (straight) problems.push(`${name}: apostrophe droite dans ${straight[0]}`);
  const loose = /.{0,20}(?:« a|a :|b ;|c !|20 %|% »).{0,20}/.exec(text);
  if (loose)
    problems.push(
      `${name}: espace sécable laissée dans ${JSON.stringify(loose[0]).replace(/[\u00a0\u202f]/g, (c) => (c === N ? '⍽' : '·'))}`,
    );
  return problems;
}

describe('French typography on every surface (real PostgreSQL, SMTP sink)', () => {
  let h: Harness;
  let editor: Client;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let mailer: Mailer;

  beforeAll(async () => {
    sink = await startSmtpSink();
    mailer = createMailer({ smtpUrl: sink.url, outboxDir: '/nonexistent' });
    h = await startHarness({ deps: { mailer } });
    h.clock.now = new Date();
    editor = h.client();
    await editor.login((await h.createStaff('admin', 'lea@icpc.example')).email);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await mailer?.close();
    await sink?.close();
  });

  it('site pages and feeds show the sample typeset; the rows keep it as typed', async () => {
    const cover = await uploadCover(h, editor, {
      alt: 'Une salle',
      caption: `Légende ${SAMPLE}`,
      colours: ['#234', '#9ab'],
    });
    const dossier = await publishDossier(editor, { title: `Dossier ${SAMPLE}`, lede: `Chapeau ${SAMPLE}`, cover });
    const article = await publishArticle(editor, {
      title: `Article ${SAMPLE}`,
      lede: `Chapeau ${SAMPLE}`,
      rubrique: 'points-de-vue',
      topic: SAMPLE,
      tags: ['participation'],
      authors: ['Nora'],
      cover: null,
      dossierId: dossier.id,
    });
    const published = new Date(h.clock.now.getTime() - 86_400_000);
    const later = (days: number) => new Date(h.clock.now.getTime() + days * 86_400_000);
    await seedContributions(h.database.db, [
      {
        kind: 'event',
        status: 'accepted',
        slug: 'rencontre-icpc',
        title: `Rencontre ${SAMPLE}`,
        publishAt: published,
        startsAt: later(5),
        endsAt: later(5.1),
        online: false,
        place: `Lyon ${SAMPLE}`,
        organiser: 'ICPC',
        description: `Programme ${SAMPLE}`,
        url: 'https://exemple.org/rencontre',
      },
      {
        kind: 'job',
        status: 'accepted',
        slug: 'offre-icpc',
        title: `Offre ${SAMPLE}`,
        publishAt: published,
        organisation: 'Ville de Grenoble',
        place: 'Grenoble',
        remote: false,
        contractType: 'cdd',
        closesOn: later(20).toISOString().slice(0, 10),
        description: `Missions ${SAMPLE}`,
        url: 'https://exemple.org/offre',
      },
      {
        kind: 'news',
        status: 'accepted',
        slug: 'actualite-icpc',
        title: `Nouvelle ${SAMPLE}`,
        publishAt: published,
        organisation: 'Les Ami·es du débat',
        description: `Récit ${SAMPLE}`,
        url: 'https://exemple.org/local',
      },
    ]);
    const legal = await editor.request('PUT', '/api/legal-pages/mentions-legales', {
      title: 'Mentions légales',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Texte ${SAMPLE}` }] }] },
      fields: {},
    });
    expect(legal.statusCode, legal.body).toBe(200);

    const surfaces = [
      '/',
      `/articles/${article.slug}`,
      '/rubriques/points-de-vue',
      `/dossiers/${dossier.slug}`,
      '/dossiers',
      '/recherche?q=ICPC',
      '/feed.xml',
      '/agenda',
      '/agenda/rencontre-icpc',
      '/agenda/feed.xml',
      '/offres',
      '/offres/offre-icpc',
      '/offres/feed.xml',
      '/actualites-adherents',
      '/actualites-adherents/actualite-icpc',
      '/actualites-adherents/feed.xml',
      '/mentions-legales',
    ];
    const reader = h.client();
    const problems: string[] = [];
    for (const path of surfaces) {
      const res = await reader.request('GET', path);
      if (res.statusCode !== 200) problems.push(`${path}: ${res.statusCode}`);
      else problems.push(...problemsIn(path, res.body));
    }
    expect(problems).toEqual([]);

    // the calendar files, as a calendar app reads them (folded lines and escapes undone by a real parser)
    for (const path of ['/agenda/rencontre-icpc.ics', '/agenda.ics']) {
      const res = await reader.request('GET', path);
      expect(res.statusCode, path).toBe(200);
      const event = Object.values(ical.sync.parseICS(res.body)).find((c): c is ical.VEvent => c?.type === 'VEVENT')!;
      for (const field of [event.summary, event.description, event.location])
        expect(String(field), path).toContain(TYPESET);
    }

    // never stored: what was typed is what the rows hold
    const stored = (await editor.request('GET', `/api/articles/${article.id}`)).json().article;
    expect(stored.title).toBe(`Article ${SAMPLE}`);
    expect(stored.lede).toBe(`Chapeau ${SAMPLE}`);
    expect(JSON.stringify(stored.body)).toContain(`${SAMPLE.slice(0, 12)}`);
  }, 120_000);

  it('a letter with the sample in every block: preview HTML and text, and the test email’s subject, HTML and text', async () => {
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Texte ${SAMPLE}` }] }] };
    const blocks = [
      { type: 'edito', title: `Édito ${SAMPLE}`, doc, signature: `Signé ${SAMPLE}` },
      { type: 'sectionTitle', text: `Rubrique ${SAMPLE}` },
      { type: 'article', title: `Article ${SAMPLE}`, lede: `Chapeau ${SAMPLE}`, url: 'https://exemple.org/a' },
      { type: 'dossier', title: `Dossier ${SAMPLE}`, lede: `Chapeau ${SAMPLE}`, url: 'https://exemple.org/d' },
      { type: 'richText', title: `Libre ${SAMPLE}`, doc },
      {
        type: 'agenda',
        title: `Agenda ${SAMPLE}`,
        events: [{ title: `Événement ${SAMPLE}`, date: '2027-03-28T09:30', place: `Lyon ${SAMPLE}` }],
      },
      {
        type: 'jobs',
        title: `Offres ${SAMPLE}`,
        offers: [
          { title: `Poste ${SAMPLE}`, organisation: `Mairie ${SAMPLE}`, place: 'Lille', url: 'https://exemple.org/o' },
        ],
      },
      { type: 'membersNews', title: `Actualités ${SAMPLE}`, items: [{ title: `Nouvelle ${SAMPLE}`, text: SAMPLE }] },
      { type: 'button', label: `Bouton ${SAMPLE}`, url: 'https://exemple.org/b' },
    ];
    const subject = `Lettre ${SAMPLE}`;
    const sender = h.client();
    const staff = await h.createStaff('sender', 'camille@icpc.example');
    await sender.login(staff.email);
    const preview = await sender.request('POST', '/api/campaigns/preview', {
      kind: 'membres',
      subject,
      preheader: `Sommaire ${SAMPLE}`,
      lists: ['membres'],
      blocks,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const answer = preview.json();
    expect(answer.blockErrors).toEqual([]);
    // the text part writes section headings in capitals: compared without case
    const count = (text: string) => readable(text).toLowerCase().split(TYPESET.toLowerCase()).length - 1;
    // every block's texts (edito 3, section 1, article 2, dossier 2, free 2, agenda 3, jobs 3, news 3, button 1)
    expect(count(answer.html)).toBeGreaterThanOrEqual(20);
    expect(count(answer.text)).toBeGreaterThanOrEqual(20);
    expect([...problemsIn('aperçu HTML', answer.html), ...problemsIn('aperçu texte', answer.text)]).toEqual([]);
    // the text part names the letter once at its start: no title said twice
    const head = answer.text.split('\n').slice(0, 8);
    expect(head.filter((line: string) => line.trim() === 'La lettre des membres')).toHaveLength(1);
    expect(new Set(head.filter((line: string) => line.trim() !== '')).size).toBe(
      head.filter((line: string) => line.trim() !== '').length,
    );
    // a « never ends a line of the text part, a » never starts one
    expect(answer.text.split('\n').filter((line: string) => /«\s*$|^\s*»/.test(line))).toEqual([]);

    const created = await sender.request('POST', '/api/campaigns', { kind: 'membres' });
    expect(created.statusCode, created.body).toBe(201);
    const campaign = created.json().campaign;
    const saved = await sender.request('PUT', `/api/campaigns/${campaign.id}`, {
      version: campaign.version,
      kind: 'membres',
      subject,
      preheader: `Sommaire ${SAMPLE}`,
      fromName: '',
      replyTo: '',
      lists: ['membres'],
      blocks,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const test = await sender.request('POST', `/api/campaigns/${campaign.id}/test`, { addresses: staff.email });
    expect(test.statusCode, test.body).toBe(202);
    const [mail] = await sink.waitFor(1);
    expect(mail!.parsed.subject).toBe(`[Test] Lettre ${TYPESET}`);
    const html = String(mail!.parsed.html);
    const text = String(mail!.parsed.text);
    expect(count(html)).toBeGreaterThanOrEqual(20);
    expect([...problemsIn('test HTML', html), ...problemsIn('test texte', text)]).toEqual([]);
    // the stored draft keeps what was typed
    const again = (await sender.request('GET', `/api/campaigns/${campaign.id}`)).json().campaign;
    expect(again.subject).toBe(subject);
    expect(JSON.stringify(again.blocks)).toContain(JSON.stringify(SAMPLE).slice(1, -1));
  }, 120_000);
});
