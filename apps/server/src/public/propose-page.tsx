// The public « Proposer » page: what can be proposed, one form per kind (chosen by links: no script), the answer.
import {
  CONTRIBUTION_ERASE_DAYS,
  CONTRIBUTION_KINDS,
  UNCONFIRMED_ERASE_DAYS,
  type ContributionKind,
} from '@crieur/api';
import { frenchTypography as ft } from '@crieur/content';
import { PROPOSER_LINK_VALID_DAYS } from '@crieur/db';
import type { ReactNode } from 'react';
import { MessagePage, renderPage } from './layout';
import { KIND_FIELDS, PARAM_OF, PROPOSER_FIELDS, type FormErrors, type RawForm } from './propose-form';
import { Check, ErrorSummary, Field, KindFields } from './propose-fields';
import { PROPOSE_CSS } from './propose-styles';

// Bump when the consent sentence or the notice below changes: each proposal records the version it saw.
export const PROPOSE_TEXT_VERSION = 'proposer-2026-12';
export const PROPOSE_CONSENT = 'J’accepte d’être contacté·e au sujet de cette proposition';

const head = <style dangerouslySetInnerHTML={{ __html: PROPOSE_CSS }} />;
/** A page of the « Proposer » flow: the site's layout with these pages' own rules. */
export const proposePage = (title: string, body: ReactNode) => renderPage(title, body, { head });

const KINDS: Record<ContributionKind, { tab: string; heading: string; intro: string }> = {
  event: {
    tab: 'Un événement',
    heading: 'Proposer un événement',
    intro:
      'Rencontre, débat, formation, atelier, webinaire… Il paraîtra dans l’agenda du site et pourra être repris ' +
      'dans nos lettres.',
  },
  job: {
    tab: 'Une offre d’emploi ou de stage',
    heading: 'Proposer une offre d’emploi ou de stage',
    intro:
      'Emploi, stage, alternance, service civique ou mission dans le champ de la participation citoyenne. L’offre ' +
      'reste en ligne jusqu’à sa date limite de candidature.',
  },
  news: {
    tab: 'Une actualité d’adhérent·e',
    heading: 'Proposer une actualité de votre organisation',
    intro:
      'Une publication, un projet, une nomination… Elle paraîtra dans « Les actualités de nos adhérent·es », sur le ' +
      'site et dans la lettre des adhérent·es.',
  },
};

function KindTabs({ current }: { current: ContributionKind | null }) {
  return (
    <nav aria-label="Que voulez-vous proposer ?" className="propose-kinds">
      <ul>
        {CONTRIBUTION_KINDS.map((kind) => (
          <li key={kind}>
            <a
              href={`/proposer?type=${PARAM_OF[kind]}#formulaire`}
              aria-current={kind === current ? 'page' : undefined}
            >
              {ft(KINDS[kind].tab)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Intro() {
  return (
    <>
      <h1 id="titre">Proposer une annonce</h1>
      <p>
        {ft(
          'Vous faites partie du réseau ? Proposez-nous un événement, une offre d’emploi ou de stage, ou, si votre ' +
            'organisation est adhérente, une actualité. L’équipe relit chaque proposition avant de la publier.',
        )}
      </p>
      <ol className="steps">
        <li>{ft('Vous remplissez le formulaire du type d’annonce choisi.')}</li>
        <li>
          {ft(
            'Nous vous envoyons un e-mail : le lien qu’il contient confirme votre adresse et transmet votre ' +
              'proposition à l’équipe.',
          )}
        </li>
        <li>{ft('L’équipe la publie, vous demande des modifications ou vous explique son refus, par e-mail.')}</li>
      </ol>
    </>
  );
}

/** The page: the intro, the kind's links, and the chosen kind's form (none chosen: the links only). */
export function ProposePage(props: {
  kind: ContributionKind | null;
  values?: RawForm;
  errors?: FormErrors;
  imageLost?: boolean;
}) {
  return (
    <div className="stack propose">
      <section className="card" aria-labelledby="titre">
        <Intro />
        <KindTabs current={props.kind} />
      </section>
      {props.kind && (
        <ProposeForm
          kind={props.kind}
          values={props.values ?? {}}
          errors={props.errors ?? {}}
          imageLost={props.imageLost}
        />
      )}
    </div>
  );
}

function ProposeForm(props: { kind: ContributionKind; values: RawForm; errors: FormErrors; imageLost?: boolean }) {
  const { kind, values: v, errors: e } = props;
  const meta = KINDS[kind];
  const f = { values: v, errors: e };
  return (
    <section className="card" id="formulaire" aria-labelledby="formulaire-titre">
      <h2 id="formulaire-titre">{ft(meta.heading)}</h2>
      <p>{ft(meta.intro)}</p>
      {kind === 'news' && (
        <p className="callout">
          <strong>{ft('Réservé aux organisations adhérentes.')}</strong>{' '}
          {ft(
            'Envoyez-la depuis l’adresse que l’association connaît, celle qui reçoit la lettre des adhérent·es : ' +
              'c’est à elle que nous vérifions votre adhésion.',
          )}
        </p>
      )}
      <ErrorSummary errors={e} order={[...KIND_FIELDS[kind], ...PROPOSER_FIELDS]} />
      <p className="hint">{ft('Tous les champs sont obligatoires, sauf ceux marqués « facultatif ».')}</p>
      <form
        method="post"
        action="/proposer"
        encType={kind === 'event' ? 'multipart/form-data' : 'application/x-www-form-urlencoded'}
        noValidate
      >
        <input type="hidden" name="kind" value={kind} />
        <fieldset>
          <legend>{ft(kind === 'event' ? 'L’événement' : kind === 'job' ? 'L’offre' : 'L’actualité')}</legend>
          <KindFields kind={kind} {...f} image={kind === 'event' ? { lost: Boolean(props.imageLost) } : null} />
        </fieldset>
        <fieldset>
          <legend>Vous</legend>
          <Field name="name" label="Votre nom" maxLength={120} autoComplete="name" {...f} />
          <Field
            name="email"
            label="Votre adresse e-mail"
            type="email"
            autoComplete="email"
            hint={ft('Nous y envoyons le lien de confirmation. Elle n’est jamais publiée.')}
            maxLength={320}
            {...f}
          />
          <Check name="consent" label={ft(PROPOSE_CONSENT)} {...f} />
        </fieldset>
        <div className="hp" aria-hidden="true">
          <label htmlFor="website">Ne pas remplir ce champ</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <button type="submit">Envoyer ma proposition</button>
        <ProposeNotice />
      </form>
    </section>
  );
}

/** What happens to the data: said under the form, and the same figures on the privacy page. */
export function ProposeNotice() {
  return (
    <p className="notice">
      {ft(
        `Votre nom et votre adresse ne sont jamais publiés : l’équipe s’en sert seulement pour vous écrire au ` +
          `sujet de cette proposition. Une proposition non confirmée est effacée au bout de ` +
          `${UNCONFIRMED_ERASE_DAYS} jours ; une proposition refusée ou retirée, ${CONTRIBUTION_ERASE_DAYS} jours ` +
          `après. Le lien de l’e-mail reste valable ${PROPOSER_LINK_VALID_DAYS} jours : il permet de voir, ` +
          `modifier ou retirer vos propositions.`,
      )}
    </p>
  );
}

/** The same answer whatever the address: known or not, adherent or not, already emailed today or not. */
export function ProposeThanks() {
  return (
    <MessagePage heading="Vérifiez votre boîte mail">
      <p>
        <strong>{ft('Vérifiez votre boîte : un lien vous attend pour confirmer votre proposition.')}</strong>
      </p>
      <p>
        {ft(
          'Tant que vous ne l’avez pas confirmée, l’équipe ne la voit pas. Si vous avez fait plusieurs propositions ' +
            'aujourd’hui, un seul e-mail vous parvient : son lien les montre toutes.',
        )}
      </p>
      <p>{ft('Rien reçu d’ici quelques minutes ? Regardez dans les indésirables.')}</p>
      <p>
        <a href="/proposer">Faire une autre proposition</a>
      </p>
    </MessagePage>
  );
}
