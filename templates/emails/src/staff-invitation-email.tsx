import { Heading, Text } from '@react-email/components';
import { CallToAction } from './call-to-action';
import { Layout } from './layout';
import { assertWebUrl, renderEmail } from './render-email';
import type { RenderedEmail } from './render-email';
import { styles } from './theme';

export type StaffInvitationProps = {
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

export function StaffInvitationEmail({ inviteUrl, roleLabel, invitedBy }: StaffInvitationProps) {
  const inviter = invitedBy?.trim();
  return (
    <Layout
      preview={`Rejoignez le studio Crieur, le lien est valable ${INVITATION_VALID_DAYS} jours.`}
      reason="Vous recevez ce message parce qu’un·e administrateur·rice du studio Crieur de démocratieS vous a invité·e avec cette adresse."
    >
      <Heading as="h1" style={styles.heading}>
        Invitation au studio Crieur
      </Heading>
      <Text style={styles.paragraph}>
        {inviter ? `${inviter} vous invite` : 'Vous êtes invité·e'} à rejoindre le studio Crieur, l’outil où l’équipe de
        démocratieS prépare ses articles et ses lettres, avec le rôle <strong>{roleLabel}</strong>.
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

export async function renderStaffInvitation(props: StaffInvitationProps): Promise<RenderedEmail> {
  const element = (
    <StaffInvitationEmail
      inviteUrl={assertWebUrl('inviteUrl', props.inviteUrl)}
      roleLabel={props.roleLabel}
      invitedBy={props.invitedBy ?? null}
    />
  );
  return renderEmail({ subject: 'Invitation au studio Crieur de démocratieS', element });
}
