// What differs between the three newsletters: colours and masthead copy.
import type { EmailImage } from '@crieur/content';
import type { NewsletterKind } from './newsletter-content.js';

export type NewsletterTheme = {
  /** Banner, buttons, section titles; white text on it is at least 7:1. */
  accent: string;
  /** Light background for the dossier and notices; #1f2430 text on it is at least 12:1. */
  tint: string;
  kicker: string;
  title: string;
  tagline: string;
  titleFont: string;
  /** Footer line under the association's name. */
  identity: string;
  notice: string;
  /** Shown full width at the top of the masthead, above the title band; null or absent for none. */
  banner?: EmailImage | null;
};

const ASSOCIATION = 'Institut de la concertation et de la participation citoyenne';
const SANS = 'Helvetica, Arial, sans-serif';

export const NEWSLETTER_THEMES: Record<NewsletterKind, NewsletterTheme> = {
  membres: {
    accent: '#1b4d89',
    tint: '#e8eef7',
    kicker: ASSOCIATION,
    title: 'La lettre des membres',
    tagline: 'Les nouvelles du réseau, chaque trimestre',
    titleFont: SANS,
    identity: 'Un réseau d’acteurs et d’actrices de la participation citoyenne.',
    notice: '',
  },
  adherents: {
    accent: '#1f5c3f',
    tint: '#e6f1ea',
    kicker: ASSOCIATION,
    title: 'La lettre des adhérent·es',
    tagline: 'L’actualité de l’association, réservée à ses adhérent·es',
    titleFont: SANS,
    identity: 'Un réseau d’acteurs et d’actrices de la participation citoyenne.',
    notice: 'Cette lettre est réservée aux adhérent·es de l’ICPC\u00a0: merci de ne pas la transférer.',
  },
  democraties: {
    accent: '#7a1f3d',
    tint: '#f5e9ed',
    kicker: 'Le média de l’ICPC',
    title: 'démocratieS',
    tagline: 'Comprendre et faire vivre la participation citoyenne',
    // Georgia ships with every system: a masthead serif without loading a web font
    titleFont: "Georgia, 'Times New Roman', serif",
    identity: 'démocratieS est le média de l’ICPC.',
    notice: '',
  },
};
