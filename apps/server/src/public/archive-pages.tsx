import { renderToStaticMarkup } from 'react-dom/server';
import { escapeHtml, frenchTypography as ft } from '@crieur/content';
import type { ArchivedCampaign } from '@crieur/db';
import { MessagePage } from './layout';

const dateFr = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
const yearFr = new Intl.DateTimeFormat('fr-FR', { year: 'numeric', timeZone: 'Europe/Paris' });

const KIND_LABELS: Record<string, string> = {
  membres: 'Lettre des membres',
  adherents: 'Lettre des adhérent·es',
  democraties: 'Lettre démocratieS',
};
export const kindLabel = (kind: string) => KIND_LABELS[kind] ?? 'Lettre';
export const issueTitle = (c: { subject: string }) => ft(c.subject.trim()) || 'Lettre sans titre';

/** Issues grouped by their Paris year, newest year first (the list comes newest first). */
export function byYear(items: ArchivedCampaign[]): [string, ArchivedCampaign[]][] {
  const groups = new Map<string, ArchivedCampaign[]>();
  for (const item of items) {
    const year = yearFr.format(item.sentAt);
    groups.set(year, [...(groups.get(year) ?? []), item]);
  }
  return [...groups];
}

export function ArchiveIndex(props: { items: ArchivedCampaign[] }) {
  if (!props.items.length) {
    return (
      <MessagePage heading="Archives des lettres">
        <p>Aucune lettre n’a encore été archivée ici. Abonnez-vous pour recevoir la prochaine dès sa sortie.</p>
        <p>
          <a className="button" href="/subscribe">
            S’abonner
          </a>
        </p>
      </MessagePage>
    );
  }
  return (
    <section className="card" aria-labelledby="titre">
      <h1 id="titre">Archives des lettres</h1>
      <p className="lede">
        Les lettres envoyées aux abonné·es de démocratieS et aux membres de l’ICPC, telles qu’elles sont parties, sans
        aucune donnée personnelle.
      </p>
      {byYear(props.items).map(([year, items]) => (
        <section key={year} aria-labelledby={`annee-${year}`}>
          <h2 id={`annee-${year}`}>{year}</h2>
          <ul className="teasers">
            {items.map((c) => (
              <li key={c.slug}>
                <h3>
                  <a href={`/archive/${c.slug}`}>{issueTitle(c)}</a>
                </h3>
                {c.preheader && <p>{ft(c.preheader)}</p>}
                <p className="byline">
                  {kindLabel(c.kind)} · <time dateTime={c.sentAt.toISOString()}>{dateFr.format(c.sentAt)}</time>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

// inline styles only: the letter's own document has no stylesheet of ours, and its CSS must not restyle the bar
const BAR = {
  nav: {
    margin: 0,
    padding: '10px 16px',
    background: '#1f2430',
    color: '#ffffff',
    fontFamily: 'Helvetica, Arial, sans-serif',
    fontSize: '15px',
    lineHeight: 1.5,
    textAlign: 'center' as const,
  },
  link: { color: '#ffffff', textDecoration: 'underline', display: 'inline-block', padding: '4px 2px' },
};

/** The small French bar above an archived letter: what it is, when it left, the way back to the others. */
export function ArchiveBar(props: { campaign: ArchivedCampaign }) {
  const { campaign } = props;
  return (
    <nav aria-label="Archives des lettres" style={BAR.nav}>
      <a href="/" style={{ ...BAR.link, fontWeight: 'bold' }}>
        démocratieS
      </a>
      {' · '}
      {kindLabel(campaign.kind)} envoyée le{' '}
      <time dateTime={campaign.sentAt.toISOString()} style={{ whiteSpace: 'nowrap' }}>
        {dateFr.format(campaign.sentAt)}
      </time>
      {' · '}
      <a href="/archive" style={BAR.link}>
        Toutes les lettres
      </a>
    </nav>
  );
}

/**
 * The archived letter as its own full-width document (the responsive letter fits any screen, no frame, no second
 * scrollbar), with the bar on top, the letter as the main landmark and, in its head, the canonical address and
 * whether robots may index it.
 */
export function archiveLetterPage(input: {
  campaign: ArchivedCampaign;
  html: string;
  canonicalUrl: string;
  indexable: boolean;
}): string {
  const head =
    `<link rel="canonical" href="${escapeHtml(input.canonicalUrl)}">` +
    (input.indexable ? '' : '<meta name="robots" content="noindex">');
  const bar = renderToStaticMarkup(<ArchiveBar campaign={input.campaign} />);
  const withHead = /<head[^>]*>/i.test(input.html)
    ? input.html.replace(/<head[^>]*>/i, (tag) => `${tag}${head}`)
    : `${head}${input.html}`;
  // the letter is the page's main content: screen readers jump to it past the bar
  if (!/<body[^>]*>/i.test(withHead) || !/<\/body>/i.test(withHead)) return `${bar}<main>${withHead}</main>`;
  return withHead
    .replace(/<body[^>]*>/i, (tag) => `${tag}${bar}<main>`)
    .replace(/<\/body>(?![\s\S]*<\/body>)/i, '</main></body>');
}
