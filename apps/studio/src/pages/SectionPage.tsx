import { Badge, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../hooks/use-page-title';
import type { SectionKey } from '../shell/sections';

/** Title and one-line description of a section; `soon` adds the "Bientôt" badge of unbuilt sections. */
export function SectionHeader({ section, soon = false }: { section: SectionKey; soon?: boolean }) {
  const { t } = useTranslation();
  const title = t(`sections.${section}.title`);
  usePageTitle(title);
  return (
    <div>
      <Group gap="sm" align="center">
        <Title order={1}>{title}</Title>
        {soon && (
          <Badge variant="light" color="yellow" size="lg">
            {t('common.soon')}
          </Badge>
        )}
      </Group>
      <Text c="dimmed" mt={4}>
        {t(`sections.${section}.description`)}
      </Text>
    </div>
  );
}

/** Placeholder for the sections that later issues build. */
export function SectionPage({ section, children }: { section: SectionKey; children?: ReactNode }) {
  return (
    <>
      <SectionHeader section={section} soon />
      {children}
    </>
  );
}
