import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ListGrowth } from '@crieur/api';
import { formatCount, formatSigned } from './format';
import { listColor } from './charts/options';

/** Per list: subscribers now and the change since 1 January, as the activity report words them. */
export function HeadlineCards({ lists }: { lists: ListGrowth[] }) {
  const { t, i18n } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: Math.min(3, Math.max(1, lists.length)) }} spacing="md">
      {lists.map((l, i) => {
        const h = l.headline;
        return (
          <Paper
            key={l.slug}
            withBorder
            radius="md"
            p="md"
            data-headline={l.slug}
            style={{ borderTop: `4px solid ${listColor(l.slug, i)}` }}
          >
            <Text size="sm" fw={600} c="dimmed">
              {l.name}
            </Text>
            <Text size="xl" fw={700} mt={4} data-figure="now">
              {t('growth.headline.subscribers', {
                count: h.confirmedNow,
                formatted: formatCount(i18n.language, h.confirmedNow),
              })}
            </Text>
            <Text size="sm" mt={2} data-figure="since">
              {h.sinceJanuary === null
                ? t('growth.headline.sinceUnknown', { year: h.year })
                : t('growth.headline.since', { change: formatSigned(i18n.language, h.sinceJanuary) })}
              {h.openingEntered ? ` ${t('growth.headline.fromEntered')}` : ''}
            </Text>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
