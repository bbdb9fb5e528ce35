import { Heading, Link, Text } from '@react-email/components';
import { CallToAction } from './call-to-action';
import { proposalName, parisDay, StaffMessage, subjectOf, type ContributionSubject } from './contribution-parts';
import { Layout } from './layout';
import { assertWebUrl, checkIdentity, renderEmail } from './render-email';
import type { RenderedEmail } from './render-email';
import { ofName, quoted, styles, type EmailIdentity } from './theme';

export type ContributionAcceptedProps = {
  identity: EmailIdentity;
  contribution: ContributionSubject;
  /** public from then; later than `now`: « sera publiée le … » */
  publishAt: Date | null;
  now: Date;
  /** its page on the site, absolute; null when it has none yet */
  publicUrl: string | null;
  followUrl: string;
  linkValidDays: number;
};

export const contributionAcceptedSubject = (title: string) => `Votre proposition ${quoted(title)} est acceptée`;

export function ContributionAcceptedEmail(props: ContributionAcceptedProps) {
  const { identity, contribution } = props;
  const later = props.publishAt !== null && props.publishAt.getTime() > props.now.getTime();
  const when = later ? ` Elle sera publiée le ${parisDay(props.publishAt!)}.` : ' Elle est publiée dès maintenant.';
  return (
    <Layout
      identity={identity}
      preview={`L’équipe ${ofName(identity.name)} a accepté votre proposition.`}
      reason={`Vous recevez ce message au sujet de votre proposition ${quoted(contribution.title)} sur notre site.`}
    >
      <Heading as="h1" style={styles.heading}>
        Votre proposition est acceptée
      </Heading>
      <Text style={styles.paragraph}>
        Merci&nbsp;! L’équipe a accepté {proposalName(contribution)}.{when}
      </Text>
      <StaffMessage label="Le message de l’équipe" message={contribution.staffMessage} />
      {props.publicUrl && (
        <Text style={styles.paragraph}>
          Sa page sur le site&nbsp;:{' '}
          <Link href={props.publicUrl} style={styles.url}>
            {props.publicUrl}
          </Link>
        </Text>
      )}
      <Text style={styles.paragraph}>
        Une erreur, un changement, une annulation&nbsp;? Depuis vos propositions, vous pouvez la retirer du site.
      </Text>
      <CallToAction href={props.followUrl} label="Voir mes propositions" />
      <Text style={styles.small}>Ce lien est valable {props.linkValidDays}&nbsp;jours.</Text>
    </Layout>
  );
}

export async function renderContributionAccepted(props: ContributionAcceptedProps): Promise<RenderedEmail> {
  const contribution = subjectOf(props.contribution);
  const element = (
    <ContributionAcceptedEmail
      identity={checkIdentity(props.identity)}
      contribution={contribution}
      publishAt={props.publishAt}
      now={props.now}
      publicUrl={props.publicUrl ? assertWebUrl('publicUrl', props.publicUrl) : null}
      followUrl={assertWebUrl('followUrl', props.followUrl)}
      linkValidDays={Math.round(props.linkValidDays)}
    />
  );
  return renderEmail({ subject: contributionAcceptedSubject(contribution.title), element });
}
