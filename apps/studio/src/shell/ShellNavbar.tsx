import { NavLink } from '@mantine/core';
import { IconHome } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useCurrentUser } from '../session/session-context';
import { PendingContributions } from './PendingContributions';
import { sectionsFor } from './sections';

export function ShellNavbar() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const sections = sectionsFor(user.role);
  const matches = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  // the most specific section wins: « Identité » (/settings/identity) is not also « Réglages »
  const active = sections.filter((s) => matches(s.path)).sort((a, b) => b.path.length - a.path.length)[0]?.path;
  const isActive = (path: string) => path === active;

  return (
    <>
      <NavLink
        component={Link}
        to="/"
        label={t('shell.home')}
        leftSection={<IconHome size={18} aria-hidden />}
        active={pathname === '/'}
        aria-current={pathname === '/' ? 'page' : undefined}
      />
      {sections.map(({ key, path, icon: Icon }) => (
        <NavLink
          key={key}
          component={Link}
          to={path}
          label={t(`sections.${key}.title`)}
          leftSection={<Icon size={18} aria-hidden />}
          // moderators see what waits for them; senders only read accepted items
          rightSection={key === 'contributions' && user.role !== 'sender' ? <PendingContributions /> : undefined}
          active={isActive(path)}
          aria-current={isActive(path) ? 'page' : undefined}
        />
      ))}
    </>
  );
}
