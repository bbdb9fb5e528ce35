import { Heading, Text } from '@react-email/components';
import { CallToAction } from './call-to-action';
import { Layout } from './layout';
import { assertWebUrl, checkIdentity, renderEmail } from './render-email';
import type { RenderedEmail } from './render-email';
import { ofName, styles, type EmailIdentity } from './theme';

/** The account's own name, to greet; the link holds the token and is never logged. */
export type PasswordResetProps = { identity: EmailIdentity; resetUrl: string; name?: string };

export const PASSWORD_RESET_SUBJECT = 'Réinitialiser votre mot de passe';

export function PasswordResetEmail({ identity, resetUrl, name }: PasswordResetProps) {
  const greeting = name?.trim() ? `Bonjour ${name.trim()},` : 'Bonjour,';
  return (
    <Layout
      identity={identity}
      preview="Choisissez un nouveau mot de passe : le lien est valable une heure."
      reason={
        'Vous recevez ce message parce qu’une réinitialisation du mot de passe a été demandée ' +
        `pour le compte lié à cette adresse dans le studio ${ofName(identity.name)}.`
      }
    >
      <Heading as="h1" style={styles.heading}>
        {PASSWORD_RESET_SUBJECT}
      </Heading>
      <Text style={styles.paragraph}>{greeting}</Text>
      <Text style={styles.paragraph}>
        Quelqu’un a demandé à réinitialiser le mot de passe de votre compte du studio. Pour choisir un nouveau mot de
        passe, ouvrez ce lien&nbsp;:
      </Text>
      <CallToAction href={resetUrl} label="Choisir un nouveau mot de passe" />
      <Text style={styles.paragraph}>
        Ce lien est valable une heure et ne sert qu’une fois. Une fois le mot de passe changé, toutes vos sessions
        ouvertes sont fermées&nbsp;: reconnectez-vous avec le nouveau.
      </Text>
      <Text style={styles.paragraph}>
        Si vous n’êtes pas à l’origine de cette demande, ignorez ce message&nbsp;; votre mot de passe reste inchangé.
      </Text>
    </Layout>
  );
}

export async function renderPasswordReset(props: PasswordResetProps): Promise<RenderedEmail> {
  const resetUrl = assertWebUrl('resetUrl', props.resetUrl);
  return renderEmail({
    subject: PASSWORD_RESET_SUBJECT,
    element: <PasswordResetEmail identity={checkIdentity(props.identity)} resetUrl={resetUrl} name={props.name} />,
  });
}
