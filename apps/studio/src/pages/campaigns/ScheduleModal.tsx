import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign, CampaignProgress } from '@crieur/api';
import { ApiError } from '../../api/api-error';
import { useApiMutation, useSingleFlight } from '../../api/queries';
import { PreflightGate } from '../../components/preflight/PreflightGate';
import { usePreflight, warningCodes } from '../../components/preflight/use-preflight';
import { ScheduleField } from '../../components/schedule/ScheduleField';
import { sendingError } from './format';

const isBlocked = (error: unknown) => error instanceof ApiError && error.code === 'PREFLIGHT_BLOCKED';

type Props = {
  campaign: Campaign;
  opened: boolean;
  onClose: () => void;
  onScheduled: (progress: CampaignProgress, at: string) => void;
};

/**
 * "Programmer" / "Reprogrammer": a day and a time, both read in Paris time (the shared schedule field), and the
 * checks before sending, as in "Envoyer maintenant": blocks keep the button off, warnings are acknowledged.
 */
export function ScheduleModal({ campaign, opened, onClose, onScheduled }: Props) {
  const { t } = useTranslation();
  const title =
    campaign.status === 'held' ? t('campaignsPage.actions.reschedule') : t('campaignsPage.scheduleModal.title');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
      size="lg"
    >
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
  const preflight = usePreflight(campaign.id);
  const items = preflight.answer?.items ?? [];
  const blocked = items.some((i) => i.level === 'block');
  const warnings = warningCodes(items);
  const waiting = preflight.checking && preflight.answer === null;
  // a refused schedule's blocks (422 PREFLIGHT_BLOCKED) take their place in the checklist
  const scheduleOnce = useSingleFlight(
    (input: Parameters<typeof schedule.mutate>[0], options: { onSettled: () => void }) =>
      schedule.mutate(input, { ...options, onError: (error) => preflight.showBlocked(error) }),
  );

  const submit = () => {
    // the instant is exactly what the field understood and showed: nothing is rounded or moved here
    if (!at) return setRefused(t('schedule.incomplete'));
    if (busy || blocked) return;
    scheduleOnce({ params: { id: campaign.id }, body: { at, acknowledgedWarnings: warnings } });
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
        <PreflightGate
          state={preflight}
          campaignId={campaign.id}
          blocked={blocked}
          warningCount={warnings.length}
          warningsHint={t('preflight.scheduleWarningsHint')}
        />
        {schedule.isError && !isBlocked(schedule.error) && (
          <Alert color="red" role="alert" title={t('campaignsPage.actions.failed')}>
            {sendingError(t, schedule.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            loading={busy}
            disabled={busy || waiting || blocked}
            color={warnings.length > 0 ? 'orange' : undefined}
          >
            {t(warnings.length > 0 ? 'preflight.scheduleAnyway' : 'campaignsPage.scheduleModal.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
