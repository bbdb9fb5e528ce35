import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign, CampaignProgress } from '@crieur/api';
import { useApiMutation, useSingleFlight } from '../../api/queries';
import { ScheduleField } from '../../components/schedule/ScheduleField';
import { sendingError } from './format';

type Props = {
  campaign: Campaign;
  opened: boolean;
  onClose: () => void;
  onScheduled: (progress: CampaignProgress, at: string) => void;
};

/** "Programmer" / "Reprogrammer": a day and a time, both read in Paris time (the shared schedule field). */
export function ScheduleModal({ campaign, opened, onClose, onScheduled }: Props) {
  const { t } = useTranslation();
  const title =
    campaign.status === 'held' ? t('campaignsPage.actions.reschedule') : t('campaignsPage.scheduleModal.title');
  return (
    <Modal opened={opened} onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('common.closeDialog') }}>
      {opened && <ScheduleForm campaign={campaign} onClose={onClose} onScheduled={onScheduled} />}
    </Modal>
  );
}

function ScheduleForm({ campaign, onClose, onScheduled }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const [at, setAt] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const schedule = useApiMutation('POST /api/campaigns/:id/schedule', {
    onSuccess: (answer, input) => onScheduled(answer.progress, input.body.at),
  });
  // stays busy after a success: the modal closes on the answer
  const busy = schedule.isPending || schedule.isSuccess;
  const scheduleOnce = useSingleFlight(schedule.mutate);

  const submit = () => {
    // the instant is exactly what the field understood and showed: nothing is rounded or moved here
    if (!at) return setRefused(t('schedule.incomplete'));
    if (busy) return;
    scheduleOnce({ params: { id: campaign.id }, body: { at } });
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        <Text size="sm">
          {t('campaignsPage.scheduleModal.lists', {
            lists: campaign.lists.map((l) => l.name).join(', ') || t('campaignsPage.detail.noLists'),
          })}
        </Text>
        <ScheduleField
          onChange={(next) => {
            setAt(next);
            setRefused(null);
          }}
          error={refused}
          autoFocus
        />
        {schedule.isError && (
          <Alert color="red" role="alert" title={t('campaignsPage.actions.failed')}>
            {sendingError(t, schedule.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('campaignsPage.scheduleModal.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
