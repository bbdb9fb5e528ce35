import { Heading, Link, Text } from '@react-email/components';
import { Layout } from './layout';
import { assertWebUrl, checkIdentity, renderEmail } from './render-email';
import type { RenderedEmail } from './render-email';
import { quoted, styles, type EmailIdentity } from './theme';

export type GoodbyeProps = { identity: EmailIdentity; listName: string; resubscribeUrl: string };

export function GoodbyeEmail({ identity, listName, resubscribeUrl }: GoodbyeProps) {
  return (
    <Layout
      identity={identity}
      preview={`Vous ne recevrez plus ${quoted(listName)}.`}
      reason={`Vous recevez ce dernier message parce que vous venez de vous désinscrire de ${quoted(listName)}. Il n’y en aura pas d’autre.`}
    >
      <Heading as="h1" style={styles.heading}>
        Votre désinscription est confirmée
      </Heading>
      <Text style={styles.paragraph}>
        Vous ne recevrez plus <strong>{quoted(listName)}</strong>. Merci de nous avoir lu·es.
      </Text>
      <Text style={styles.paragraph}>
        Vous êtes parti·e par erreur&nbsp;?{' '}
        <Link href={resubscribeUrl} style={styles.link}>
          Vous réinscrire à {quoted(listName)}
        </Link>
      </Text>
    </Layout>
  );
}

export async function renderGoodbye(props: GoodbyeProps): Promise<RenderedEmail> {
  const element = (
    <GoodbyeEmail
      identity={checkIdentity(props.identity)}
      listName={props.listName}
      resubscribeUrl={assertWebUrl('resubscribeUrl', props.resubscribeUrl)}
    />
  );
  return renderEmail({ subject: `Votre désinscription de ${quoted(props.listName)} est confirmée`, element });
}
