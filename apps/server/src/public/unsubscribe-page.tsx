import { MessagePage } from './layout';

// GET changes nothing (mail scanners follow links); the button POSTs, like RFC 8058 clients do.
export function UnsubscribePage(props: { token: string; listName: string; alreadyLeft: boolean }) {
  return (
    <MessagePage heading={props.alreadyLeft ? 'Vous êtes déjà désinscrit·e' : 'Se désinscrire'}>
      {props.alreadyLeft ? (
        <p>Vous ne recevez plus « {props.listName} ».</p>
      ) : (
        <>
          <p>Vous ne recevrez plus « {props.listName} ». Vos autres abonnements ne changent pas.</p>
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
      <p>Vous ne recevrez plus « {props.listName} ». Merci de nous avoir lu·es.</p>
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
