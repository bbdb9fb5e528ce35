import { Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisationName } from '../hooks/use-organisation-name';
import { OrganisationMark } from '../shell/OrganisationMark';
import { changeLanguage } from '../i18n';

/** Centered card for the pages seen before logging in (login, invitation). */
export function AuthLayout({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'fr' : 'en';
  const organisation = useOrganisationName();
  return (
    <Container size={440} py={48}>
      <Group justify="space-between" mb="lg" wrap="nowrap" align="flex-start">
        {/* the logo on its own line: a long name keeps the card's whole width on a phone */}
        <Stack gap={8} style={{ flex: 1, minWidth: 0 }}>
          <OrganisationMark height={40} />
          <Text fw={700} fz={organisation.length > 32 ? 'lg' : 'xl'} lh={1.25}>
            {organisation || t('app.name')}
          </Text>
        </Stack>
        <Button
          variant="subtle"
          size="compact-sm"
          lang={other}
          onClick={() => void changeLanguage(other)}
          style={{ flex: 'none' }}
        >
          {t(`languages.${other}`)}
        </Button>
      </Group>
      <Paper withBorder shadow="sm" p="xl" radius="md">
        <Stack gap="md">
          <div>
            <Title order={1} size="h2">
              {title}
            </Title>
            {intro && (
              <Text c="dimmed" size="sm" mt={4}>
                {intro}
              </Text>
            )}
          </div>
          {children}
        </Stack>
      </Paper>
    </Container>
  );
}
