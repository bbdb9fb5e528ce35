import { frenchTypography as ft } from '@crieur/content';
import { Picture, type CoverImage } from './picture';

const dateFr = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
export const frenchDate = (date: Date) => dateFr.format(date);

/** One article as a card: what the home, rubrique, dossier, tag and search pages list. */
export type Teaser = {
  slug: string;
  title: string;
  lede: string;
  excerpt: string;
  authors: string[];
  publishedAt: Date | null;
  rubrique: { slug: string; name: string };
  cover?: CoverImage | null;
};

// the grid is at most three columns of a 74rem page, two from 40rem, one on a phone
export const CARD_SIZES = '(min-width: 75rem) 23rem, (min-width: 40rem) calc(50vw - 2.5rem), calc(100vw - 2.5rem)';

/** Authors and date under a card or an article's title: « Camille Martin · 2 mars 2026 ». */
export function cardByline(t: { authors: string[]; publishedAt: Date | null }): string {
  return [t.authors.join(', '), t.publishedAt ? frenchDate(t.publishedAt) : ''].filter(Boolean).join(' · ');
}

/**
 * A card: its cover (linked like the title but hidden from screen readers and Tab: the title says it all), the
 * rubrique as kicker, the title, the lede (or the text's beginning), authors and date.
 */
export function Card(props: {
  item: Teaser;
  showRubrique?: boolean;
  level?: 2 | 3;
  priority?: 'high' | 'eager' | 'lazy';
  sizes?: string;
}) {
  const t = props.item;
  const href = `/articles/${t.slug}`;
  const Heading = props.level === 2 ? 'h2' : 'h3';
  const byline = cardByline(t);
  return (
    <article className={t.cover ? 'card-item with-cover' : 'card-item'}>
      {t.cover && (
        <a className="card-cover" href={href} tabIndex={-1} aria-hidden="true">
          <Picture image={t.cover} alt="" sizes={props.sizes ?? CARD_SIZES} priority={props.priority} />
        </a>
      )}
      {props.showRubrique !== false && (
        <a className="kicker" href={`/rubriques/${t.rubrique.slug}`}>
          {ft(t.rubrique.name)}
        </a>
      )}
      <Heading className="card-title">
        <a href={href}>{ft(t.title)}</a>
      </Heading>
      {(t.lede || t.excerpt) && <p className="card-lede">{ft(t.lede || t.excerpt)}</p>}
      {byline && <p className="byline">{ft(byline)}</p>}
    </article>
  );
}

/** Cards in a grid; `eager`: how many of the first covers load at once (the top of a page), the others lazily. */
export function CardGrid(props: { items: Teaser[]; showRubrique?: boolean; eager?: number; level?: 2 | 3 }) {
  if (!props.items.length) return <p className="empty">Rien de publié pour l’instant{'\u00a0'}: revenez bientôt.</p>;
  return (
    <ul className="cards">
      {props.items.map((t, i) => (
        <li key={t.slug}>
          <Card
            item={t}
            showRubrique={props.showRubrique}
            level={props.level}
            priority={i < (props.eager ?? 0) ? 'eager' : 'lazy'}
          />
        </li>
      ))}
    </ul>
  );
}
