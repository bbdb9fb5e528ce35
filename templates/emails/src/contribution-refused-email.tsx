import { Heading, Text } from '@react-email/components';
import { CallToAction } from './call-to-action';
import { proposalName, StaffMessage, subjectOf, type ContributionSubject } from './contribution-parts';
import { Layout } from './layout';
import { assertWebUrl, checkIdentity, renderEmail } from './render-email';
import type { RenderedEmail } from './render-email';
import { quoted, styles, type EmailIdentity } from './theme';

export type ContributionRefusedProps = {
  identity: EmailIdentity;
  contribution: ContributionSubject;
  followUrl: string;
  linkValidDays: number;
  /** a refused proposal is erased this many days after the decision */
  eraseDays: number;
};

export const contributionRefusedSubject = (title: string) => `Votre proposition ${quoted(title)} n’a pas été retenue`;

export function ContributionRefusedEmail(props: ContributionRefusedProps) {
  const { identity, contribution } = props;
  return (
    <Layout
      identity={identity}
      preview="L’équipe n’a pas retenu votre proposition."
      reason={`Vous recevez ce message au sujet de votre proposition ${quoted(contribution.title)} sur notre site.`}
    >
      <Heading as="h1" style={styles.heading}>
        Votre proposition n’a pas été retenue
      </Heading>
      <Text style={styles.paragraph}>
        Merci de nous avoir proposé {proposalName(contribution)}. L’équipe ne la publiera pas.
      </Text>
      <StaffMessage label="Le message de l’équipe" message={contribution.staffMessage} />
      <Text style={styles.paragraph}>
        Elle sera effacée dans {props.eraseDays}&nbsp;jours. D’ici là, vous la retrouvez dans vos propositions.
      </Text>
      <CallToAction href={props.followUrl} label="Voir mes propositions" />
      <Text style={styles.small}>Ce lien est valable {props.linkValidDays}&nbsp;jours.</Text>
    </Layout>
  );
}

export async function renderContributionRefused(props: ContributionRefusedProps): Promise<RenderedEmail> {
  const contribution = subjectOf(props.contribution);
  const element = (
    <ContributionRefusedEmail
      identity={checkIdentity(props.identity)}
      contribution={contribution}
      followUrl={assertWebUrl('followUrl', props.followUrl)}
      linkValidDays={Math.round(props.linkValidDays)}
      eraseDays={Math.round(props.eraseDays)}
    />
  );
  return renderEmail({ subject: contributionRefusedSubject(contribution.title), element });
}
