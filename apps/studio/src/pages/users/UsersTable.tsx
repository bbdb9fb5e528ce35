import { Badge, Button, Card, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffUser } from '@crieur/api';
import { useCurrentUser } from '../../session/session-context';
import { displayName } from '../../session/display-name';
import { formatDateTime } from './format';
import { RoleSelect } from './RoleSelect';
import { StatusConfirmModal } from './StatusConfirmModal';
import { useChangeRole } from './use-change-role';
import { UserStatus } from './UserStatus';

type Props = {
  users: StaffUser[];
  onChanged: () => void;
  onResend: (user: StaffUser) => void;
  /** the person whose invitation is being sent again (its button spins) */
  resendingId?: string | null;
  /** a person to point at (an invitation found them already in the team) */
  shownId?: string | null;
};

type PersonProps = {
  user: StaffUser;
  onChanged: () => void;
  onToggleStatus: (user: StaffUser) => void;
  onResend: (user: StaffUser) => void;
  resending: boolean;
  shown: boolean;
};

/** The team: a table on wide screens, one card a person on a phone (a 6-column table does not fit 390 px). */
export function UsersTable({ users, onChanged, onResend, resendingId = null, shownId = null }: Props) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 48em)');
  // the target outlives `opened` so the modal keeps its text while it fades out
  const [target, setTarget] = useState<StaffUser | null>(null);
  const [confirming, setConfirming] = useState(false);
  const person = (user: StaffUser): PersonProps => ({
    user,
    onChanged,
    onToggleStatus: (u) => {
      setTarget(u);
      setConfirming(true);
    },
    onResend,
    resending: resendingId === user.id,
    shown: shownId === user.id,
  });

  return (
    <>
      {narrow ? (
        <Stack gap="sm" component="ul" aria-label={t('sections.users.title')} p={0} m={0}>
          {users.map((user) => (
            <UserCard key={user.id} {...person(user)} />
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={1060}>
          <Table striped highlightOnHover withTableBorder verticalSpacing="sm" aria-label={t('sections.users.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" miw={150}>
                  {t('users.name')}
                </Table.Th>
                <Table.Th scope="col" miw={210}>
                  {t('users.email')}
                </Table.Th>
                <Table.Th scope="col" w={200}>
                  {t('users.role')}
                </Table.Th>
                <Table.Th scope="col" w={210}>
                  {t('users.status')}
                </Table.Th>
                <Table.Th scope="col">{t('users.lastLogin')}</Table.Th>
                <Table.Th scope="col">{t('users.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.map((user) => (
                <UserRow key={user.id} {...person(user)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <StatusConfirmModal user={target} opened={confirming} onClose={() => setConfirming(false)} onDone={onChanged} />
    </>
  );
}

/** Scrolls to and focuses the person an invitation found already in the team. */
function useShown<T extends HTMLElement>(shown: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!shown) return;
    ref.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    ref.current?.focus();
  }, [shown]);
  return ref;
}

function Name({ user }: { user: StaffUser }) {
  const { t } = useTranslation();
  const isSelf = useCurrentUser().id === user.id;
  return (
    <Group gap="xs" wrap="nowrap">
      {user.name.trim() ? (
        <Text size="sm" fw={500}>
          {user.name}
        </Text>
      ) : (
        <Text size="sm" c="dimmed" fs="italic">
          {t('team.noName')}
        </Text>
      )}
      {isSelf && (
        <Badge size="xs" variant="outline" style={{ flexShrink: 0 }}>
          {t('common.you')}
        </Badge>
      )}
    </Group>
  );
}

function Role({ user, onChanged }: { user: StaffUser; onChanged: () => void }) {
  const { t } = useTranslation();
  const isSelf = useCurrentUser().id === user.id;
  const { saving, changeRole } = useChangeRole(user, onChanged);
  if (isSelf) {
    return (
      <Tooltip label={t('users.selfHint')}>
        <Text size="sm">{t(`roles.${user.role}`)}</Text>
      </Tooltip>
    );
  }
  return (
    <RoleSelect
      aria-label={t('users.roleOf', { name: displayName(user) })}
      value={user.role}
      onChange={(role) => void changeRole(role)}
      disabled={saving || user.status === 'deactivated'}
      size="xs"
      w={185}
      comboboxProps={{ width: 340, position: 'bottom-start' }}
    />
  );
}

function Actions({ user, onToggleStatus, onResend, resending }: PersonProps): ReactNode {
  const { t } = useTranslation();
  if (useCurrentUser().id === user.id) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      {user.status === 'invited' && (
        <Button
          size="xs"
          variant="light"
          loading={resending}
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
  );
}

function LastLogin({ user, inline = false }: { user: StaffUser; inline?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Text
      span={inline}
      size={inline ? 'xs' : 'sm'}
      c={user.lastLoginAt ? (inline ? 'dark' : undefined) : 'dimmed'}
      style={{ whiteSpace: 'nowrap' }}
    >
      {formatDateTime(user.lastLoginAt, i18n.language, true) ?? t('users.never')}
    </Text>
  );
}

function UserRow(props: PersonProps) {
  const { user, onChanged, shown } = props;
  const row = useShown<HTMLTableRowElement>(shown);
  return (
    <Table.Tr
      ref={row}
      tabIndex={shown ? -1 : undefined}
      aria-current={shown ? 'true' : undefined}
      bg={shown ? 'var(--mantine-color-yellow-light)' : undefined}
      data-testid={`user-row-${user.email}`}
    >
      <Table.Td>
        <Name user={user} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {user.email}
        </Text>
      </Table.Td>
      <Table.Td>
        <Role user={user} onChanged={onChanged} />
      </Table.Td>
      <Table.Td>
        <UserStatus user={user} />
      </Table.Td>
      <Table.Td>
        <LastLogin user={user} />
      </Table.Td>
      <Table.Td>
        <Actions {...props} />
      </Table.Td>
    </Table.Tr>
  );
}

function UserCard(props: PersonProps) {
  const { t } = useTranslation();
  const { user, onChanged, shown } = props;
  const card = useShown<HTMLLIElement>(shown);
  return (
    <Card
      component="li"
      ref={card}
      withBorder
      padding="sm"
      tabIndex={shown ? -1 : undefined}
      aria-current={shown ? 'true' : undefined}
      bg={shown ? 'var(--mantine-color-yellow-light)' : undefined}
      data-testid={`user-card-${user.email}`}
      style={{ listStyle: 'none' }}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Name user={user} />
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {user.email}
            </Text>
          </div>
          <UserStatus user={user} />
        </Group>
        <Role user={user} onChanged={onChanged} />
        <Text size="xs" c="dimmed">
          {t('users.lastLogin')} : <LastLogin user={user} inline />
        </Text>
        <Actions {...props} />
      </Stack>
    </Card>
  );
}
