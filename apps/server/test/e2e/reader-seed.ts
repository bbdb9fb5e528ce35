import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { expect } from 'vitest';
import { hashToken, linkToken, newToken } from '@crieur/auth';
import {
  createCampaign,
  getSubscriberDetail,
  owedConfirmations,
  prepareConfirmationEmail,
  requestSubscription,
  updateCampaignDraft,
} from '@crieur/db';
import { markCampaignSent, seedContributions } from '@crieur/db/testing';
import { compileNewsletter, type NewsletterBlock } from '@crieur/newsletter';
import { TEST_LINK_KEY, type Client, type Harness } from '../harness';

// A small but realistic reader site: what staff type (straight apostrophes, plain spaces before « ? » and « : »)
// goes in as typed, so that the pages show what the render-time typography makes of it.

type Node = Record<string, unknown>;
const text = (t: string, marks?: string[]): Node => ({
  type: 'text',
  text: t,
  ...(marks ? { marks: marks.map((m) => ({ type: m })) } : {}),
});
const paragraph = (...content: Node[]): Node => ({ type: 'paragraph', content });
const doc = (...content: Node[]) => ({ type: 'doc', content });

const body = (topic: string) =>
  doc(
    paragraph(
      text(`À la rentrée, ${topic} s'est invitée dans les conseils municipaux. `),
      text('Qui décide', ['bold']),
      text(' ? Les habitant·es, disent les élu·es : « nous voulons les entendre ».'),
    ),
    { type: 'heading', attrs: { level: 2 }, content: [text('Ce que disent les chiffres')] },
    paragraph(text('En 2025, 1 200 familles ont répondu ; 68 % veulent aller plus loin !')),
    { type: 'blockquote', content: [paragraph(text("« On n'avait jamais été consulté·es », raconte une mère."))] },
    paragraph(text('Prochaine réunion publique à 18 h 30, salle des fêtes.')),
  );

/** A PNG drawn from an SVG (a soft gradient and a shape), so that screenshots show real pictures. */
async function picture(width: number, height: number, from: string, to: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${width * 0.7}" cy="${height * 0.4}" r="${height * 0.22}" fill="#ffffff" fill-opacity="0.35"/>
    <rect x="${width * 0.1}" y="${height * 0.62}" width="${width * 0.45}" height="${height * 0.12}" rx="12"
      fill="#000000" fill-opacity="0.2"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export async function uploadCover(
  h: Harness,
  editor: Client,
  input: { alt: string; caption: string; colours: [string, string] },
): Promise<string> {
  const png = await picture(1800, 1200, ...input.colours);
  if (!editor.csrfToken) await editor.refreshCsrf();
  const res = await h.app.inject({
    method: 'POST',
    url: `/api/media?alt=${encodeURIComponent(input.alt)}&caption=${encodeURIComponent(input.caption)}`,
    headers: {
      cookie: `crieur_session=${editor.cookie('crieur_session')}; crieur_csrf=${editor.cookie('crieur_csrf')}`,
      'x-csrf-token': editor.csrfToken!,
      'content-type': 'image/png',
    },
    payload: png,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().media.id as string;
}

export type SeededArticle = { id: string; slug: string; title: string };

export async function publishArticle(
  editor: Client,
  input: {
    title: string;
    lede: string;
    rubrique: string;
    topic: string;
    tags: string[];
    authors: string[];
    cover: string | null;
    dossierId: string | null;
  },
): Promise<SeededArticle> {
  const created = (
    await editor.request('POST', '/api/articles', { title: input.title, rubrique: input.rubrique })
  ).json().article;
  const saved = await editor.request('PUT', `/api/articles/${created.id}`, {
    version: created.version,
    title: input.title,
    slug: '',
    lede: input.lede,
    body: body(input.topic),
    rubrique: input.rubrique,
    dossierId: input.dossierId,
    tags: input.tags,
    authors: input.authors,
    coverMediaId: input.cover,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  for (const action of ['submit', 'approve', 'publish']) {
    const res = await editor.request('POST', `/api/articles/${created.id}/transition`, { action });
    expect(res.statusCode, res.body).toBe(200);
  }
  return { id: created.id, slug: saved.json().article.slug, title: input.title };
}

export async function publishDossier(
  editor: Client,
  input: { title: string; lede: string; cover: string },
): Promise<{ id: string; slug: string }> {
  const created = (await editor.request('POST', '/api/dossiers', { title: input.title, lede: input.lede })).json()
    .dossier;
  const saved = await editor.request('PUT', `/api/dossiers/${created.id}`, {
    version: created.version,
    title: input.title,
    slug: '',
    lede: input.lede,
    editorialNote: doc(
      paragraph(text("Cantines, jardins partagés, marchés : qu'est-ce qu'une alimentation décidée ensemble ?")),
    ),
    coverMediaId: input.cover,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const published = await editor.request('POST', `/api/dossiers/${created.id}/transition`, {
    action: 'publish',
    version: saved.json().dossier.version,
  });
  expect(published.statusCode, published.body).toBe(200);
  return { id: created.id, slug: saved.json().dossier.slug };
}

/** A letter as the sender leaves it, so that /archive and /archive/<slug> exist (see archive.test.ts). */
export async function sentLetter(h: Harness, input: { staffId: string; publicUrl: string; articleUrl: string }) {
  const subject = 'Lettre de décembre : manger, voter, décider';
  const blocks: NewsletterBlock[] = [
    {
      type: 'edito',
      doc: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: "Chères lectrices, chers lecteurs : ce mois-ci, l'assiette devient politique !" },
            ],
          },
        ],
      },
    },
    {
      type: 'article',
      title: 'Démocratie alimentaire : les cantines reprennent la main',
      lede: 'Dans trois communes, les parents votent les menus.',
      url: input.articleUrl,
    },
  ];
  const at = new Date('2026-02-20T09:00:00Z');
  const created = await createCampaign(h.database.db, {
    kind: 'democraties',
    slugBase: 'lettre-de-decembre',
    lists: ['democraties'],
    blocks: [],
    userId: null,
    now: at,
  });
  const fields = { kind: 'democraties' as const, subject, preheader: 'Au sommaire', fromName: '', replyTo: '', blocks };
  const campaign = await updateCampaignDraft(h.database.db, {
    id: created.id,
    version: 1,
    fields,
    lists: ['democraties'],
    slugBase: 'lettre-de-decembre',
    userId: input.staffId,
    now: at,
  });
  const compiled = await compileNewsletter(
    { kind: 'democraties', subject, preheader: 'Au sommaire', blocks },
    { publicUrl: input.publicUrl, listName: 'La lettre de démocratieS' },
  );
  await markCampaignSent(h.database.db, {
    id: campaign.id,
    renderedHtml: compiled.html,
    renderedText: compiled.text,
    at,
  });
  return { slug: campaign.slug as string };
}

export type ReaderLinks = { confirm: string; preferences: string; unsubscribe: string };

/** A reader who asked for two letters, with the links their e-mails would carry (real tokens, not the test ones). */
export async function subscribedReader(h: Harness, name: string): Promise<ReaderLinks> {
  const db = h.database.db;
  const email = `${name.toLowerCase()}-${randomUUID().slice(0, 6)}@example.org`;
  const { subscriberId } = await requestSubscription(db, {
    email,
    name,
    listSlugs: ['democraties', 'membres'],
    formId: 'subscribe',
    textVersion: 'subscribe-2026-11',
    ip: '192.0.2.10',
    now: h.clock.now,
    confirmationTtlMs: 7 * 86_400_000,
    resendAfterMs: 86_400_000,
  });
  const owed = (await owedConfirmations(db, { now: h.clock.now })).find((o) => o.subscriberId === subscriberId)!;
  const token = newToken(); // what the mail worker writes in the confirmation e-mail
  await prepareConfirmationEmail(db, {
    confirmationId: owed.confirmationId,
    tokenHash: hashToken(token),
    now: h.clock.now,
  });
  const subscription = (await getSubscriberDetail(db, subscriberId!))!.subscriptions[0]!.sub;
  return {
    confirm: `/confirm/${token}`,
    preferences: `/preferences/${linkToken(TEST_LINK_KEY, 'preferences', subscriberId!)}`,
    unsubscribe: `/unsubscribe/${linkToken(TEST_LINK_KEY, 'unsubscribe', subscription.id)}`,
  };
}

/** What the network's pages show (issue 17): slugs of each kind, one offer already closed. */
export type SeededNetwork = { event: string; pastEvent: string; offer: string; closedOffer: string; news: string };

/**
 * Events, offers and members' news as the moderation would have published them, dated from the server's clock: typed
 * as proposers type (straight apostrophes, plain spaces before « ? »), one event with its image.
 */
export async function seedNetwork(h: Harness, input: { imageMediaId: string }): Promise<SeededNetwork> {
  const now = h.clock.now.getTime();
  const day = 86_400_000;
  const at = (days: number, hour: number) => {
    const d = new Date(now + days * day);
    d.setUTCHours(hour, 0, 0, 0);
    return d;
  };
  const published = new Date(now - 2 * day);
  const paris = (days: number) => new Date(now + days * day).toISOString().slice(0, 10);
  const event = (slug: string, title: string, days: number, extra: Record<string, unknown> = {}) => ({
    kind: 'event' as const,
    status: 'accepted' as const,
    slug,
    title,
    publishAt: published,
    startsAt: at(days, 8),
    endsAt: at(days, 11),
    online: false,
    place: 'Maison des associations, 12 rue Sala, Lyon',
    organiser: 'Collectif Concertation Rhône',
    description:
      "Une matinée pour comparer nos budgets participatifs : qu'est-ce qui marche ?\n\nInscription libre, café offert.",
    url: 'https://exemple.org/rencontre',
    ...extra,
  });
  await seedContributions(h.database.db, [
    event('rencontre-budgets-participatifs', 'Rencontre régionale des budgets participatifs', 5, {
      imageMediaId: input.imageMediaId,
      imageAlt: 'Des habitant·es votent à main levée dans une salle municipale',
    }),
    event('webinaire-tirage-au-sort', 'Webinaire : le tirage au sort en pratique', 12, { online: true, place: '' }),
    event('forum-ete', "Forum d'été de la participation", 40),
    event('atelier-passe', 'Atelier sur les conventions citoyennes', -10),
    {
      kind: 'job',
      status: 'accepted',
      slug: 'charge-mission-concertation',
      title: 'Chargé·e de mission concertation',
      publishAt: published,
      organisation: 'Ville de Grenoble',
      place: 'Grenoble',
      remote: true,
      contractType: 'cdd',
      closesOn: paris(20),
      description: "Vous animerez les ateliers de quartier.\n\nProfil : une première expérience d'animation ?",
      url: 'https://exemple.org/offre',
    },
    {
      kind: 'job',
      status: 'accepted',
      slug: 'stage-communication',
      title: 'Stage communication (6 mois)',
      publishAt: published,
      organisation: 'Réseau Démocratie Locale',
      place: 'Paris',
      remote: false,
      contractType: 'stage',
      closesOn: paris(30),
      description: 'Un stage pour raconter la participation citoyenne.',
      url: 'https://exemple.org/stage',
    },
    {
      kind: 'job',
      status: 'accepted',
      slug: 'offre-close',
      title: 'Coordinateur·rice (offre close)',
      publishAt: published,
      organisation: 'Association Exemple',
      place: 'Lille',
      remote: false,
      contractType: 'cdi',
      closesOn: paris(-3),
      url: 'https://exemple.org/close',
    },
    {
      kind: 'news',
      status: 'accepted',
      slug: 'nouveau-local-amis-du-debat',
      title: 'Les Ami·es du débat ouvrent un local à Rennes',
      publishAt: published,
      organisation: 'Les Ami·es du débat',
      description: "Après deux ans d'itinérance, nous posons nos valises rue de Brest.\n\nVenez nous voir !",
      url: 'https://exemple.org/local',
    },
  ]);
  return {
    event: 'rencontre-budgets-participatifs',
    pastEvent: 'atelier-passe',
    offer: 'charge-mission-concertation',
    closedOffer: 'offre-close',
    news: 'nouveau-local-amis-du-debat',
  };
}
