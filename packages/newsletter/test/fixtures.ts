// Small builders for realistic French newsletter content (fixed: snapshots depend on it).
import type { ArticleDoc } from '@crieur/content';
import type { NewsletterBlock, NewsletterContent, NewsletterKind } from '../src/index.js';

export const PUBLIC_URL = 'https://democraties.example';

export function doc(...paragraphs: string[]): ArticleDoc {
  return { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

export const editoDoc: ArticleDoc = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        {
          type: 'text',
          text: 'Chères et chers membres, ce trimestre a été riche en rencontres : conventions citoyennes locales, budgets participatifs et débats publics se sont multipliés partout en France.',
        },
      ],
    },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Retrouvez le ' },
        {
          type: 'text',
          text: 'bilan de nos rencontres nationales',
          marks: [{ type: 'link', attrs: { href: 'https://icpc.example/rencontres-2026?ref=lettre&edition=2' } }],
        },
        { type: 'text', text: ' et, surtout, ' },
        { type: 'text', text: 'venez nombreuses et nombreux', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' à notre prochaine assemblée générale.' },
      ],
    },
  ],
};

export const blocks = {
  edito: { type: 'edito', doc: editoDoc, signature: 'Marion Dupuis, présidente de l’ICPC' },
  newsTitle: { type: 'sectionTitle', text: 'Les actualités de nos adhérent·es' },
  democratiesTitle: { type: 'sectionTitle', text: 'démocratieS' },
  article1: {
    type: 'article',
    rubrique: 'Sur le terrain',
    title: 'À Grenoble, un budget participatif qui tient ses promesses',
    lede: 'Dix ans après son lancement, le budget participatif grenoblois a financé plus de 150 projets proposés et votés par les habitant·es.',
    url: 'https://democraties.example/articles/grenoble-budget-participatif',
    image: { src: '/media/2026/grenoble.jpg', alt: 'Des habitant·es votent dans une salle municipale' },
  },
  article2: {
    type: 'article',
    rubrique: 'Points de vue',
    title: 'L’intelligence artificielle, vraie ou fausse alliée de la participation ?',
    lede: 'Synthèse automatique des contributions, modération, traduction : ce que les outils changent, et ce qu’ils ne remplacent pas.',
    url: 'https://democraties.example/articles/ia-participation',
  },
  dossier: {
    type: 'dossier',
    title: 'Démocratie alimentaire',
    lede: 'Qui décide de ce que nous mangeons ? Notre nouveau dossier explore les conseils locaux de l’alimentation et les caisses communes.',
    url: 'https://democraties.example/dossiers/democratie-alimentaire',
    image: {
      src: 'https://democraties.example/media/dossier-alimentaire.jpg',
      alt: 'Un marché de producteurs sur une place de village',
    },
  },
  agenda: {
    type: 'agenda',
    title: 'Agenda',
    events: [
      {
        title: 'Assemblée générale de l’ICPC',
        date: '2026-04-02T18:30',
        place: 'Paris, Maison des associations',
        url: 'https://icpc.example/ag-2026',
      },
      { title: 'Webinaire : évaluer une concertation', date: '2026-04-16T12:00', place: 'En ligne' },
      {
        title: 'Rencontres de la participation',
        date: '2026-05-01',
        place: 'Lyon',
        url: 'https://icpc.example/rencontres',
      },
    ],
  },
  membersNews: {
    type: 'membersNews',
    items: [
      {
        title: 'Le collectif Commun’Action lance sa fabrique citoyenne',
        text: 'Des ateliers ouverts à toutes et tous, chaque premier samedi du mois, à Nantes.\nInscription libre.',
        url: 'https://communaction.example/fabrique',
      },
      {
        title: 'Nouvelle publication de Territoires en dialogue',
        text: 'Un guide pratique pour associer les jeunes aux décisions locales.',
      },
    ],
  },
  jobs: {
    type: 'jobs',
    title: 'Offres d’emploi',
    offers: [
      {
        title: 'Chargé·e de concertation',
        organisation: 'Ville de Rennes',
        place: 'Rennes (35)',
        url: 'https://emploi.example/offres/123',
      },
      {
        title: 'Animateur·rice de débats publics',
        organisation: 'Agence Délibère',
        place: 'Marseille (13)',
        url: 'https://emploi.example/offres/456',
      },
    ],
  },
  button: { type: 'button', label: 'Adhérer à l’ICPC', url: 'https://icpc.example/adherer' },
  divider: { type: 'divider' },
  image: {
    type: 'image',
    src: '/media/2026/ag.jpg',
    alt: 'Les participant·es de l’assemblée générale 2025',
    caption: 'L’assemblée générale 2025, à Paris.',
    url: 'https://icpc.example/photos',
  },
  richText: {
    type: 'richText',
    title: 'Le mot de l’équipe',
    doc: doc('Merci à toutes celles et ceux qui ont répondu à notre enquête annuelle.'),
  },
} satisfies Record<string, NewsletterBlock>;

export function content(kind: NewsletterKind, list: NewsletterBlock[]): NewsletterContent {
  const subject = {
    membres: 'La lettre des membres — printemps 2026',
    adherents: 'Lettre des adhérent·es — avril 2026',
    democraties: 'démocratieS — démocratie alimentaire',
  }[kind];
  return { kind, subject, preheader: 'Assemblée générale, budgets participatifs et offres d’emploi', blocks: list };
}

const b = blocks;
export const membresNewsletter = content('membres', [
  b.edito,
  b.democratiesTitle,
  b.article1,
  b.article2,
  b.newsTitle,
  b.membersNews,
  b.agenda,
  b.jobs,
  b.button,
]);
export const adherentsNewsletter = content('adherents', [b.edito, b.richText, b.agenda, b.divider, b.image, b.button]);
export const democratiesNewsletter = content('democraties', [
  b.dossier,
  b.article1,
  b.article2,
  b.divider,
  b.agenda,
  b.button,
]);

export const LIST_NAMES: Record<NewsletterKind, string> = {
  membres: 'La lettre des membres de l’ICPC',
  adherents: 'La lettre des adhérent·es',
  democraties: 'La newsletter de démocratieS',
};
