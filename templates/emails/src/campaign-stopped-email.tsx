// A send that stopped while nobody watched: a schedule held at launch, a send paused by its bounces.
import { Heading, Section, Text } from '@react-email/components';
import { CallToAction } from './call-to-action';
import { Layout, Lines } from './layout';
import { assertWebUrl, checkIdentity, renderEmail, type RenderedEmail } from './render-email';
import { parisDateTime } from './review-wording';
import { colors, quoted, styles, type EmailIdentity } from './theme';

export type CampaignStop = 'held' | 'paused';

export type StoppedCampaign = {
  subject: string;
  /** why it stopped, as stored on the campaign and shown in the studio */
  reason: string;
  scheduledAt: Date | null;
  /** messages the mail server took, out of the recipients frozen at start */
  sent: number;
  recipients: number;
  /** the refusals counted by the bounce rule, among the recipients answered so far (a pause) */
  bounces: { hardBounces: number; processed: number } | null;
};

export type CampaignStoppedProps = {
  identity: EmailIdentity;
  stop: CampaignStop;
  campaign: StoppedCampaign;
  /** the campaign's page in the studio */
  openUrl: string;
};

const count = (n: number) => new Intl.NumberFormat('fr-FR').format(n);
const titleOf = (subject: string) => quoted(subject.trim() || 'Sans objet');

/** « Envoi retenu : « Printemps » n’est pas parti » / « Envoi mis en pause : « Printemps » ». */
export function campaignStoppedSubject(stop: CampaignStop, subject: string): string {
  return stop === 'held'
    ? `Envoi retenu : ${titleOf(subject)} n’est pas parti`
    : `Envoi mis en pause : ${titleOf(subject)}`;
}

function heldSentence(campaign: StoppedCampaign): string {
  const when = campaign.scheduledAt ? ` prévu le ${parisDateTime(campaign.scheduledAt)}` : '';
  return `L’envoi programmé de ${titleOf(campaign.subject)}${when} a été retenu au moment de partir. Rien n’a été envoyé.`;
}

function pausedSentence(campaign: StoppedCampaign): string {
  return `L’envoi de la lettre ${titleOf(campaign.subject)} s’est mis en pause de lui-même : trop d’adresses ont été refusées dès le début. Les messages restants attendent.`;
}

function Figures({ campaign }: { campaign: StoppedCampaign }) {
  const bounces = campaign.bounces;
  const share = bounces && bounces.processed > 0 ? Math.round((bounces.hardBounces / bounces.processed) * 100) : 0;
  return (
    <Text style={styles.paragraph}>
      <strong>Envoyés :</strong> {count(campaign.sent)} sur {count(campaign.recipients)}
      {bounces && (
        <>
          <br />
          {/* counted when the email is written: a message in flight at the pause may have been answered since */}
          <strong>Adresses refusées à ce jour :</strong> {count(bounces.hardBounces)} sur {count(bounces.processed)}{' '}
          traitées ({share} %)
        </>
      )}
    </Text>
  );
}

export function CampaignStoppedEmail({ identity, stop, campaign, openUrl }: CampaignStoppedProps) {
  const sentence = stop === 'held' ? heldSentence(campaign) : pausedSentence(campaign);
  return (
    <Layout
      identity={identity}
      preview={sentence}
      reason={
        <>
          Vous recevez ce message parce que vous avez programmé ou lancé cet envoi, ou que vous administrez l’espace de{' '}
          {identity.name}.
        </>
      }
    >
      <Heading as="h1" style={styles.heading}>
        {stop === 'held'
          ? `L’envoi de ${titleOf(campaign.subject)} est retenu`
          : `L’envoi de ${titleOf(campaign.subject)} est en pause`}
      </Heading>
      <Text style={styles.paragraph}>{sentence}</Text>
      {stop === 'paused' && <Figures campaign={campaign} />}
      {campaign.reason.trim() !== '' && (
        <Section style={{ borderLeft: `4px solid ${colors.accent}`, padding: '4px 0 4px 16px', margin: '0 0 20px' }}>
          <Text style={{ ...styles.small, margin: '0 0 8px' }}>
            <strong>Raison indiquée par le système d’envoi :</strong>
          </Text>
          <Text style={{ ...styles.paragraph, margin: 0 }}>
            <Lines text={campaign.reason} />
          </Text>
        </Section>
      )}
      <Text style={styles.paragraph}>
        {stop === 'held'
          ? 'La campagne attend votre décision : une fois le problème réglé, envoyez-la ou reprogrammez-la depuis sa page.'
          : 'Vérifiez la liste (adresses mal saisies ou trop anciennes) avant de reprendre l’envoi ; vous pouvez aussi l’annuler depuis la page de la campagne.'}
      </Text>
      <CallToAction href={openUrl} label="Ouvrir la campagne" />
    </Layout>
  );
}

export async function renderCampaignStopped(props: CampaignStoppedProps): Promise<RenderedEmail> {
  const openUrl = assertWebUrl('openUrl', props.openUrl);
  // copy only the known fields, so nothing else can reach the email
  const c = props.campaign;
  const campaign: StoppedCampaign = {
    subject: c.subject,
    reason: c.reason,
    scheduledAt: c.scheduledAt,
    sent: c.sent,
    recipients: c.recipients,
    bounces: c.bounces ? { hardBounces: c.bounces.hardBounces, processed: c.bounces.processed } : null,
  };
  const stop: CampaignStop = props.stop === 'held' ? 'held' : 'paused';
  return renderEmail({
    subject: campaignStoppedSubject(stop, campaign.subject),
    element: (
      <CampaignStoppedEmail
        identity={checkIdentity(props.identity)}
        stop={stop}
        campaign={campaign}
        openUrl={openUrl}
      />
    ),
  });
}
