import { Anchor, AppShell, Burger, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { OrganisationMark } from './OrganisationMark';
import { useOrganisationName } from '../hooks/use-organisation-name';
import { ShellNavbar } from './ShellNavbar';
import { UserMenu } from './UserMenu';

/** The frame of every logged-in page: header with the user menu, navbar with the sections. */
export function Shell({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  // the association's name, never the software's; « Studio » until an admin sets it
  const organisation = useOrganisationName();

  // on small screens the navbar covers the page: close it once a link was followed
  useEffect(close, [pathname, close]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0} style={{ flex: 1 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.toggleNav')} />
            <OrganisationMark height={32} />
            <Anchor
              component={Link}
              to="/"
              fw={700}
              fz={organisation.length > 32 ? 'md' : 'xl'}
              c="inherit"
              underline="never"
              truncate="end"
              title={organisation || undefined}
            >
              {organisation || t('app.name')}
            </Anchor>
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('shell.mainNav')}>
        <ShellNavbar />
      </AppShell.Navbar>
      <AppShell.Main>{children ?? <Outlet />}</AppShell.Main>
    </AppShell>
  );
}
