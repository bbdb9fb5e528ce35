import '@mantine/dates/styles.css';
import 'dayjs/locale/fr';
import 'dayjs/locale/en-gb';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { DatePickerInput, DatesProvider, TimeInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign, CampaignProgress } from '@crieur/api';
import { useApiMutation, useSingleFlight } from '../../api/queries';
import { parisToday, parisToIso, sendingError } from './format';

type Props = {
  campaign: Campaign;
  opened: boolean;
  onClose: () => void;
  onScheduled: (progress: CampaignProgress, at: string) => void;
};

/** "Programmer" / "Reprogrammer": a day and a time, both read in Paris time. */
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
  const { t, i18n } = useTranslation();
  const [date, setDate] = useState<string | null>(null);
  const [time, setTime] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);
  const [timeError, setTimeError] = useState<string | null>(null);
  const schedule = useApiMutation('POST /api/campaigns/:id/schedule', {
    onSuccess: (answer, input) => onScheduled(answer.progress, input.body.at),
  });
  // stays busy after a success: the modal closes on the answer
  const busy = schedule.isPending || schedule.isSuccess;
  const scheduleOnce = useSingleFlight(schedule.mutate);

  const submit = () => {
    const at = date && time ? parisToIso(date.slice(0, 10), time.slice(0, 5)) : null;
    if (!date) setDateError(t('campaignsPage.scheduleModal.dateRequired'));
    if (!time) setTimeError(t('campaignsPage.scheduleModal.timeRequired'));
    if (!at) return;
    if (new Date(at).getTime() <= Date.now()) return setTimeError(t('campaignsPage.scheduleModal.past'));
    if (busy) return;
    scheduleOnce({ params: { id: campaign.id }, body: { at } });
  };

  return (
    <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en-gb' : 'fr', firstDayOfWeek: 1 }}>
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
          <DatePickerInput
            label={t('campaignsPage.scheduleModal.date')}
            value={date}
            onChange={(value) => {
              setDate(value);
              setDateError(null);
            }}
            minDate={parisToday()}
            valueFormat="dddd D MMMM YYYY"
            ariaLabels={{
              nextMonth: t('campaignsPage.scheduleModal.calendar.nextMonth'),
              previousMonth: t('campaignsPage.scheduleModal.calendar.previousMonth'),
              nextYear: t('campaignsPage.scheduleModal.calendar.nextYear'),
              previousYear: t('campaignsPage.scheduleModal.calendar.previousYear'),
              nextDecade: t('campaignsPage.scheduleModal.calendar.nextDecade'),
              previousDecade: t('campaignsPage.scheduleModal.calendar.previousDecade'),
              monthLevelControl: t('campaignsPage.scheduleModal.calendar.monthLevelControl'),
              yearLevelControl: t('campaignsPage.scheduleModal.calendar.yearLevelControl'),
            }}
            popoverProps={{ withinPortal: true, zIndex: 1000 }}
            error={dateError}
            withAsterisk
            data-autofocus
          />
          <TimeInput
            label={t('campaignsPage.scheduleModal.time')}
            description={t('campaignsPage.scheduleModal.timeHint')}
            value={time}
            onChange={(event) => {
              setTime(event.currentTarget.value);
              setTimeError(null);
            }}
            error={timeError}
            withAsterisk
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
    </DatesProvider>
  );
}
