import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent, IconPlayerPause, IconPlayerPlay, IconRefresh, IconSend, IconX } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign, CampaignProgress, CampaignStatus } from '@crieur/api';
import { call } from '../../api/client';
import { useSingleFlight } from '../../api/queries';
import { codeOf, formatCount, formatParisDateTime, sendingError } from './format';
import { ScheduleModal } from './ScheduleModal';
import { SendModal } from './SendModal';

type Direct = 'unschedule' | 'pause' | 'resume';
type Confirmed = 'cancel' | 'resendFailed' | 'resendUncertain';
type Dialog = 'send' | 'schedule' | Confirmed | null;

type Props = {
  campaign: Campaign;
  status: CampaignStatus;
  progress: CampaignProgress | null;
  /** any answer carries the new progress; the page also reloads the campaign */
  onChanged: (progress: CampaignProgress) => void;
  /** a 409 CAMPAIGN_STATE: someone else acted, the page reloads everything */
  onStale: () => void;
};

/** The buttons the campaign's status allows, with a confirmation for what cannot be undone. */
export function CampaignActions({ campaign, status, progress, onChanged, onStale }: Props) {
  const { t, i18n } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const counts = progress?.counts;
  const remaining = counts ? counts.queued + counts.sending : 0;

  // one mutation for the five routes: one action at a time, its error shown where it was asked
  const action = useMutation({
    mutationFn: async (which: Direct | Confirmed) => {
      const params = { id: campaign.id };
      if (which === 'resendFailed' || which === 'resendUncertain') {
        const body = { which: which === 'resendFailed' ? ('failed' as const) : ('uncertain' as const) };
        return call('POST /api/campaigns/:id/resend', { params, body });
      }
      const answer = await call(`POST /api/campaigns/:id/${which}`, { params });
      return { ...answer, requeued: null };
    },
    onSuccess: (answer, which) => {
      onChanged(answer.progress);
      const message =
        answer.requeued === null
          ? t(`campaignsPage.actions.done.${which as Direct | 'cancel'}`)
          : t('campaignsPage.actions.done.resent', {
              count: answer.requeued,
              n: formatCount(answer.requeued, i18n.language),
            });
      notifications.show({ color: 'teal', message });
      setDialog(null);
    },
    onError: (error) => {
      if (codeOf(error) === 'CAMPAIGN_STATE') onStale();
    },
  });
  const busy = action.isPending ? action.variables : null;
  const failure = action.isError ? action.error : null;
  const run = useSingleFlight<Direct | Confirmed>(action.mutate);

  const open = (next: Dialog) => {
    action.reset();
    setDialog(next);
  };

  const buttons: ReactNode[] = [];
  if (status === 'draft' || status === 'held') {
    buttons.push(
      <Button key="send" leftSection={<IconSend size={18} aria-hidden />} onClick={() => open('send')}>
        {t('campaignsPage.actions.sendNow')}
      </Button>,
      <Button
        key="schedule"
        variant="default"
        leftSection={<IconCalendarEvent size={18} aria-hidden />}
        onClick={() => open('schedule')}
      >
        {t(status === 'held' ? 'campaignsPage.actions.reschedule' : 'campaignsPage.actions.schedule')}
      </Button>,
    );
  }
  if (status === 'scheduled') {
    buttons.push(
      <Button key="unschedule" variant="default" loading={busy === 'unschedule'} onClick={() => run('unschedule')}>
        {t('campaignsPage.actions.unschedule')}
      </Button>,
    );
  }
  if (status === 'sending') {
    buttons.push(
      <Button
        key="pause"
        color="yellow"
        leftSection={<IconPlayerPause size={18} aria-hidden />}
        loading={busy === 'pause'}
        onClick={() => run('pause')}
      >
        {t('campaignsPage.actions.pause')}
      </Button>,
    );
  }
  if (status === 'paused') {
    buttons.push(
      <Button
        key="resume"
        leftSection={<IconPlayerPlay size={18} aria-hidden />}
        loading={busy === 'resume'}
        onClick={() => run('resume')}
      >
        {t('campaignsPage.actions.resume')}
      </Button>,
    );
  }
  if (status === 'sending' || status === 'paused') {
    buttons.push(
      <Button
        key="cancel"
        variant="light"
        color="red"
        leftSection={<IconX size={18} aria-hidden />}
        onClick={() => open('cancel')}
      >
        {t('campaignsPage.actions.cancel')}
      </Button>,
    );
  }
  if (status === 'sent' && counts && counts.failed > 0) {
    buttons.push(
      <Button
        key="resendFailed"
        variant="default"
        leftSection={<IconRefresh size={18} aria-hidden />}
        onClick={() => open('resendFailed')}
      >
        {t('campaignsPage.actions.resendFailed')}
      </Button>,
    );
  }
  if ((status === 'sent' || status === 'sending' || status === 'paused') && counts && counts.uncertain > 0) {
    buttons.push(
      <Button
        key="resendUncertain"
        variant="default"
        color="orange"
        leftSection={<IconRefresh size={18} aria-hidden />}
        onClick={() => open('resendUncertain')}
      >
        {t('campaignsPage.actions.resendUncertain')}
      </Button>,
    );
  }

  const failureAlert = failure !== null && (
    <Alert color="red" role="alert" title={t('campaignsPage.actions.failed')}>
      {sendingError(t, failure)}
    </Alert>
  );
  const confirming = dialog === 'cancel' || dialog === 'resendFailed' || dialog === 'resendUncertain' ? dialog : null;
  const subject = campaign.subject || t('campaignsPage.list.noSubject');

  return (
    <>
      {buttons.length > 0 && (
        <Group gap="sm" role="group" aria-label={t('campaignsPage.detail.actionsLabel')}>
          {buttons}
        </Group>
      )}
      {dialog === null && failureAlert}

      <SendModal
        campaign={campaign}
        opened={dialog === 'send'}
        onClose={() => setDialog(null)}
        onSent={(next, started) => {
          setDialog(null);
          onChanged(next);
          notifications.show({
            color: started ? 'teal' : 'blue',
            message: t(started ? 'campaignsPage.actions.done.sent' : 'campaignsPage.actions.done.alreadyStarted'),
          });
        }}
      />
      <ScheduleModal
        campaign={campaign}
        opened={dialog === 'schedule'}
        onClose={() => setDialog(null)}
        onScheduled={(next, at) => {
          setDialog(null);
          onChanged(next);
          notifications.show({
            color: 'teal',
            message: t('campaignsPage.actions.done.scheduled', { date: formatParisDateTime(at, i18n.language) }),
          });
        }}
      />
      <Modal
        opened={confirming !== null}
        onClose={() => setDialog(null)}
        title={confirming ? t(`campaignsPage.confirm.${confirming}.title`) : ''}
        closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
      >
        {confirming && (
          <Stack gap="md">
            {confirming === 'cancel' && (
              <Text>
                {t('campaignsPage.confirm.cancel.body', {
                  subject,
                  count: remaining,
                  n: formatCount(remaining, i18n.language),
                })}
              </Text>
            )}
            {confirming === 'resendFailed' && (
              <Text>
                {t('campaignsPage.confirm.resendFailed.body', {
                  count: counts?.failed ?? 0,
                  n: formatCount(counts?.failed ?? 0, i18n.language),
                })}
              </Text>
            )}
            {confirming === 'resendUncertain' && (
              <>
                <Text>
                  {t('campaignsPage.confirm.resendUncertain.body', {
                    count: counts?.uncertain ?? 0,
                    n: formatCount(counts?.uncertain ?? 0, i18n.language),
                  })}
                </Text>
                <Alert color="orange" variant="light">
                  {t('campaignsPage.confirm.resendUncertain.advice')}
                </Alert>
              </>
            )}
            {failureAlert}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)} data-autofocus>
                {t(`campaignsPage.confirm.${confirming}.keep`)}
              </Button>
              <Button
                color={confirming === 'cancel' ? 'red' : confirming === 'resendUncertain' ? 'orange' : undefined}
                loading={busy === confirming}
                onClick={() => run(confirming)}
              >
                {t(`campaignsPage.confirm.${confirming}.confirm`)}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
