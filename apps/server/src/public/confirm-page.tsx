import { frenchTypography as ft } from '@crieur/content';
import { MessagePage } from './layout';

// A GET only shows this button: link scanners that open the URL confirm nothing.
export function ConfirmPage(props: { token: string; lists: { name: string }[] }) {
  return (
    <MessagePage heading="Confirmer votre inscription">
      <p>Vous allez recevoir{'\u00a0'}:</p>
      <ul>
        {props.lists.map((l) => (
          <li key={l.name}>{ft(l.name)}</li>
        ))}
      </ul>
      <form method="post" action={`/confirm/${encodeURIComponent(props.token)}`}>
        <button type="submit">Confirmer mon inscription</button>
      </form>
    </MessagePage>
  );
}

export function ConfirmedPage(props: { lists: string[] }) {
  return (
    <MessagePage heading="Inscription confirmée">
      <p>
        Merci{'\u202f'}! Vous êtes inscrit·e à{'\u00a0'}: {ft(props.lists.join(', '))}. Un message de bienvenue est en
        route.
      </p>
    </MessagePage>
  );
}

export function InvalidLinkPage() {
  return (
    <MessagePage heading="Ce lien n’est plus valable">
      <p>
        Il a déjà servi, ou il date de plus de 7 jours. Si vous souhaitez toujours vous abonner, recommencez depuis le
        formulaire.
      </p>
      <p>
        <a href="/subscribe">Retour au formulaire d’abonnement</a>
      </p>
    </MessagePage>
  );
}
