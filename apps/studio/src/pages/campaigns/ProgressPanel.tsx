import { Alert, Box, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CampaignProgress } from '@crieur/api';
import { errorMessage } from '../../i18n/error-message';
import type { TFunction } from 'i18next';
import {
  formatCount,
  formatDuration,
  formatParisDateTime,
  formatRate,
  formatTimeLeft,
  progressTotal,
  reasonText,
  SEGMENTS,
  segmentValues,
  type Pace,
} from './format';

type Props = { progress: CampaignProgress; pace: Pace | null; pollError: unknown };

/** The segmented bar, its legend, pace, time left, start and end, and the errors by reason. */
export function ProgressPanel({ progress, pace, pollError }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const total = progressTotal(progress);
  const values = segmentValues(progress.counts);
  const percent = (n: number) => (total > 0 ? (n / total) * 100 : 0);
  const done = total - values.remaining;
  const percentText = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(total > 0 ? done / total : 0);
  // nothing moves while sending waits for the mail server: no stripes that suggest it does
  const sending = progress.status === 'sending' && !progress.serverWait;
  const started = progress.startedAt !== null || total > 0;

  return (
    <Stack gap="xl">
      <section aria-labelledby="campaign-progress">
        <Title order={2} size="h3" id="campaign-progress" mb="sm">
          {t('campaignsPage.progress.title')}
        </Title>
        {!started ? (
          <Text c="dimmed">{t('campaignsPage.progress.notStartedYet')}</Text>
        ) : (
          <Stack gap="md">
            <Progress.Root size={28} radius="sm" aria-hidden>
              {SEGMENTS.map(({ key, color }) =>
                values[key] > 0 ? (
                  <Tooltip
                    key={key}
                    label={`${t(`campaignsPage.progress.legend.${key}`)} : ${formatCount(values[key], lang)}`}
                  >
                    <Progress.Section
                      value={percent(values[key])}
                      color={color}
                      animated={key === 'remaining' && sending}
                      withAria={false}
                    />
                  </Tooltip>
                ) : null,
              )}
            </Progress.Root>
            {/* the figures screen readers hear as they change; the bar above only repeats them */}
            <div aria-live="polite" aria-atomic="true">
              <Text fw={600} size="lg">
                {t('campaignsPage.progress.summary', {
                  done: formatCount(done, lang),
                  total: formatCount(total, lang),
                  percent: percentText,
                })}
              </Text>
              <Group gap="lg" mt="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {SEGMENTS.map(({ key, color }) => (
                  <Group key={key} gap={6} component="li" wrap="nowrap">
                    <Box w={12} h={12} bg={color} style={{ borderRadius: 3, flex: 'none' }} aria-hidden />
                    <Text size="sm">
                      {t(`campaignsPage.progress.legend.${key}`)} :{' '}
                      <Text span fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {formatCount(values[key], lang)}
                      </Text>
                    </Text>
                  </Group>
                ))}
              </Group>
            </div>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
              {paceFigures(t, lang, progress, pace).map((f) => (
                <Figure key={f.label} label={f.label} value={f.value} />
              ))}
              <Figure
                label={t('campaignsPage.progress.startedAt')}
                value={formatParisDateTime(progress.startedAt, lang) ?? '—'}
              />
              <Figure
                label={t('campaignsPage.progress.finishedAt')}
                value={formatParisDateTime(progress.finishedAt, lang) ?? '—'}
              />
            </SimpleGrid>
          </Stack>
        )}
        {pollError !== null && pollError !== undefined && (
          <Alert color="yellow" mt="md" role="status">
            {t('campaignsPage.progress.pollFailed', { message: errorMessage(t, pollError) })}
          </Alert>
        )}
      </section>
      {started && <ErrorList errors={progress.errors} />}
    </Stack>
  );
}

/** While sending: the current rate and time left; once over: the average rate and how long it took. */
function paceFigures(
  t: TFunction,
  lang: string,
  progress: CampaignProgress,
  pace: Pace | null,
): { label: string; value: string }[] {
  const rate = (perSecond: number) => t('campaignsPage.progress.rateValue', { rate: formatRate(perSecond, lang) });
  if (progress.status === 'sending') {
    // this page's own measure once it has a few seconds of polls; the server's minute average before that
    const perSecond = pace?.ratePerSecond ?? progress.ratePerSecond;
    const left = pace ? pace.secondsLeft : progress.secondsLeft;
    return [
      { label: t('campaignsPage.progress.rate'), value: perSecond > 0 ? rate(perSecond) : '—' },
      {
        label: t('campaignsPage.progress.timeLeft'),
        value: progress.serverWait
          ? t('campaignsPage.serverWait.timeLeft')
          : (formatTimeLeft(t, left) ?? t('campaignsPage.progress.unknown')),
      },
    ];
  }
  if (progress.startedAt && progress.finishedAt && (progress.status === 'sent' || progress.status === 'cancelled')) {
    const seconds = (new Date(progress.finishedAt).getTime() - new Date(progress.startedAt).getTime()) / 1000;
    const handled = progress.counts.sent + progress.counts.failed;
    return [
      { label: t('campaignsPage.progress.averageRate'), value: seconds >= 1 ? rate(handled / seconds) : '—' },
      { label: t('campaignsPage.progress.duration'), value: formatDuration(t, seconds) },
    ];
  }
  return [
    { label: t('campaignsPage.progress.rate'), value: '—' },
    { label: t('campaignsPage.progress.timeLeft'), value: '—' },
  ];
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={600} mt={2}>
        {value}
      </Text>
    </Paper>
  );
}

function ErrorList({ errors }: { errors: CampaignProgress['errors'] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="campaign-errors">
      <Title order={2} size="h3" id="campaign-errors" mb="sm">
        {t('campaignsPage.errorsList.title')}
      </Title>
      {errors.length === 0 ? (
        <Text c="dimmed">{t('campaignsPage.errorsList.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table withTableBorder striped aria-labelledby="campaign-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('campaignsPage.errorsList.reason')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('campaignsPage.errorsList.count')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {errors.map((e) => (
                <Table.Tr key={e.error}>
                  <Table.Td style={{ wordBreak: 'break-word' }}>{reasonText(t, e.error)}</Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatCount(e.count, i18n.language)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
