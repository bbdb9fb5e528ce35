import '@mantine/dates/styles.css';
import { Button, Chip, Group, Stack, Text } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import 'dayjs/locale/fr';
import 'dayjs/locale/en-gb';
import { useTranslation } from 'react-i18next';
import type { MailingList } from '@crieur/api';
import { addDays } from './format';

export type GrowthRange = { from: string; to: string };

/** Which lists (side by side on the same charts) and which days; presets for the usual spans. */
export function GrowthFilters(props: {
  lists: MailingList[];
  selected: string[];
  onLists(slugs: string[]): void;
  range: GrowthRange;
  latest: string;
  onRange(range: GrowthRange): void;
}) {
  const { t, i18n } = useTranslation();
  const year = Number(props.latest.slice(0, 4));
  const presets: { key: 'last12' | 'thisYear' | 'lastYear'; range: GrowthRange }[] = [
    { key: 'last12', range: { from: addDays(props.latest, -364), to: props.latest } },
    { key: 'thisYear', range: { from: `${year}-01-01`, to: props.latest } },
    { key: 'lastYear', range: { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` } },
  ];
  return (
    <Stack gap="sm" className="growth-no-print">
      <Group gap="lg" align="flex-end" wrap="wrap">
        <div>
          <Text size="sm" fw={500} mb={6} id="growth-lists-label">
            {t('growth.filters.lists')}
          </Text>
          <Chip.Group multiple value={props.selected} onChange={(value) => value.length && props.onLists(value)}>
            <Group gap="xs" role="group" aria-labelledby="growth-lists-label">
              {props.lists.map((l) => (
                <Chip key={l.slug} value={l.slug}>
                  {l.name}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </div>
        <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en-gb' : 'fr', firstDayOfWeek: 1 }}>
          <DatePickerInput
            type="range"
            label={t('growth.filters.range')}
            value={[props.range.from, props.range.to]}
            maxDate={props.latest}
            valueFormat={i18n.language === 'en' ? 'D MMM YYYY' : 'DD/MM/YYYY'}
            onChange={([from, to]) => from && to && props.onRange({ from, to })}
            w={260}
          />
        </DatesProvider>
        <Group gap="xs">
          {presets.map((p) => (
            <Button
              key={p.key}
              size="xs"
              variant={p.range.from === props.range.from && p.range.to === props.range.to ? 'filled' : 'default'}
              onClick={() => props.onRange(p.range)}
            >
              {t(`growth.filters.${p.key}`, { year: year - 1 })}
            </Button>
          ))}
        </Group>
      </Group>
    </Stack>
  );
}
