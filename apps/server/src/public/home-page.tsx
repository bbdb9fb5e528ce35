import { frenchTypography as ft } from '@crieur/content';
import { Card, CardGrid, type Teaser } from './cards';
import { Picture, type CoverImage } from './picture';
import { Section, SubscribeBox } from './reader-pages';

/** The current dossier at the top of the home page: its cover large, its title, lede and first pieces. */
export type HomeLead = { slug: string; title: string; lede: string; cover: CoverImage | null; pieces: Teaser[] };

/**
 * `/`: the current dossier as the lead (or, without one, the newest article), the latest articles as cards, then
 * each rubrique's latest. The route picks the lists so that no article appears twice.
 */
export function HomePage(props: {
  title: string;
  lead: HomeLead | null;
  leadArticle: Teaser | null;
  latest: Teaser[];
  rubriques: { slug: string; name: string; items: Teaser[] }[];
}) {
  const hasLead = props.lead || props.leadArticle;
  return (
    <>
      {/* the dossier's title is the page's H1; otherwise the media's name, said to screen readers */}
      {!props.lead && (
        <h1 id="titre" className="sr-only">
          {props.title}
        </h1>
      )}
      {props.lead && <DossierLead lead={props.lead} />}
      {!props.lead && props.leadArticle && (
        <section className="lead lead-article" aria-label="À la une">
          <Card item={props.leadArticle} level={2} priority="high" sizes="(min-width: 75rem) 44rem, 100vw" />
        </section>
      )}
      {props.latest.length > 0 && (
        <Section id="derniers-articles" title="Derniers articles">
          <CardGrid items={props.latest} eager={props.lead || props.leadArticle ? 0 : 3} />
        </Section>
      )}
      {props.rubriques
        .filter((r) => r.items.length > 0)
        .map((r) => (
          <Section key={r.slug} id={`rubrique-${r.slug}`} title={<a href={`/rubriques/${r.slug}`}>{ft(r.name)}</a>}>
            <CardGrid items={r.items} showRubrique={false} />
          </Section>
        ))}
      {!hasLead && props.latest.length === 0 && (
        <p className="empty">Rien de publié pour l’instant{'\u00a0'}: revenez bientôt.</p>
      )}
      <SubscribeBox />
    </>
  );
}

function DossierLead({ lead }: { lead: HomeLead }) {
  const href = `/dossiers/${lead.slug}`;
  return (
    <section className={lead.cover ? 'lead with-cover' : 'lead'} aria-labelledby="titre">
      {lead.cover && (
        <a className="lead-cover" href={href} tabIndex={-1} aria-hidden="true">
          <Picture image={lead.cover} alt="" sizes="(min-width: 75rem) 44rem, calc(100vw - 2.5rem)" priority="high" />
        </a>
      )}
      <div className="lead-text">
        <p className="kicker">Le dossier</p>
        <h1 id="titre">
          <a href={href}>{ft(lead.title)}</a>
        </h1>
        {lead.lede && <p className="lede">{ft(lead.lede)}</p>}
        {lead.pieces.length > 0 && (
          <ul className="lead-pieces">
            {lead.pieces.map((t) => (
              <li key={t.slug}>
                <span className="kicker">{ft(t.rubrique.name)}</span>
                <a href={`/articles/${t.slug}`}>{ft(t.title)}</a>
              </li>
            ))}
          </ul>
        )}
        <a className="button" href={href}>
          Lire le dossier
        </a>
      </div>
    </section>
  );
}
