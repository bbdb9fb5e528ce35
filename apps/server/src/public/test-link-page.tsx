import { MessagePage } from './layout';

/** A test send's stand-in for a subscriber's tokens: shorter than any real token, so it names nobody. */
export const TEST_LINK_TOKEN = 'essai';

// where a test message's personal links lead: GET and POST (one-click) both answer this and change nothing
export function TestLinkPage(props: { link: 'unsubscribe' | 'preferences' }) {
  return (
    <MessagePage heading="Lien d’essai">
      <p>Ce lien vient d’un envoi de test de la lettre{'\u00a0'}: il ne modifie aucun abonnement.</p>
      <p>
        {props.link === 'unsubscribe'
          ? 'Dans la lettre envoyée, chaque abonné·e reçoit son propre lien de désinscription.'
          : 'Dans la lettre envoyée, chaque abonné·e reçoit son propre lien vers ses préférences.'}
      </p>
    </MessagePage>
  );
}
