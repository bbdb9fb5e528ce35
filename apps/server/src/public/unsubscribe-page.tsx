import { frenchTypography as ft } from '@crieur/content';
import { MessagePage } from './layout';

// a list's name between French quotes, with their narrow no-break spaces
const quoted = (name: string) => `«\u202f${ft(name)}\u202f»`;

// GET changes nothing (mail scanners follow links); the button POSTs, like RFC 8058 clients do.
export function UnsubscribePage(props: { token: string; listName: string; alreadyLeft: boolean }) {
  return (
    <MessagePage heading={props.alreadyLeft ? 'Vous êtes déjà désinscrit·e' : 'Se désinscrire'}>
      {props.alreadyLeft ? (
        <p>Vous ne recevez plus {quoted(props.listName)}.</p>
      ) : (
        <>
          <p>Vous ne recevrez plus {quoted(props.listName)}. Vos autres abonnements ne changent pas.</p>
          <form method="post" action={`/unsubscribe/${encodeURIComponent(props.token)}`}>
            <button type="submit">Me désinscrire</button>
          </form>
        </>
      )}
    </MessagePage>
  );
}

export function UnsubscribedPage(props: { listName: string; preferencesToken: string | null }) {
  return (
    <MessagePage heading="C’est fait">
      <p>Vous ne recevrez plus {quoted(props.listName)}. Merci de nous avoir lu·es.</p>
      {props.preferencesToken && (
        <p>
          <a href={`/preferences/${encodeURIComponent(props.preferencesToken)}`}>
            Gérer mes autres abonnements ou effacer mes données
          </a>
        </p>
      )}
    </MessagePage>
  );
}

// an unsubscribe or preferences link we cannot read: the reader still needs a way to stop our letters
export function UnknownLinkPage() {
  return (
    <MessagePage heading="Ce lien n’est pas reconnu">
      <p>Il a peut-être été coupé en le copiant, ou l’adresse à laquelle il était destiné a été effacée depuis.</p>
      <p>
        Pour ne plus recevoir nos lettres ou changer vos choix, utilisez le lien en bas de la dernière lettre reçue, ou
        écrivez-nous{'\u00a0'}: nous le ferons pour vous.
      </p>
      <p>
        <a href="/contact">Nous écrire</a>
      </p>
    </MessagePage>
  );
}
