import { Avatar, Box, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconChevronDown, IconLanguage, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { changeLanguage, LANGUAGES } from '../i18n';
import { errorMessage } from '../i18n/error-message';
import { useCurrentUser, useSession } from '../session/session-context';
import { displayName } from '../session/display-name';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

export function UserMenu() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const { logout } = useSession();
  const navigate = useNavigate();

  const onLogout = async () => {
    try {
      await logout();
      await navigate('/login', { replace: true });
    } catch (error) {
      notifications.show({ color: 'red', title: t('shell.logoutFailed'), message: errorMessage(t, error) });
    }
  };

  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton
          data-testid="user-menu"
          p={4}
          style={{ borderRadius: 'var(--mantine-radius-sm)', flex: 'none' }}
          // on phones only the initials show: the name is said here, so the button keeps it
          aria-label={`${displayName(user)}, ${t(`roles.${user.role}`)}`}
        >
          <Group gap="xs" wrap="nowrap">
            <Avatar size="sm" color="indigo" aria-hidden>
              {initials(displayName(user))}
            </Avatar>
            <Box visibleFrom="sm">
              <Text size="sm" fw={600} lh={1.2}>
                {displayName(user)}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {t(`roles.${user.role}`)}
              </Text>
            </Box>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Divider />
        <Menu.Label>
          <Group gap={4}>
            <IconLanguage size={14} aria-hidden />
            {t('shell.language')}
          </Group>
        </Menu.Label>
        {LANGUAGES.map((language) => (
          <Menu.Item
            key={language}
            lang={language}
            onClick={() => void changeLanguage(language)}
            rightSection={i18n.language === language ? <IconCheck size={14} aria-hidden /> : null}
            aria-current={i18n.language === language ? 'true' : undefined}
          >
            {t(`languages.${language}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void onLogout()}>
          {t('shell.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
