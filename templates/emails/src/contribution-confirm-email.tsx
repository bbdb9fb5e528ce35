import { Heading, Text } from '@react-email/components';
import { CallToAction } from './call-to-action';
import { Layout } from './layout';
import { assertWebUrl, checkIdentity, renderEmail } from './render-email';
import type { RenderedEmail } from './render-email';
import { ofName, styles, type EmailIdentity } from './theme';

/**
 * No text the proposer typed (no title, no name): whoever typed the address may not own it, and this email must
 * not carry their words to a stranger.
 */
export type ContributionConfirmProps = {
  identity: EmailIdentity;
  /** « Mes propositions », with the link's token */
  followUrl: string;
  /** how long the link works */
  linkValidDays: number;
  /** an unconfirmed proposal is erased this many days after it was made */
  unconfirmedEraseDays: number;
};

export const contributionConfirmSubject = (organisation: string) =>
  `Confirmez votre proposition au site ${ofName(organisation)}`;

export function ContributionConfirmEmail(props: ContributionConfirmProps) {
  const { identity } = props;
  return (
    <Layout
      identity={identity}
      preview={`Un clic pour la transmettre à l’équipe, le lien est valable ${props.linkValidDays} jours.`}
      reason={
        `Vous recevez ce message parce qu’une proposition (événement, offre ou actualité) a été faite avec cette ` +
        `adresse sur le site ${ofName(identity.name)}. Sans confirmation, elle n’est pas transmise.`
      }
    >
      <Heading as="h1" style={styles.heading}>
        Confirmez votre proposition
      </Heading>
      <Text style={styles.paragraph}>
        Une proposition a été faite avec cette adresse sur le site {ofName(identity.name)}. Pour qu’elle parvienne à
        l’équipe, vérifiez-la et confirmez-la d’un clic&nbsp;:
      </Text>
      <CallToAction href={props.followUrl} label="Voir et confirmer ma proposition" />
      <Text style={styles.paragraph}>
        Ce lien est valable {props.linkValidDays}&nbsp;jours. Il vous permet aussi de suivre vos propositions, de les
        modifier si l’équipe vous le demande, ou de les retirer.
      </Text>
      <Text style={styles.paragraph}>
        Ce n’est pas vous&nbsp;? Ignorez simplement ce message&nbsp;: sans confirmation, la proposition n’est pas
        transmise et elle est effacée au bout de {props.unconfirmedEraseDays}&nbsp;jours.
      </Text>
    </Layout>
  );
}

export async function renderContributionConfirm(props: ContributionConfirmProps): Promise<RenderedEmail> {
  const identity = checkIdentity(props.identity);
  const element = (
    <ContributionConfirmEmail
      identity={identity}
      followUrl={assertWebUrl('followUrl', props.followUrl)}
      linkValidDays={Math.round(props.linkValidDays)}
      unconfirmedEraseDays={Math.round(props.unconfirmedEraseDays)}
    />
  );
  return renderEmail({ subject: contributionConfirmSubject(identity.name), element });
}
