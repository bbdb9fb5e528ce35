import { frenchTypography as ft } from '@crieur/content';
import { frenchDate } from './cards';
import { Picture, type CoverImage } from './picture';
import { PageHead } from './reader-pages';

export type DossierCard = {
  slug: string;
  title: string;
  lede: string;
  publishedAt: Date | null;
  cover: CoverImage | null;
  articleCount: number;
};

const count = (n: number) => (n > 1 ? `${n}\u00a0articles` : `${n}\u00a0article`);

/** `/dossiers`: every published dossier, newest first, with its cover, lede and number of articles. */
export function DossiersPage({ dossiers }: { dossiers: DossierCard[] }) {
  return (
    <section aria-labelledby="titre">
      <PageHead
        kicker="Nos dossiers"
        title="Dossiers"
        lede="Deux fois par an, un thème traité en profondeur, article après article."
      />
      {dossiers.length === 0 ? (
        <p className="empty">Aucun dossier publié pour l’instant{'\u00a0'}: revenez bientôt.</p>
      ) : (
        <ul className="dossier-list">
          {dossiers.map((d, i) => (
            <li key={d.slug}>
              <article className={d.cover ? 'dossier-card with-cover' : 'dossier-card'}>
                {d.cover && (
                  <a className="card-cover" href={`/dossiers/${d.slug}`} tabIndex={-1} aria-hidden="true">
                    <Picture
                      image={d.cover}
                      alt=""
                      sizes="(min-width: 75rem) 30rem, (min-width: 40rem) 45vw, calc(100vw - 2.5rem)"
                      priority={i < 2 ? 'eager' : 'lazy'}
                    />
                  </a>
                )}
                <div>
                  <p className="kicker">
                    {[d.publishedAt ? frenchDate(d.publishedAt) : '', count(d.articleCount)]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                  <h2 className="card-title">
                    <a href={`/dossiers/${d.slug}`}>{ft(d.title)}</a>
                  </h2>
                  {d.lede && <p className="card-lede">{ft(d.lede)}</p>}
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
