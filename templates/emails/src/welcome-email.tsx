import { Heading, Link, Text } from '@react-email/components';
import { Layout } from './layout';
import { assertWebUrl, renderEmail } from './render-email';
import type { RenderedEmail } from './render-email';
import { quoted, styles } from './theme';

export type WelcomeProps = {
  listName: string;
  listDescription: string;
  preferencesUrl: string;
  unsubscribeUrl: string;
};

export function WelcomeEmail({ listName, listDescription, preferencesUrl, unsubscribeUrl }: WelcomeProps) {
  return (
    <Layout
      preview={`Votre inscription à ${quoted(listName)} est confirmée.`}
      reason={`Vous recevez ce message parce que vous venez de confirmer votre inscription à ${quoted(listName)}.`}
    >
      <Heading as="h1" style={styles.heading}>
        Bienvenue&nbsp;!
      </Heading>
      <Text style={styles.paragraph}>
        Votre inscription à <strong>{quoted(listName)}</strong> est confirmée. Merci de votre intérêt.
      </Text>
      <Text style={styles.paragraph}>
        <strong>Ce que vous recevrez&nbsp;:</strong> {listDescription}
      </Text>
      <Text style={styles.paragraph}>
        Vous pouvez à tout moment choisir les lettres que vous recevez, ou ne plus en recevoir aucune&nbsp;:
      </Text>
      <Text style={styles.paragraph}>
        <Link href={preferencesUrl} style={styles.link}>
          Gérer mes préférences
        </Link>
        <br />
        <Link href={unsubscribeUrl} style={styles.link}>
          Me désinscrire de {quoted(listName)}
        </Link>
      </Text>
    </Layout>
  );
}

export async function renderWelcome(props: WelcomeProps): Promise<RenderedEmail> {
  const element = (
    <WelcomeEmail
      listName={props.listName}
      listDescription={props.listDescription}
      preferencesUrl={assertWebUrl('preferencesUrl', props.preferencesUrl)}
      unsubscribeUrl={assertWebUrl('unsubscribeUrl', props.unsubscribeUrl)}
    />
  );
  return renderEmail({ subject: `Inscription confirmée à ${quoted(props.listName)}`, element });
}
