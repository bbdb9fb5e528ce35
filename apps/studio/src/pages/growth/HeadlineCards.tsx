import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { GrowthHeadline, ListGrowth } from '@crieur/api';
import { formatCount, formatDayInText, formatSigned } from './format';
import { listColor } from './charts/options';

/** The measured change, said with the day it counts from (1 January, or when the measurements began). */
function sinceText(t: TFunction, language: string, h: GrowthHeadline) {
  if (!h.since) return t('growth.headline.sinceNone', { year: h.year });
  const change = formatSigned(language, h.since.change);
  const day = formatDayInText(language, h.since.day);
  if (!h.since.fromStart) return t('growth.headline.since', { change, day });
  return t('growth.headline.sinceStart', { change, day });
}

/** Per list: subscribers now (today, live), the measured change this year, and an entered count apart. */
export function HeadlineCards({ lists, today }: { lists: ListGrowth[]; today: string }) {
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
              {h.since?.fromStart && h.since.day === today
                ? t('growth.headline.startsToday')
                : sinceText(t, i18n.language, h)}
            </Text>
            {h.entered && (
              <Text size="sm" c="dimmed" mt={2} data-figure="entered">
                {t('growth.headline.entered', {
                  formatted: formatCount(i18n.language, h.entered.confirmed),
                  day: formatDayInText(i18n.language, `${h.entered.month}-01`),
                })}
              </Text>
            )}
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
