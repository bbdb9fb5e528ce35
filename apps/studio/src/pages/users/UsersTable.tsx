import { Badge, Button, Group, Select, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { Role, StaffUser, UserStatus } from '@crieur/api';
import { ROLES } from '@crieur/api/enums/users';
import { errorMessage } from '../../i18n/error-message';
import { useCurrentUser } from '../../session/session-context';
import { formatDateTime } from './format';
import { StatusConfirmModal } from './StatusConfirmModal';
import { displayName } from '../../session/display-name';

const STATUS_COLORS: Record<UserStatus, string> = { invited: 'blue', active: 'teal', deactivated: 'gray' };

type Props = { users: StaffUser[]; onChanged: () => void; onResend: (user: StaffUser) => void };

export function UsersTable({ users, onChanged, onResend }: Props) {
  const { t } = useTranslation();
  // the target outlives `opened` so the modal keeps its text while it fades out
  const [target, setTarget] = useState<StaffUser | null>(null);
  const [confirming, setConfirming] = useState(false);
  const askToggleStatus = (user: StaffUser) => {
    setTarget(user);
    setConfirming(true);
  };

  return (
    <>
      <Table.ScrollContainer minWidth={820}>
        <Table striped highlightOnHover withTableBorder verticalSpacing="sm" aria-label={t('sections.users.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('users.email')}</Table.Th>
              <Table.Th scope="col">{t('users.name')}</Table.Th>
              <Table.Th scope="col">{t('users.role')}</Table.Th>
              <Table.Th scope="col">{t('users.status')}</Table.Th>
              <Table.Th scope="col">{t('users.lastLogin')}</Table.Th>
              <Table.Th scope="col">{t('users.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => (
              <UserRow
                key={user.id}
                user={user}
                onChanged={onChanged}
                onToggleStatus={askToggleStatus}
                onResend={onResend}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <StatusConfirmModal user={target} opened={confirming} onClose={() => setConfirming(false)} onDone={onChanged} />
    </>
  );
}

type RowProps = {
  user: StaffUser;
  onChanged: () => void;
  onToggleStatus: (user: StaffUser) => void;
  onResend: (user: StaffUser) => void;
};

function UserRow({ user, onChanged, onToggleStatus, onResend }: RowProps) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const isSelf = me.id === user.id;
  const [saving, setSaving] = useState(false);

  const changeRole = async (role: Role) => {
    setSaving(true);
    try {
      await call('PATCH /api/users/:id', { params: { id: user.id }, body: { role } });
      notifications.show({
        color: 'teal',
        message: t('users.roleChanged', { name: displayName(user), role: t(`roles.${role}`) }),
      });
      onChanged();
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    } finally {
      setSaving(false);
    }
  };

  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{user.email}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {user.name}
          {isSelf && (
            <Badge ml="xs" size="xs" variant="outline">
              {t('common.you')}
            </Badge>
          )}
        </Text>
      </Table.Td>
      <Table.Td>
        {isSelf ? (
          <Tooltip label={t('users.selfHint')}>
            <Text size="sm">{t(`roles.${user.role}`)}</Text>
          </Tooltip>
        ) : (
          <Select
            aria-label={t('users.roleOf', { name: displayName(user) })}
            data={roleOptions}
            value={user.role}
            allowDeselect={false}
            disabled={saving || user.status === 'deactivated'}
            onChange={(value) => value && value !== user.role && void changeRole(value as Role)}
            size="xs"
            w={190}
            comboboxProps={{ withinPortal: true }}
          />
        )}
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={STATUS_COLORS[user.status]}>
          {t(`users.statusValues.${user.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={user.lastLoginAt ? undefined : 'dimmed'}>
          {formatDateTime(user.lastLoginAt, i18n.language) ?? t('users.never')}
        </Text>
      </Table.Td>
      <Table.Td>
        {!isSelf && (
          <Group gap="xs" wrap="nowrap">
            {user.status === 'invited' && (
              <Button
                size="xs"
                variant="light"
                onClick={() => onResend(user)}
                aria-label={t('users.resendFor', { name: displayName(user) })}
              >
                {t('users.resend')}
              </Button>
            )}
            <Button
              size="xs"
              variant="light"
              color={user.status === 'deactivated' ? 'teal' : 'red'}
              onClick={() => onToggleStatus(user)}
            >
              {user.status === 'deactivated' ? t('users.reactivate') : t('users.deactivate')}
            </Button>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
