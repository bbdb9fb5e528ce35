import { Heading, Text } from '@react-email/components';
import { CallToAction } from './call-to-action';
import { proposalName, StaffMessage, subjectOf, type ContributionSubject } from './contribution-parts';
import { Layout } from './layout';
import { assertWebUrl, checkIdentity, renderEmail } from './render-email';
import type { RenderedEmail } from './render-email';
import { quoted, styles, type EmailIdentity } from './theme';

export type ContributionChangesProps = {
  identity: EmailIdentity;
  contribution: ContributionSubject;
  followUrl: string;
  linkValidDays: number;
};

export const contributionChangesSubject = (title: string) =>
  `Votre proposition ${quoted(title)} : modifications demandées`;

export function ContributionChangesEmail(props: ContributionChangesProps) {
  const { identity, contribution } = props;
  return (
    <Layout
      identity={identity}
      preview="L’équipe vous demande quelques modifications avant de la publier."
      reason={`Vous recevez ce message au sujet de votre proposition ${quoted(contribution.title)} sur notre site.`}
    >
      <Heading as="h1" style={styles.heading}>
        Quelques modifications, s’il vous plaît
      </Heading>
      <Text style={styles.paragraph}>
        L’équipe a lu {proposalName(contribution)} et vous demande de la modifier avant de la publier.
      </Text>
      <StaffMessage label="Ce que l’équipe vous demande" message={contribution.staffMessage} />
      <Text style={styles.paragraph}>
        Modifiez-la depuis vos propositions, puis renvoyez-la&nbsp;: elle reviendra à l’équipe. Vous pouvez aussi la
        retirer.
      </Text>
      <CallToAction href={props.followUrl} label="Modifier ma proposition" />
      <Text style={styles.small}>Ce lien est valable {props.linkValidDays}&nbsp;jours.</Text>
    </Layout>
  );
}

export async function renderContributionChanges(props: ContributionChangesProps): Promise<RenderedEmail> {
  const contribution = subjectOf(props.contribution);
  const element = (
    <ContributionChangesEmail
      identity={checkIdentity(props.identity)}
      contribution={contribution}
      followUrl={assertWebUrl('followUrl', props.followUrl)}
      linkValidDays={Math.round(props.linkValidDays)}
    />
  );
  return renderEmail({ subject: contributionChangesSubject(contribution.title), element });
}
