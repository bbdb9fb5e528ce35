import {
  createArticle,
  createDossier,
  listArticles,
  listDossiers,
  listRubriques,
  publishDossier,
  setArticleStatus,
  type Db,
} from '@crieur/db';
import { slugify } from '@crieur/editorial';
import type { CommandIo } from '../command';

const DAY = 24 * 3600_000;

// The four dossiers of DESIGN.md; the last one is in preparation.
const DOSSIERS = [
  {
    title: 'Démocratie du vivant',
    lede: 'Donner voix aux rivières, aux forêts et aux générations futures : ce que la participation apprend du vivant.',
    note: 'Ce dossier part d’une question simple : qui parle pour ce qui ne vote pas ?',
    published: true,
    daysAgo: 620,
  },
  {
    title: "L'intelligence artificielle, vraie ou fausse alliée de la participation ?",
    lede: 'Synthèses automatiques, consultations massives, agents conversationnels : promesses et angles morts.',
    note: 'Nous avons demandé à des praticien·nes ce que les outils changent vraiment à l’écoute des habitant·es.',
    published: true,
    daysAgo: 430,
  },
  {
    title: 'Les communes sauveront-elles la démocratie ?',
    lede: 'À l’approche des municipales, enquête sur les communes qui ouvrent leurs décisions aux habitant·es.',
    note: 'Budgets participatifs, tirage au sort, assemblées citoyennes : un tour de France des communes qui essaient.',
    published: true,
    daysAgo: 60,
  },
  {
    title: 'Démocratie alimentaire',
    lede: 'Qui décide de ce que nous mangeons ? Le prochain dossier de démocratieS.',
    note: 'En préparation : écrivez-nous si votre territoire invente une démocratie alimentaire.',
    published: false,
    daysAgo: 0,
  },
];

const doc = (...paragraphs: string[]) => ({
  type: 'doc',
  content: paragraphs.map((p, i) =>
    i === 1
      ? { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: p }] }
      : { type: 'paragraph', content: [{ type: 'text', text: p }] },
  ),
});

const ARTICLES = [
  {
    title: 'Budget participatif : ce que dix ans de votes nous apprennent',
    rubrique: 'sur-le-terrain',
    dossier: 2,
    authors: ['Camille Roux'],
    daysAgo: 55,
    body: [
      'Dans cette commune de 12 000 habitant·es, chaque année, un dixième du budget d’investissement est décidé par les habitant·es.',
      'Des projets modestes, une confiance retrouvée',
      'Les élu·es parlent d’un changement de culture : les services expliquent, les habitant·es arbitrent.',
    ],
  },
  {
    title: 'Tirer au sort pour décider mieux ?',
    rubrique: 'points-de-vue',
    dossier: 2,
    authors: ['Louis Martin', 'Aïcha Benali'],
    daysAgo: 40,
    body: [
      'Le tirage au sort s’installe dans les conseils de quartier. Deux praticien·nes en débattent.',
      'Le hasard comme garde-fou',
      'Pour l’une, il ouvre la porte à celles et ceux qu’on n’entend jamais ; pour l’autre, il ne remplace pas l’organisation collective.',
    ],
  },
  {
    title: 'La rivière a-t-elle des droits ?',
    rubrique: 'points-de-vue',
    dossier: 0,
    authors: ['Marie Leclerc'],
    daysAgo: 600,
    body: [
      'Des fleuves dotés de la personnalité juridique : une idée venue d’ailleurs qui fait son chemin.',
      'Représenter ce qui ne parle pas',
      'Qui parle au nom de la rivière ? La question est d’abord démocratique.',
    ],
  },
  {
    title: 'Une consultation de 40 000 contributions lue par une machine',
    rubrique: 'sur-le-terrain',
    dossier: 1,
    authors: ['Paul Girard'],
    daysAgo: 420,
    body: [
      'Pour synthétiser une consultation nationale, une équipe a utilisé un modèle de langage. Récit.',
      'Ce que la synthèse laisse de côté',
      'Les contributions minoritaires sont les premières à disparaître des résumés.',
    ],
  },
  {
    title: 'Marges : le conseil de quartier qui ne se réunissait jamais',
    rubrique: 'dans-les-marges',
    dossier: null,
    authors: ['Jeanne Petit'],
    daysAgo: 20,
    body: [
      'Chronique d’une instance créée par délibération, puis oubliée par tout le monde.',
      'Ce que l’absence raconte',
      'Parfois, la participation la plus sincère est celle qui refuse un cadre trop étroit.',
    ],
  },
];

/** A living demo site: rubriques (from the migrations), the four dossiers, a few published pieces. Safe to run twice. */
export async function seedDemo(db: Db, _argv: string[], io: CommandIo): Promise<void> {
  const now = new Date();
  const rubriques = new Map((await listRubriques(db)).map((r) => [r.slug, r.id]));
  const existing = new Map((await listDossiers(db)).map(({ d }) => [d.slug, d.id]));
  const dossierIds: string[] = [];
  for (const d of DOSSIERS) {
    const slug = slugify(d.title);
    let id = existing.get(slug);
    if (!id) {
      id = await createDossier(db, { title: d.title, slug, lede: d.lede, editorialNote: doc(d.note), now });
      // published as an editor would: its first version goes live, dated as if it had gone out then
      if (d.published)
        await publishDossier(db, {
          id,
          mode: 'publish',
          version: 1,
          userId: null,
          now: new Date(now.getTime() - d.daysAgo * DAY),
        });
    }
    dossierIds.push(id);
  }
  let created = 0;
  for (const a of ARTICLES) {
    if ((await listArticles(db, { q: a.title })).some((x) => x.title === a.title)) continue;
    const id = await createArticle(db, {
      title: a.title,
      slug: slugify(a.title),
      rubriqueId: rubriques.get(a.rubrique)!,
      dossierId: a.dossier === null ? null : dossierIds[a.dossier]!,
      body: doc(...a.body),
      authors: a.authors,
      userId: null,
      now,
    });
    await setArticleStatus(db, {
      id,
      from: 'draft',
      to: 'published',
      publishedAt: new Date(now.getTime() - a.daysAgo * DAY),
      userId: null,
      now,
    });
    created++;
  }
  io.out(
    `Demo ready: ${DOSSIERS.length} dossiers, ${created} new articles. Read them on the server's home page (pnpm start, if it is not running yet).`,
  );
}
