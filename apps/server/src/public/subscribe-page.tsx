import { frenchTypography as ft } from '@crieur/content';
import type { ReactNode } from 'react';
import { MessagePage } from './layout';

export const SUBSCRIBE_FORM_ID = 'subscribe';
// Bump when the wording of the notice below changes: each consent records the version it saw.
export const SUBSCRIBE_TEXT_VERSION = 'subscribe-2026-11';

// the consent sentence under the form; the embeddable form (studio) shows the same one
export const SUBSCRIBE_NOTICE =
  'En cochant une lettre, vous acceptez que l’ICPC utilise votre adresse pour vous l’envoyer, et rien d’autre. ' +
  'Nous vous écrirons d’abord pour confirmer. Nous ne mesurons ni l’ouverture ni les clics, ne transmettons votre ' +
  'adresse à personne, et effaçons vos données sur simple demande depuis la page « Gérer mes abonnements » ' +
  'présente dans chaque lettre.';

export type PublicList = { slug: string; name: string; description: string };
export type SubscribeFormValues = { email: string; name: string; lists: string[] };
export type SubscribeFormErrors = Partial<Record<'email' | 'lists', string>>;

export function SubscribeForm(props: {
  lists: PublicList[];
  values?: SubscribeFormValues;
  errors?: SubscribeFormErrors;
}) {
  const v = props.values ?? { email: '', name: '', lists: [] };
  const e = props.errors ?? {};
  const hasErrors = Object.keys(e).length > 0;
  return (
    <section className="card" aria-labelledby="titre">
      <h1 id="titre">S’abonner à nos lettres</h1>
      <p>
        Recevez les nouvelles de l’ICPC et de démocratieS. Vous pourrez changer d’avis à tout moment, en un clic, depuis
        chaque lettre.
      </p>
      {hasErrors && (
        <div className="errors" role="alert">
          <p>Le formulaire n’a pas pu être envoyé{'\u00a0'}:</p>
          <ul>
            {e.email && (
              <li>
                <a href="#email">{e.email}</a>
              </li>
            )}
            {e.lists && (
              <li>
                <a href="#listes">{e.lists}</a>
              </li>
            )}
          </ul>
        </div>
      )}
      <form method="post" action="/subscribe" noValidate>
        <label htmlFor="email">Adresse e-mail</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={v.email}
          aria-invalid={e.email ? true : undefined}
          aria-describedby={e.email ? 'email-erreur' : undefined}
        />
        {e.email && (
          <p id="email-erreur" className="error">
            {e.email}
          </p>
        )}
        <label htmlFor="name">Prénom ou nom (facultatif)</label>
        <input id="name" name="name" type="text" autoComplete="name" maxLength={120} defaultValue={v.name} />
        <fieldset id="listes" aria-describedby={e.lists ? 'listes-erreur' : undefined}>
          <legend>Les lettres qui vous intéressent</legend>
          {e.lists && (
            <p id="listes-erreur" className="error">
              {e.lists}
            </p>
          )}
          {props.lists.map((list) => (
            <div className="choice" key={list.slug}>
              <input
                type="checkbox"
                id={`liste-${list.slug}`}
                name="lists"
                value={list.slug}
                defaultChecked={v.lists.includes(list.slug)}
              />
              <label htmlFor={`liste-${list.slug}`}>
                {ft(list.name)}
                <span className="desc">{ft(list.description)}</span>
              </label>
            </div>
          ))}
        </fieldset>
        <div className="hp" aria-hidden="true">
          <label htmlFor="website">Ne pas remplir ce champ</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <button type="submit">M’abonner</button>
        <p className="notice">{ft(SUBSCRIBE_NOTICE)}</p>
      </form>
    </section>
  );
}

/** `children`: what follows the message (the embeddable form's link back to the site it came from). */
export function SubscribeThanks(props: { children?: ReactNode } = {}) {
  return (
    <MessagePage heading="Vérifiez votre boîte mail">
      <p>
        Si cette adresse peut recevoir nos lettres, un message de confirmation vient d’y être envoyé. Cliquez sur le
        bouton qu’il contient pour terminer votre inscription{'\u00a0'}: sans cette confirmation, nous ne vous écrirons
        pas.
      </p>
      <p>Rien reçu d’ici quelques minutes{'\u202f'}? Regardez dans les indésirables, ou réessayez demain.</p>
      {props.children}
    </MessagePage>
  );
}
