import { Alert, List, Stack, Text } from '@mantine/core';
import { IconServerOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ServerWait } from '@crieur/api';
import { formatParisDateTime, formatParisTime, parisToday } from './format';

type Props = {
  wait: ServerWait;
  /** the campaign is paused as well: no try happens until staff resume it */
  paused: boolean;
  /** the pause was decided by staff (an old campaign may still carry a pause by the system) */
  pausedByStaff: boolean;
};

/** The mail server refuses or does not answer: why, since when, when it is tried next, and what happens then. */
export function ServerWaitNotice({ wait, paused, pausedByStaff }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const now = new Date();
  const since =
    parisToday(new Date(wait.since)) === parisToday(now)
      ? t('campaignsPage.serverWait.sinceToday', { time: formatParisTime(wait.since, lang) ?? '—' })
      : t('campaignsPage.serverWait.sinceDate', { date: formatParisDateTime(wait.since, lang) ?? '—' });
  // a due try is made by the next round of the sender, within seconds
  const due = wait.nextProbeAt === null || new Date(wait.nextProbeAt) <= now;
  const next = due ? null : formatParisTime(wait.nextProbeAt, lang);

  return (
    <Alert
      color="orange"
      variant="light"
      role="status"
      icon={<IconServerOff aria-hidden />}
      title={t(paused ? 'campaignsPage.serverWait.titlePaused' : 'campaignsPage.serverWait.title')}
      data-testid="server-wait"
      // orange on light orange is too faint for a title's small text: the title keeps the text colour
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
    >
      <Stack gap="xs">
        {paused && pausedByStaff && <Text size="sm">{t('campaignsPage.serverWait.pausedByStaff')}</Text>}
        {wait.reason && (
          <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }} data-testid="server-wait-reason">
            {wait.reason}
          </Text>
        )}
        <List size="sm" spacing={2}>
          <List.Item>{since}</List.Item>
          {!paused && (
            <List.Item>
              {next ? t('campaignsPage.serverWait.nextProbe', { time: next }) : t('campaignsPage.serverWait.probing')}
            </List.Item>
          )}
        </List>
        <Text size="sm">
          {t(paused ? 'campaignsPage.serverWait.pausedNoProbe' : 'campaignsPage.serverWait.resumesAlone')}
        </Text>
      </Stack>
    </Alert>
  );
}
