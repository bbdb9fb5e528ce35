import { Button, EmptyState, Group, Loader, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffUser } from '../../api/types';
import { listUsers } from '../../api/endpoints';
import { LoadError } from '../../components/LoadError';
import { useApiData } from '../../hooks/use-api-data';
import { SectionHeader } from '../SectionPage';
import { InviteModal, type InviteDraft } from './InviteModal';
import { UsersTable } from './UsersTable';

const loadUsers = () => listUsers().then((answer) => answer.users);

export function UsersPage() {
  const { t } = useTranslation();
  const users = useApiData(loadUsers);
  const [inviting, invite] = useDisclosure(false);
  const [resending, setResending] = useState<InviteDraft | null>(null);
  const openInvite = (draft: InviteDraft | null) => {
    setResending(draft);
    invite.open();
  };
  const onResend = (user: StaffUser) => openInvite({ email: user.email, name: user.name, role: user.role });
  // only the header button is named "Inviter": a second one would make the name ambiguous

  // a 403 means the role changed since login: show "accès refusé" without the header
  if (users.status === 'failed') return <LoadError error={users.error} onRetry={users.reload} />;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <SectionHeader section="users" />
        <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => openInvite(null)}>
          {t('users.invite')}
        </Button>
      </Group>
      {users.status === 'loading' && <Loader aria-label={t('app.loading')} />}
      {users.status === 'ready' &&
        (users.data.length <= 1 ? (
          <>
            {users.data.length === 1 && <UsersTable users={users.data} onChanged={users.reload} onResend={onResend} />}
            <EmptyState
              icon={<IconUsers aria-hidden />}
              variant="light"
              title={t('users.emptyTitle')}
              description={t('users.emptyDescription')}
            />
          </>
        ) : (
          <UsersTable users={users.data} onChanged={users.reload} onResend={onResend} />
        ))}
      <InviteModal opened={inviting} onClose={invite.close} onInvited={users.reload} initial={resending} />
    </Stack>
  );
}
