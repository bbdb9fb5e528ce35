// « Mes propositions »: the page of a proposer's email link. Confirm, follow, modify when asked, withdraw.
import {
  CONTRIBUTION_ERASE_DAYS,
  CONTRIBUTION_KIND_LABELS,
  JOB_CONTRACT_LABELS,
  type ContributionStatus,
  type JobContract,
} from '@crieur/api';
import { frenchTypography as ft } from '@crieur/content';
import type { ProposerContribution } from '@crieur/db';
import { MessagePage } from './layout';
import { KIND_FIELDS, type FormErrors, type RawForm } from './propose-form';
import { ErrorSummary, KindFields } from './propose-fields';

const PUBLIC_SECTIONS = { event: 'agenda', job: 'offres', news: 'actualites-adherents' } as const;
const paris = (options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', ...options });
const dayFormat = paris({ day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = paris({
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const frDay = (at: Date) => dayFormat.format(at);
const frDateTime = (at: Date) => timeFormat.format(at).replace(/(\d{2}):(\d{2})$/, '$1 h $2');
const frIsoDay = (day: string) => frDay(new Date(`${day}T12:00:00Z`));

// the proposer's words for each status (the studio's labels speak to moderators)
const STATUS_WORDS: Record<ContributionStatus, string> = {
  unconfirmed: 'À confirmer',
  pending: 'En cours de relecture par l’équipe',
  changes_requested: 'Modifications demandées',
  accepted: 'Acceptée',
  refused: 'Non retenue',
  withdrawn: 'Retirée',
};

/** What the last POST did, said once at the top (redirect-after-POST carries it in the query). */
export const DONE_MESSAGES: Record<string, string> = {
  confirme: 'Merci : votre proposition est transmise à l’équipe, qui vous répondra par e-mail.',
  'non-adherent':
    'Une actualité n’a pas pu être transmise : elle est réservée aux adhérent·es, et cette adresse n’est pas celle ' +
    'd’une organisation adhérente. Le détail est indiqué ci-dessous.',
  retire: 'Votre proposition est retirée.',
  renvoye: 'Merci : votre proposition modifiée est transmise à l’équipe.',
  rien: 'Aucune proposition n’était cochée : rien n’a changé.',
};

export type SuiviView = {
  token: string;
  email: string;
  proposals: ProposerContribution[];
  now: Date;
  done?: string;
};

const action = (token: string) => `/proposer/suivi/${encodeURIComponent(token)}`;

function What({ p }: { p: ProposerContribution }) {
  const details: string[] = [CONTRIBUTION_KIND_LABELS[p.kind]];
  if (p.kind === 'event' && p.startsAt) details.push(`le ${frDateTime(p.startsAt)}`);
  if (p.kind === 'job' && p.contractType) details.push(JOB_CONTRACT_LABELS[p.contractType as JobContract] ?? '');
  if (p.kind === 'job' && p.closesOn) details.push(`candidatures jusqu’au ${frIsoDay(p.closesOn)}`);
  details.push(`proposée le ${frDay(p.createdAt)}`);
  return <p className="meta">{ft(details.filter(Boolean).join(' · '))}</p>;
}

function Status({ p, now }: { p: ProposerContribution; now: Date }) {
  const live = p.status === 'accepted' && p.slug && (!p.publishAt || p.publishAt <= now) && !p.expiredAt;
  let detail = '';
  if (p.status === 'accepted' && p.publishAt && p.publishAt > now) detail = ` : publiée le ${frDay(p.publishAt)}`;
  if (p.status === 'accepted' && p.expiredAt) detail = ' : passée, elle ne figure plus dans les listes du site';
  return (
    <p>
      <span className={`status status-${p.status}`}>{STATUS_WORDS[p.status]}</span>
      {ft(detail)}
      {live && (
        <>
          {' · '}
          <a href={`/${PUBLIC_SECTIONS[p.kind]}/${encodeURIComponent(p.slug!)}`}>Voir sur le site</a>
        </>
      )}
    </p>
  );
}

function Proposal({ p, token, now }: { p: ProposerContribution; token: string; now: Date }) {
  const withdrawable = ['pending', 'changes_requested', 'accepted', 'unconfirmed'].includes(p.status);
  return (
    <li className="proposal">
      <h3>{ft(p.title)}</h3>
      <What p={p} />
      <Status p={p} now={now} />
      {p.notAdherent && (
        <p className="callout">
          {ft(
            'Les actualités sont réservées aux organisations adhérentes, et cette adresse n’est pas inscrite comme ' +
              'celle d’une organisation adhérente : votre actualité n’a donc pas été transmise. Si votre ' +
              'organisation est adhérente, proposez-la de nouveau depuis l’adresse qui reçoit la lettre des ' +
              'adhérent·es, ou écrivez-nous (page Contact) pour que nous mettions votre adresse à jour.',
          )}
        </p>
      )}
      {!p.notAdherent &&
        p.staffMessage.trim() !== '' &&
        ['changes_requested', 'refused', 'accepted'].includes(p.status) && (
          <blockquote className="staff-message">
            <p className="meta">Le message de l’équipe{'\u00a0'}:</p>
            {p.staffMessage
              .split(/\n\s*\n/)
              .filter((para) => para.trim())
              .map((para, i) => (
                <p key={i}>{ft(para.trim())}</p>
              ))}
          </blockquote>
        )}
      <div className="actions">
        {p.status === 'changes_requested' && (
          <a className="button" href={`${action(token)}?modifier=${p.id}#modifier`}>
            Modifier et renvoyer<span className="sr-only"> {ft(`« ${p.title} »`)}</span>
          </a>
        )}
        {withdrawable && p.status !== 'unconfirmed' && (
          <form method="post" action={action(token)}>
            <input type="hidden" name="action" value="withdraw" />
            <input type="hidden" name="id" value={p.id} />
            <button type="submit" className="secondary">
              Retirer<span className="sr-only"> {ft(`« ${p.title} »`)}</span>
            </button>
          </form>
        )}
      </div>
    </li>
  );
}

function ConfirmForm({ proposals, token }: { proposals: ProposerContribution[]; token: string }) {
  return (
    <section className="card" aria-labelledby="a-confirmer">
      <h2 id="a-confirmer">À confirmer</h2>
      <form method="post" action={action(token)}>
        <input type="hidden" name="action" value="confirm" />
        <fieldset>
          <legend>{ft('Les propositions faites avec cette adresse, que l’équipe n’a pas encore reçues')}</legend>
          {proposals.map((p) => (
            <div className="choice" key={p.id}>
              <input type="checkbox" id={`confirmer-${p.id}`} name="ids" value={p.id} defaultChecked />
              <label htmlFor={`confirmer-${p.id}`}>
                {ft(p.title)}
                <span className="desc">
                  {ft(`${CONTRIBUTION_KIND_LABELS[p.kind]} · proposée le ${frDay(p.createdAt)}`)}
                </span>
              </label>
            </div>
          ))}
        </fieldset>
        <p className="hint">{ft('Décochez ce qui ne vient pas de vous : ce ne sera pas transmis, et sera effacé.')}</p>
        <button type="submit">Confirmer</button>
      </form>
    </section>
  );
}

export function SuiviPage(props: SuiviView) {
  const unconfirmed = props.proposals.filter((p) => p.status === 'unconfirmed');
  const others = props.proposals.filter((p) => p.status !== 'unconfirmed');
  const done = props.done ? DONE_MESSAGES[props.done] : undefined;
  return (
    <div className="stack propose">
      <section className="card" aria-labelledby="titre">
        <h1 id="titre">Mes propositions</h1>
        <p>{ft(`Les propositions faites avec l’adresse ${props.email}.`)}</p>
        {done && (
          <p role="status">
            <strong>{ft(done)}</strong>
          </p>
        )}
        {!props.proposals.length && <p>{ft('Aucune proposition : elles ont peut-être été effacées.')}</p>}
      </section>
      {unconfirmed.length > 0 && <ConfirmForm proposals={unconfirmed} token={props.token} />}
      {others.length > 0 && (
        <section className="card" aria-labelledby="suivi">
          <h2 id="suivi">Suivi</h2>
          <ul className="proposals">
            {others.map((p) => (
              <Proposal key={p.id} p={p} token={props.token} now={props.now} />
            ))}
          </ul>
        </section>
      )}
      <p className="notice">
        {ft(
          `Une proposition refusée ou retirée est effacée ${CONTRIBUTION_ERASE_DAYS} jours après. Retirer une ` +
            'proposition publiée l’enlève du site.',
        )}
      </p>
    </div>
  );
}

/** The proposal again in its form, with what the team asked; sent back, it returns to moderation. */
export function ResubmitPage(props: {
  token: string;
  proposal: ProposerContribution;
  values: RawForm;
  errors?: FormErrors;
}) {
  const p = props.proposal;
  const errors = props.errors ?? {};
  return (
    <div className="stack propose">
      <section className="card" id="modifier" aria-labelledby="titre">
        <h1 id="titre">{ft(`Modifier « ${p.title} »`)}</h1>
        {p.staffMessage.trim() !== '' && (
          <blockquote className="staff-message">
            <p className="meta">Ce que l’équipe vous demande{'\u00a0'}:</p>
            {p.staffMessage
              .split(/\n\s*\n/)
              .filter((para) => para.trim())
              .map((para, i) => (
                <p key={i}>{ft(para.trim())}</p>
              ))}
          </blockquote>
        )}
        <ErrorSummary errors={errors} order={KIND_FIELDS[p.kind]} />
        <form method="post" action={action(props.token)} noValidate>
          <input type="hidden" name="action" value="resubmit" />
          <input type="hidden" name="id" value={p.id} />
          <fieldset>
            <legend>{ft(CONTRIBUTION_KIND_LABELS[p.kind])}</legend>
            <KindFields kind={p.kind} values={props.values} errors={errors} image={null} />
          </fieldset>
          <button type="submit">Renvoyer à l’équipe</button> <a href={action(props.token)}>Annuler</a>
        </form>
      </section>
    </div>
  );
}

/** An unknown or expired link: how to get a new one. */
export function SuiviLinkInvalid() {
  return (
    <MessagePage heading="Ce lien ne fonctionne plus">
      <p>
        {ft(
          'Ce lien a expiré ou n’existe pas. Les liens de nos e-mails restent valables un temps limité, pour que ' +
            'personne d’autre ne puisse voir vos propositions.',
        )}
      </p>
      <p>
        {ft('Pour en recevoir un nouveau, faites une nouvelle proposition depuis la page ')}
        <a href="/proposer">Proposer une annonce</a>
        {ft(
          ' : l’e-mail de confirmation montrera aussi les précédentes. Vous pouvez aussi nous écrire depuis la page ',
        )}
        <a href="/contact">Contact</a>.
      </p>
    </MessagePage>
  );
}
