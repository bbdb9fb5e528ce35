import { Heading, Section, Text } from '@react-email/components';
import { CallToAction } from './call-to-action';
import { Layout } from './layout';
import { assertWebUrl, checkIdentity, renderEmail } from './render-email';
import type { RenderedEmail } from './render-email';
import { colors, ofName, quoted, styles, type EmailIdentity } from './theme';

/** Staff-controlled text only: no name or address of the reader, who may not be the one who asked. */
export type ConfirmSubscriptionProps = {
  identity: EmailIdentity;
  confirmUrl: string;
  lists: { name: string; description: string }[];
};

export const CONFIRMATION_VALID_DAYS = 7;

export function ConfirmSubscriptionEmail({ identity, confirmUrl, lists }: ConfirmSubscriptionProps) {
  const several = lists.length > 1;
  return (
    <Layout
      identity={identity}
      preview={`Un clic pour confirmer, le lien est valable ${CONFIRMATION_VALID_DAYS} jours.`}
      reason={
        `Vous recevez ce message parce qu’une inscription aux lettres ${ofName(identity.name)} a été demandée avec ` +
        'cette adresse. Sans confirmation, elle n’est pas enregistrée.'
      }
    >
      <Heading as="h1" style={styles.heading}>
        Confirmez votre inscription
      </Heading>
      <Text style={styles.paragraph}>
        {several
          ? 'Une inscription aux lettres suivantes a été demandée avec cette adresse\u00a0:'
          : 'Une inscription à la lettre suivante a été demandée avec cette adresse\u00a0:'}
      </Text>
      <Section style={{ borderLeft: `4px solid ${colors.accent}`, padding: '4px 0 4px 16px', margin: '0 0 20px' }}>
        {lists.map((list, index) => (
          <Text key={index} style={{ ...styles.paragraph, margin: index === lists.length - 1 ? 0 : '0 0 12px' }}>
            <strong>{list.name}</strong>
            <br />
            <span style={{ color: colors.muted }}>{list.description}</span>
          </Text>
        ))}
      </Section>
      <Text style={styles.paragraph}>
        Pour recevoir {several ? 'ces lettres' : 'cette lettre'}, confirmez d’un clic&nbsp;:
      </Text>
      <CallToAction href={confirmUrl} label="Confirmer mon inscription" />
      <Text style={styles.paragraph}>Ce lien est valable {CONFIRMATION_VALID_DAYS}&nbsp;jours.</Text>
      <Text style={styles.paragraph}>
        Vous n’avez rien demandé&nbsp;? Ignorez simplement ce message&nbsp;: sans confirmation, rien ne se passera et
        vous ne recevrez rien de plus.
      </Text>
    </Layout>
  );
}

function confirmSubject(lists: ConfirmSubscriptionProps['lists'], organisation: string): string {
  const [only] = lists;
  if (lists.length === 1 && only) return `Confirmez votre inscription à ${quoted(only.name)}`;
  if (lists.length > 1) return `Confirmez votre inscription aux lettres ${ofName(organisation)}`;
  return `Confirmez votre inscription à la lettre ${ofName(organisation)}`;
}

export async function renderConfirmSubscription(props: ConfirmSubscriptionProps): Promise<RenderedEmail> {
  // copy only the known fields, so nothing smuggled into props can reach the email
  const confirmUrl = assertWebUrl('confirmUrl', props.confirmUrl);
  const lists = props.lists.map(({ name, description }) => ({ name, description }));
  const identity = checkIdentity(props.identity);
  return renderEmail({
    subject: confirmSubject(lists, identity.name),
    element: <ConfirmSubscriptionEmail identity={identity} confirmUrl={confirmUrl} lists={lists} />,
  });
}
