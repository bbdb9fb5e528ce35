import { Heading, Text } from '@react-email/components';
import { CallToAction } from './call-to-action';
import { Layout } from './layout';
import { assertWebUrl, checkIdentity, renderEmail } from './render-email';
import type { RenderedEmail } from './render-email';
import { ofName, styles, type EmailIdentity } from './theme';

export type StaffInvitationProps = {
  identity: EmailIdentity;
  inviteUrl: string;
  roleLabel: string;
  /** who invited: a name, else an address */
  invitedBy?: string | null;
};

export const INVITATION_VALID_DAYS = 7;

// as a sentence reads them: « avec le rôle éditeur·rice »
export const STAFF_ROLE_LABELS = {
  admin: 'administrateur·rice',
  editor: 'éditeur·rice',
  author: 'auteur·rice',
  sender: 'chargé·e d’envoi',
} as const satisfies Record<string, string>;

export function StaffInvitationEmail({ identity, inviteUrl, roleLabel, invitedBy }: StaffInvitationProps) {
  const inviter = invitedBy?.trim();
  const team = `l’équipe ${ofName(identity.name)}`;
  return (
    <Layout
      identity={identity}
      preview={`Rejoignez ${team}\u00a0: le lien est valable ${INVITATION_VALID_DAYS}\u00a0jours.`}
      reason={`Vous recevez ce message parce qu’un·e administrateur·rice ${ofName(identity.name)} vous a invité·e avec cette adresse.`}
    >
      <Heading as="h1" style={styles.heading}>
        {invitationSubject(identity.name)}
      </Heading>
      <Text style={styles.paragraph}>
        {inviter ? `${inviter} vous invite` : 'Vous êtes invité·e'} à rejoindre {team} dans son studio, l’espace où elle
        prépare ses articles et ses lettres, avec le rôle <strong>{roleLabel}</strong>.
      </Text>
      <Text style={styles.paragraph}>
        Pour créer votre accès, indiquez votre nom et choisissez votre mot de passe&nbsp;:
      </Text>
      <CallToAction href={inviteUrl} label="Accepter l’invitation" />
      <Text style={styles.paragraph}>
        Ce lien est valable {INVITATION_VALID_DAYS}&nbsp;jours et ne sert qu’une fois. Si une nouvelle invitation vous
        est envoyée, seul le lien du dernier message fonctionne.
      </Text>
      <Text style={styles.paragraph}>
        Vous n’attendiez pas cette invitation&nbsp;? Ignorez ce message&nbsp;: aucun accès ne sera créé.
      </Text>
    </Layout>
  );
}

/** « Invitation à rejoindre l’équipe de <organisation> »: the team, never the software. */
export const invitationSubject = (organisation: string) => `Invitation à rejoindre l’équipe ${ofName(organisation)}`;

export async function renderStaffInvitation(props: StaffInvitationProps): Promise<RenderedEmail> {
  const identity = checkIdentity(props.identity);
  const element = (
    <StaffInvitationEmail
      identity={identity}
      inviteUrl={assertWebUrl('inviteUrl', props.inviteUrl)}
      roleLabel={props.roleLabel}
      invitedBy={props.invitedBy ?? null}
    />
  );
  return renderEmail({ subject: invitationSubject(identity.name), element });
}
