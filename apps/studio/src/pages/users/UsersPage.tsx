import { Button, EmptyState, Group, Loader, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffUser } from '@crieur/api';
import { useApiQuery } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
import { SectionHeader } from '../SectionPage';
import { InviteModal, type InviteDraft } from './InviteModal';
import { UsersTable } from './UsersTable';

export function UsersPage() {
  const { t } = useTranslation();
  const query = useApiQuery('GET /api/users');
  const reload = () => void query.refetch();
  const [inviting, invite] = useDisclosure(false);
  const [resending, setResending] = useState<InviteDraft | null>(null);
  const openInvite = (draft: InviteDraft | null) => {
    setResending(draft);
    invite.open();
  };
  const onResend = (user: StaffUser) => openInvite({ email: user.email, name: user.name, role: user.role });
  // only the header button is named "Inviter": a second one would make the name ambiguous

  // a 403 means the role changed since login: show "accès refusé" without the header
  if (query.isError) return <LoadError error={query.error} onRetry={reload} />;
  const users = query.data?.users;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <SectionHeader section="users" />
        <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => openInvite(null)}>
          {t('users.invite')}
        </Button>
      </Group>
      {!users && <Loader aria-label={t('app.loading')} />}
      {users &&
        (users.length <= 1 ? (
          <>
            {users.length === 1 && <UsersTable users={users} onChanged={reload} onResend={onResend} />}
            <EmptyState
              icon={<IconUsers aria-hidden />}
              variant="light"
              title={t('users.emptyTitle')}
              description={t('users.emptyDescription')}
            />
          </>
        ) : (
          <UsersTable users={users} onChanged={reload} onResend={onResend} />
        ))}
      <InviteModal opened={inviting} onClose={invite.close} onInvited={reload} initial={resending} />
    </Stack>
  );
}
