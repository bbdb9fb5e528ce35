import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StaffUser, UserStatus as Status } from '@crieur/api';
import { formatDateTime } from './format';

const STATUS_COLORS: Record<Status, string> = { invited: 'blue', active: 'teal', deactivated: 'gray' };

/** The account's state, and for someone invited when the email went out and until when its link works. */
export function UserStatus({ user }: { user: StaffUser }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} align="flex-start">
      {/* lower case and never shrunk: « actif·ve » was cut to « ACT… » */}
      <Badge variant="light" color={STATUS_COLORS[user.status]} tt="none" size="md" style={{ flexShrink: 0 }}>
        {t(`users.statusValues.${user.status}`)}
      </Badge>
      {user.invitation && <InvitationState invitation={user.invitation} />}
    </Stack>
  );
}

function InvitationState({ invitation }: { invitation: NonNullable<StaffUser['invitation']> }) {
  const { t, i18n } = useTranslation();
  const expired = new Date(invitation.expiresAt).getTime() <= Date.now();
  const date = (iso: string) => formatDateTime(iso, i18n.language, true) ?? '';
  return (
    <Text size="xs" c={expired ? 'orange.8' : 'dimmed'} lh={1.35}>
      {invitation.emailSentAt ? t('team.emailSent', { date: date(invitation.emailSentAt) }) : t('team.emailPending')}
      {(expired || invitation.emailSentAt) && <br />}
      {expired
        ? t('team.linkExpired', { date: date(invitation.expiresAt) })
        : invitation.emailSentAt && t('team.linkValidUntil', { date: date(invitation.expiresAt) })}
    </Text>
  );
}
