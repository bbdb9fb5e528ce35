// A realistic reader site for the benches, made through the db functions: 3 rubriques, 2 published dossiers with
// covers, 200 published articles (about 1,200 words each) with covers, tags and authors, one sent letter.
import {
  createArticle,
  createCampaign,
  createDossier,
  createMedia,
  createUser,
  listRubriques,
  publishDossier,
  saveArticle,
  saveDossier,
  setArticleStatus,
  updateCampaignDraft,
  type Database,
} from '@crieur/db';
import { markCampaignSent, seedContributions, type SeedContribution } from '@crieur/db/testing';
import { compileNewsletter, type NewsletterBlock } from '@crieur/newsletter';

const DAY = 24 * 3600_000;
const TAGS = ['budget participatif', 'convention citoyenne', 'climat', 'communes', 'alimentation', 'jeunesse'];
const AUTHORS = ['Camille Roux', 'Nora Benali', 'Jean Dupuis', 'Léa Martin'];

// about 1,200 words in twelve paragraphs with headings, links and a quote
const paragraph = (i: number) => ({
  type: 'paragraph',
  content: [
    {
      type: 'text',
      text: `Dans cette commune, la participation n'est plus un rituel mais une méthode (${i}). `.repeat(6),
    },
    { type: 'text', text: 'un lien', marks: [{ type: 'link', attrs: { href: 'https://example.org/source' } }] },
    { type: 'text', text: ' et une phrase en gras.', marks: [{ type: 'bold' }] },
  ],
});
export const articleBody = {
  type: 'doc',
  content: Array.from({ length: 12 }, (_, i) =>
    i % 4 === 1
      ? { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `Partie ${i}` }] }
      : i === 6
        ? { type: 'blockquote', content: [paragraph(i)] }
        : paragraph(i),
  ),
};
const note = (text: string) => ({
  type: 'doc' as const,
  content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }],
});

export type ReaderSite = {
  article: string;
  dossier: string;
  rubrique: string;
  tag: string;
  letter: string;
  search: string;
  /** the network's pages (issue 17): an event and an offer among a thousand of each */
  event: string;
  offer: string;
};

export async function seedReaderSite({ db }: Database, count = 200): Promise<ReaderSite> {
  const now = new Date();
  const user = await createUser(db, { email: 'bench@example.org', role: 'editor', status: 'active', passwordHash: '' });
  const cover = (i: number) =>
    createMedia(db, {
      fileName: `couverture-${i}.jpg`,
      mime: 'image/jpeg',
      width: 1800,
      height: 1200,
      bytes: 240_000,
      alt: `Une réunion publique dans la commune numéro ${i}`,
      caption: 'Une assemblée d’habitant·es.',
      credit: 'Photo : ICPC',
      createdBy: user.id,
      now,
    });
  const rubriques = await listRubriques(db);
  const dossiers: { id: string; slug: string }[] = [];
  for (const [i, title] of ['Démocratie alimentaire', 'Les communes sauveront-elles la démocratie ?'].entries()) {
    const slug = i === 0 ? 'democratie-alimentaire' : 'les-communes';
    const id = await createDossier(db, { title, slug, lede: `Le dossier : ${title}`, editorialNote: note(title), now });
    const version = await saveDossier(db, {
      id,
      version: 1,
      fields: {
        title,
        slug,
        lede: `Le dossier : ${title}`,
        editorialNote: note(title),
        coverMediaId: (await cover(i)).id,
      },
      userId: user.id,
      now,
    });
    await publishDossier(db, {
      id,
      mode: 'publish',
      version,
      userId: null,
      now: new Date(now.getTime() - i * 90 * DAY),
    });
    dossiers.push({ id, slug });
  }
  const piece = async (i: number) => {
    const title =
      i === 0 ? 'Démocratie alimentaire : qui décide de ce que nous mangeons ?' : `Chronique ${i} : la commune`;
    const slug = `article-${i}`;
    const rubrique = rubriques[i % rubriques.length]!;
    const dossierId = i % 10 === 0 ? dossiers[i % 20 === 0 ? 0 : 1]!.id : null;
    const id = await createArticle(db, {
      title,
      slug,
      rubriqueId: rubrique.id,
      dossierId,
      body: articleBody,
      authors: [],
      userId: null,
      now,
    });
    await saveArticle(db, {
      id,
      version: 1,
      fields: {
        title,
        slug,
        lede: `Ce que la participation change, vu depuis la commune ${i}.`,
        body: articleBody,
        rubriqueId: rubrique.id,
        dossierId,
        tags: [TAGS[i % TAGS.length]!, TAGS[(i + 1) % TAGS.length]!],
        authors: [AUTHORS[i % AUTHORS.length]!],
        coverMediaId: (await cover(10 + i)).id,
      },
      userId: user.id,
      now,
    });
    await setArticleStatus(db, {
      id,
      from: 'draft',
      to: 'published',
      publishedAt: new Date(now.getTime() - (i + 1) * 3600_000),
      userId: null,
      now,
    });
  };
  // ten at a time (the pool's size): the seed is a few seconds of a 90-second bench
  for (let i = 0; i < count; i += 10)
    await Promise.all(Array.from({ length: Math.min(10, count - i) }, (_, k) => piece(i + k)));
  const letter = await sentLetter(db, user.id, now);
  await seedNetwork(db, now, 1_000);
  return {
    article: 'article-0',
    dossier: dossiers[0]!.slug,
    rubrique: rubriques[0]!.slug,
    tag: 'budget-participatif',
    letter,
    search: 'democratie alimentaire',
    event: 'evenement-0',
    offer: 'offre-0',
  };
}

async function sentLetter(db: Database['db'], userId: string, now: Date): Promise<string> {
  const subject = 'La lettre de démocratieS : printemps';
  const created = await createCampaign(db, {
    kind: 'democraties',
    slugBase: 'lettre-printemps',
    lists: ['democraties'],
    blocks: [],
    userId: null,
    now,
  });
  const blocks: NewsletterBlock[] = [
    { type: 'edito', doc: note('Le mot de la présidente pour ce printemps.') },
    {
      type: 'article',
      title: 'À Grenoble, un budget participatif',
      lede: 'Dix ans de projets votés par les habitant·es.',
      url: 'http://localhost:3000/articles/article-1',
    },
  ];
  const fields = { kind: 'democraties' as const, subject, preheader: 'Au sommaire', fromName: '', replyTo: '', blocks };
  const c = await updateCampaignDraft(db, {
    id: created.id,
    version: 1,
    fields,
    lists: ['democraties'],
    slugBase: 'lettre-printemps',
    userId,
    now,
  });
  const compiled = await compileNewsletter(
    { kind: 'democraties', subject, preheader: 'Au sommaire', blocks },
    { publicUrl: 'http://localhost:3000', listName: 'démocratieS' },
  );
  await markCampaignSent(db, { id: c.id, renderedHtml: compiled.html, renderedText: compiled.text, at: now });
  return c.slug;
}

/** `count` upcoming events (one every six hours) and `count` open offers, published, each with a page of text. */
async function seedNetwork(db: Database['db'], now: Date, count: number): Promise<void> {
  const published = new Date(now.getTime() - DAY);
  const description =
    'Une journée pour partager nos pratiques de concertation, avec des ateliers et une plénière. '.repeat(6);
  const items: SeedContribution[] = Array.from({ length: count }, (_, i) => ({
    kind: 'event',
    status: 'accepted',
    slug: `evenement-${i}`,
    title: `Rencontre du réseau n° ${i} : la participation dans les communes`,
    description,
    publishAt: published,
    startsAt: new Date(now.getTime() + (i + 1) * 6 * 3600_000),
    endsAt: new Date(now.getTime() + (i + 1) * 6 * 3600_000 + 3 * 3600_000),
    online: i % 3 === 0,
    place: i % 3 === 0 ? '' : 'Maison des associations, Lyon',
    organiser: 'Collectif Concertation',
    history: false,
  }));
  const contracts = ['cdi', 'cdd', 'stage', 'alternance', 'service_civique'];
  for (let i = 0; i < count; i++)
    items.push({
      kind: 'job',
      status: 'accepted',
      slug: `offre-${i}`,
      title: `Chargé·e de mission concertation n° ${i}`,
      description,
      publishAt: published,
      organisation: 'Ville de Grenoble',
      place: 'Grenoble',
      remote: i % 2 === 0,
      contractType: contracts[i % contracts.length]!,
      closesOn: new Date(now.getTime() + (30 + (i % 90)) * DAY).toISOString().slice(0, 10),
      history: false,
    });
  // 500 rows a statement: well under PostgreSQL's 65,535 parameters
  for (let i = 0; i < items.length; i += 500) await seedContributions(db, items.slice(i, i + 500), { now });
}
