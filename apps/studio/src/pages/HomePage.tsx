import { Card, Group, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../hooks/use-page-title';
import { useCurrentUser } from '../session/session-context';
import { sectionsFor } from '../shell/sections';
import { displayName } from '../session/display-name';
import { FirstRunChecklist } from './home/FirstRunChecklist';
import { ReviewCards } from './home/ReviewCards';

export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  usePageTitle(t('shell.home'));
  // the day-to-day work this role may open; admin pages stay in the navbar only
  const homeSections = sectionsFor(user.role).filter((section) => section.onHome !== false);

  return (
    <>
      {/* a long address as the name must wrap on a phone, not widen the page */}
      <Title order={1} style={{ overflowWrap: 'anywhere' }}>
        {t('home.welcome', { name: displayName(user) })}
      </Title>
      <Text c="dimmed" mt={4} mb="xl">
        {t('home.intro')}
      </Text>
      <FirstRunChecklist />
      <ReviewCards />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
        {homeSections.map(({ key, path, icon: Icon }) => (
          <Card key={key} withBorder radius="md" padding="lg" component="section" aria-labelledby={`home-card-${key}`}>
            <Group gap="sm" mb="xs" wrap="nowrap">
              <ThemeIcon variant="light" size="lg" aria-hidden>
                <Icon size={20} />
              </ThemeIcon>
              <Title order={2} size="h4" id={`home-card-${key}`}>
                {t(`sections.${key}.title`)}
              </Title>
            </Group>
            <Text size="sm" c="dimmed" mb="md" style={{ flexGrow: 1 }}>
              {t(`sections.${key}.description`)}
            </Text>
            <Text
              component={Link}
              to={path}
              size="sm"
              fw={600}
              c="indigo.7"
              aria-describedby={`home-card-${key}`}
              style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
            >
              {t('home.open')}
              <IconArrowRight size={14} aria-hidden />
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
