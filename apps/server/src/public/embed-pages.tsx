// The pages a visitor sees after posting the subscribe form embedded in another site.
import { frenchTypography as ft } from '@crieur/content';
import { MessagePage } from './layout';

const siteName = (origin: string) => {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
};

/** Under the thanks message: back to the allowed site the visitor came from. */
export function BackToSite(props: { origin: string }) {
  return (
    <p>
      <a href={props.origin}>Revenir sur {siteName(props.origin)}</a>
    </p>
  );
}

/** A form posted from a site no admin allowed: nothing was stored or sent. */
export function EmbedRefused(props: { origin: string | null }) {
  const from = props.origin ? `depuis le site « ${siteName(props.origin)} »` : 'depuis ce site';
  return (
    <MessagePage heading="Formulaire non autorisé">
      <p>{ft(`Ce formulaire d’abonnement n’est pas autorisé ${from} : votre demande n’a pas été enregistrée.`)}</p>
      <p>
        Vous pouvez vous abonner directement sur <a href="/subscribe">notre page d’abonnement</a>.
      </p>
    </MessagePage>
  );
}
