import type { ArchivedCampaign } from '@crieur/db';
import { MessagePage } from './layout';
import { SubscribeBox } from './reader-pages';

const dateFr = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
const yearFr = new Intl.DateTimeFormat('fr-FR', { year: 'numeric', timeZone: 'Europe/Paris' });

const KIND_LABELS: Record<string, string> = {
  membres: 'Lettre des membres',
  adherents: 'Lettre des adhérent·es',
  democraties: 'Lettre démocratieS',
};
export const kindLabel = (kind: string) => KIND_LABELS[kind] ?? 'Lettre';
export const issueTitle = (c: { subject: string }) => c.subject.trim() || 'Lettre sans titre';

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
        <p>Aucune lettre n'a encore été archivée ici. Abonnez-vous pour recevoir la prochaine dès sa sortie.</p>
        <p>
          <a className="button" href="/subscribe">
            S'abonner
          </a>
        </p>
      </MessagePage>
    );
  }
  return (
    <section className="card" aria-labelledby="titre">
      <h1 id="titre">Archives des lettres</h1>
      <p className="lede">
        Les lettres envoyées aux abonné·es de démocratieS et aux membres de l'ICPC, telles qu'elles sont parties, sans
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
                {c.preheader && <p>{c.preheader}</p>}
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

export function ArchiveIssue(props: { campaign: ArchivedCampaign; html: string; token?: string | undefined }) {
  const { campaign } = props;
  return (
    <article className="piece" aria-labelledby="titre">
      <a className="kicker" href="/archive">
        Archives des lettres
      </a>
      <h1 id="titre">{issueTitle(campaign)}</h1>
      <p className="byline">
        {kindLabel(campaign.kind)} · envoyée le{' '}
        <time dateTime={campaign.sentAt.toISOString()}>{dateFr.format(campaign.sentAt)}</time>
      </p>
      {/* its own document, sandboxed without scripts: the newsletter's CSS cannot touch the page and ours cannot touch it */}
      <iframe
        title={`La lettre « ${issueTitle(campaign)} »`}
        srcDoc={props.html}
        sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
        loading="lazy"
        style={{
          display: 'block',
          width: '100%',
          height: '80vh',
          minHeight: '32rem',
          border: '1px solid var(--line)',
          borderRadius: '12px',
          background: '#fff',
          marginTop: '1rem',
        }}
      />
      <p>
        <a href={`/archive/${campaign.slug}/lettre${props.token ? `?k=${props.token}` : ''}`}>
          Lire la lettre en pleine page
        </a>
      </p>
      <SubscribeBox />
    </article>
  );
}
