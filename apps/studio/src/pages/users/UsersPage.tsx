import { Button, EmptyState, Group, Loader, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffUser } from '@crieur/api';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../i18n/error-message';
import { SectionHeader } from '../SectionPage';
import { InviteModal } from './InviteModal';
import { UsersTable } from './UsersTable';

export function UsersPage() {
  const { t } = useTranslation();
  const query = useApiQuery('GET /api/users');
  const reload = () => void query.refetch();
  const [inviting, invite] = useDisclosure(false);
  // the person an invitation found already in the team: their row is marked and scrolled to
  const [shown, setShown] = useState<string | null>(null);
  const [resending, setResending] = useState<string | null>(null);

  const onResend = async (user: StaffUser) => {
    setResending(user.id);
    try {
      const sent = await call('POST /api/users/:id/invitation', { params: { id: user.id } });
      const message = t(sent.renewed ? 'team.resentRenewed' : 'team.resent', { email: sent.user.email });
      notifications.show({
        color: 'teal',
        message: [message, sent.outbox ? t('team.sentOutbox') : '', sent.emailQueued ? '' : t('team.sentDelayed')]
          .filter(Boolean)
          .join(' '),
      });
      reload();
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    } finally {
      setResending(null);
    }
  };
  const onShowUser = (id: string) => {
    invite.close();
    setShown(id);
  };

  // a 403 means the role changed since login: show "accès refusé" without the header
  if (query.isError) return <LoadError error={query.error} onRetry={reload} />;
  const users = query.data?.users;
  const table = users && (
    <UsersTable
      users={users}
      onChanged={reload}
      onResend={(user) => void onResend(user)}
      resendingId={resending}
      shownId={shown}
    />
  );

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <SectionHeader section="users" />
        {/* only this button is named "Inviter": a second one would make the name ambiguous */}
        <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={invite.open}>
          {t('users.invite')}
        </Button>
      </Group>
      {!users && <Loader aria-label={t('app.loading')} />}
      {users && table}
      {users && users.length <= 1 && (
        <EmptyState
          icon={<IconUsers aria-hidden />}
          variant="light"
          title={t('users.emptyTitle')}
          description={t('users.emptyDescription')}
        />
      )}
      <InviteModal opened={inviting} onClose={invite.close} onInvited={reload} onShowUser={onShowUser} />
    </Stack>
  );
}
